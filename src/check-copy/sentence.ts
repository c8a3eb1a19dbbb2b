/**
 * Finds a letter's copy sentence ("I am copying this letter to …", "Copies of
 * this letter are being sent to …", or a "cc:" block), tolerating line breaks,
 * words hyphenated across lines, curly quotes and non-breaking spaces. A
 * letter with more than one ("… I am also copying this letter to the
 * Education Funding Agency.") gives all their lists as one.
 */
import { joinPages } from './pages.js';

/** Where the copy list was found: the whole sentence and the list after its opening words. */
export interface CopySentence {
  sentence: string;
  list: string;
  /** 'sentence' for prose, 'block' for a "cc:" list, one body a line. */
  form: 'sentence' | 'block';
}

/** The letter has no copy sentence. */
export class NoCopySentenceError extends Error {
  constructor() {
    super(
      'the letter has no copy sentence: expected "I am copying this letter to …", "Copies of this letter are being sent to …" or a "cc:" list',
    );
    this.name = 'NoCopySentenceError';
  }
}

/** Letter text with line-end hyphenation undone and spacing made plain; paragraph breaks kept; pages (form feeds) joined. */
export function normaliseLetterText(text: string): string {
  const joined = text.includes('\f') ? joinPages(text.split('\f')) : text;
  return (
    joined
      .replace(/\r\n?/g, '\n')
      .replace(/\u00AD/g, '')
      .replace(/[\u00A0\u2007\u202F\t]/g, ' ')
      .replace(/[\u2010\u2011]/g, '-')
      // Ligatures a PDF's text may hold ("O\uFB03cer"): their letters.
      .replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize('NFKC'))
      .replace(/(\p{Ll})-[ ]*\n[ ]*(\p{Ll})/gu, '$1$2')
  );
}

const w = String.raw`\s+`;
const openings: RegExp[] = [
  new RegExp(String.raw`\bI${w}am${w}(?:also${w})?copying${w}this${w}letter${w}to\b`, 'i'),
  new RegExp(
    String.raw`\bI${w}(?:have|will${w}be|shall${w}be|will|shall)${w}(?:also${w})?cop(?:ied|ying|y)${w}this${w}letter${w}to\b`,
    'i',
  ),
  new RegExp(
    String.raw`\bI${w}am${w}(?:also${w})?sending${w}(?:a${w})?cop(?:y|ies)${w}of${w}this${w}letter${w}to\b`,
    'i',
  ),
  new RegExp(
    String.raw`\bcop(?:y|ies)${w}of${w}this${w}letter${w}(?:is|are|has${w}been|have${w}been|will${w}be|are${w}being|is${w}being|were|was)${w}(?:also${w})?(?:sent|copied|forwarded|provided)${w}to\b`,
    'i',
  ),
  new RegExp(
    String.raw`\bthis${w}letter${w}(?:is|has${w}been|will${w}be|is${w}being)${w}(?:also${w})?copied${w}to\b`,
    'i',
  ),
];
const block = /^[ ]*(?:cc|c\.c\.|copy to|copies to)[ ]*[:.-]?[ ]*/im;
const abbreviation = /\b(?:St|Mr|Mrs|Ms|Dr|Rev|Revd|Rt|Fr|Cllr|Prof|No|Co|Ltd)$/;

/** The sentence that follows the copy sentence in published letters, in case the full stop before it was lost. */
const publicationSentence = /\s(?:This|The)\s+letter\s+will\s+be\s+published\b/i;

/** The text up to the sentence's end: a full stop not after an abbreviation, a paragraph break, or the publication sentence. */
function untilSentenceEnd(text: string): string {
  const ends = [text.search(/\n[ ]*\n/), text.search(publicationSentence)].filter((i) => i >= 0);
  const limit = ends.length === 0 ? text.length : Math.min(...ends);
  for (let i = 0; i < limit; i++) {
    if (text[i] !== '.') continue;
    const next = text[i + 1];
    if (next !== undefined && !/\s/.test(next)) continue;
    if (abbreviation.test(text.slice(0, i))) continue;
    return text.slice(0, i);
  }
  return text.slice(0, limit);
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Every prose copy sentence, in the letter's order. */
function proseCopySentences(text: string): { sentence: string; list: string }[] {
  const found: { sentence: string; list: string }[] = [];
  for (let from = 0; ;) {
    let best: { index: number; length: number } | undefined;
    for (const opening of openings) {
      const global = new RegExp(opening.source, 'gi');
      global.lastIndex = from;
      const m = global.exec(text);
      if (m && (best === undefined || m.index < best.index)) best = { index: m.index, length: m[0].length };
    }
    if (!best) return found;
    const listStart = best.index + best.length;
    const list = untilSentenceEnd(text.slice(listStart));
    // The sentence starts after the last full stop or line break before its opening words, or at the text's start.
    const stop = text.lastIndexOf('. ', best.index);
    const sentenceStart = Math.max(stop < 0 ? 0 : stop + 2, text.lastIndexOf('\n', best.index) + 1);
    found.push({ sentence: collapse(text.slice(sentenceStart, listStart) + list) + '.', list: collapse(list) });
    from = listStart + list.length;
  }
}

/** The copy sentence (all of them, when the letter has more than one), or undefined when the letter has none. */
export function findCopySentence(letterText: string): CopySentence | undefined {
  const text = normaliseLetterText(letterText);
  const prose = proseCopySentences(text);
  if (prose.length > 0) {
    return {
      sentence: prose.map((p) => p.sentence).join(' '),
      list: prose
        .map((p) => p.list)
        .filter((l) => l !== '')
        .join(', '),
      form: 'sentence',
    };
  }
  const cc = block.exec(text);
  if (cc) {
    const rest = text.slice(cc.index + cc[0].length);
    const end = rest.search(/\n[ ]*\n/);
    const lines = (end < 0 ? rest : rest.slice(0, end))
      .split('\n')
      .map((l) => collapse(l).replace(/[.;,]$/, ''))
      .filter(Boolean);
    return { sentence: collapse(cc[0] + lines.join('; ')), list: lines.join('; '), form: 'block' };
  }
  return undefined;
}
