/**
 * Inline text to glyphs and lines: NFC-normalises, checks every character
 * against the prepared subset (a missing glyph is an error naming it, never
 * a gap), and breaks lines greedily by the fonts' real advance widths.
 */
import type { Inline } from '../../letter/tree.js';
import type { FaceName } from './charset.js';
import type { PreparedFace, PreparedFonts } from './fonts.js';

/**
 * A stretch of text in one face: its glyphs as Identity-H hex and its width
 * in points. `hex` may hold TJ shifts for combining marks ("…> -120 <…"),
 * so it is written as `[<hex>] TJ` when it contains a ">".
 */
export interface Run {
  face: FaceName;
  hex: string;
  text: string;
  width: number;
}

export interface Line {
  runs: Run[];
  /** Width in points, without a trailing space. */
  width: number;
}

/** Scripts the font leaves out, named so the error says what to do. */
const unsupportedScripts: readonly [RegExp, string][] = [
  [
    /\p{Script=Arabic}|\p{Script=Hebrew}|\p{Script=Syriac}|\p{Script=Thaana}/u,
    'a right-to-left script, which this PDF writer cannot shape',
  ],
  [
    /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u,
    'a CJK script, which the PDF font does not cover',
  ],
  [
    /\p{Script=Devanagari}|\p{Script=Bengali}|\p{Script=Gurmukhi}|\p{Script=Gujarati}|\p{Script=Tamil}|\p{Script=Telugu}|\p{Script=Kannada}|\p{Script=Malayalam}|\p{Script=Sinhala}|\p{Script=Thai}/u,
    'a script that needs shaping, which this PDF writer cannot do',
  ],
  [/\p{Extended_Pictographic}/u, 'an emoji or pictograph, which the PDF font does not cover'],
];

/** The words around position `index` of `text` (four either side), for an error message. */
function excerpt(text: string, index: number): string {
  const head = text.slice(0, index);
  const tail = text.slice(index);
  const before = /(?:\S*\s+){0,4}\S*$/.exec(head)![0];
  const after = /^\S*(?:\s+\S+){0,4}/.exec(tail)![0];
  const start = before.length < head.trimStart().length ? '…' : '';
  const end = after.length < tail.trimEnd().length ? '…' : '';
  return `${start}${before.trimStart()}${after}${end}`;
}

/** Thrown when a letter holds a character the embedded font cannot draw. */
export class MissingGlyphError extends Error {
  readonly codePoint: string;
  constructor(
    readonly character: string,
    /** The words around the character. */
    readonly context: string,
    /** Where in the letter, e.g. "the address block" (set by the layout). */
    readonly where?: string,
  ) {
    const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const script = unsupportedScripts.find(([pattern]) => pattern.test(character))?.[1];
    super(
      `The PDF font has no glyph for "${character}" (${code}${script ? `, ${script}` : ''}) in "${context}"` +
        (where ? ` (${where})` : '') +
        '. Write the name in Latin letters, or send the DOCX letter instead.',
    );
    this.name = 'MissingGlyphError';
    this.codePoint = code;
  }

  /** The same error, saying which part of the letter holds the character. */
  in(where: string): MissingGlyphError {
    return this.where ? this : new MissingGlyphError(this.character, this.context, where);
  }
}

type Token =
  | { kind: 'word'; runs: Run[]; width: number }
  | { kind: 'space'; run: Run }
  /** A hard line break; `space` is kept invisibly at the line's end so extracted text keeps a word gap. */
  | { kind: 'break'; space: Run };

/** Invisible characters with no business in a printed letter: dropped. */
const invisible = /[\u00ad\u200b\u2060\ufeff]/g;

function faceFor(bold: boolean, italic: boolean): FaceName {
  if (bold) return italic ? 'boldOblique' : 'bold';
  return italic ? 'oblique' : 'regular';
}

interface Measured {
  face: FaceName;
  text: string;
}

function flatten(children: readonly Inline[], bold: boolean, italic: boolean, out: (Measured | FaceName)[]): void {
  for (const child of children) {
    if (child.type === 'text') out.push({ face: faceFor(bold, italic), text: child.value });
    else if (child.type === 'break') out.push(faceFor(bold, italic));
    else if (child.type === 'strong') flatten(child.children, true, italic, out);
    else flatten(child.children, bold, true, out);
  }
}

/**
 * Appends one character's glyph to a run. A combining mark has zero advance
 * and is drawn over the glyph before it (`base`, -1 if none). DejaVu places
 * marks for a base like "o" (as wide, x-height tall); over a narrower base
 * the mark is moved right onto its centre with a TJ shift there and back,
 * and over a taller base (a capital) a mark above is raised by the
 * difference with Ts. Readers skip both: the mark has zero width. Marks are
 * never moved left: the gap before the next letter would read as a space.
 */
function appendGlyph(run: Run, font: PreparedFace, code: number, character: string, size: number, base: number): void {
  const glyph = font.glyphs[code]!;
  const hex = font.glyphHex[glyph]!;
  run.text += character;
  if (font.marks[code] && base >= 0) {
    const b = font.bounds;
    const baseCentre = (b[base * 4]! + b[base * 4 + 2]!) / 2 - font.glyphWidths[base]!;
    const dx = Math.round(baseCentre - (b[glyph * 4]! + b[glyph * 4 + 2]!) / 2);
    const xHeight = b[font.glyphs[0x78]! * 4 + 3]!;
    const above = b[glyph * 4 + 1]! >= xHeight * 0.8;
    const rise = above ? b[base * 4 + 3]! - xHeight : 0;
    const there = dx >= 8 ? ` ${-dx}` : '';
    const back = dx >= 8 ? ` ${dx}` : '';
    if (rise > 30) {
      const points = Math.round(rise * size) / 1000;
      run.hex += `>${there}] TJ ${points} Ts [<${hex}>${back}] TJ 0 Ts [<`;
    } else run.hex += there ? `>${there} <${hex}>${back} <` : hex;
    return;
  }
  run.hex += hex;
  run.width += (font.widths[code]! * size) / 1000;
}

/** The glyph a mark after this one sits on: the last base glyph of the run, or -1. */
function lastBase(font: PreparedFace, run: Run | undefined): number {
  if (!run || run.text === '') return -1;
  let last = '';
  for (const character of run.text) if (!font.marks[character.codePointAt(0)!]) last = character;
  return last === '' ? -1 : font.glyphs[last.codePointAt(0)!]!;
}

/** Splits inlines into words, spaces and hard breaks, with glyphs and widths. */
export function tokenize(children: readonly Inline[], bold: boolean, size: number, fonts: PreparedFonts): Token[] {
  const pieces: (Measured | FaceName)[] = [];
  flatten(children, bold, false, pieces);
  const tokens: Token[] = [];
  let word: Run[] | null = null;
  let wordWidth = 0;
  let base = -1;
  const endWord = (): void => {
    if (word) tokens.push({ kind: 'word', runs: word, width: wordWidth });
    word = null;
    wordWidth = 0;
    base = -1;
  };
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      endWord();
      const font = fonts[piece];
      const space = { face: piece, hex: font.glyphHex[font.glyphs[0x20]!]!, text: ' ', width: 0 };
      tokens.push({ kind: 'break', space });
      continue;
    }
    const font = fonts[piece.face];
    const text = piece.text
      .normalize('NFC')
      .replace(invisible, '')
      .replace(/[\t\n\r]/g, ' ');
    let index = 0;
    for (const character of text) {
      const code = character.codePointAt(0)!;
      if (code >= font.glyphs.length || font.glyphs[code] === 0) {
        throw new MissingGlyphError(character, excerpt(text, index));
      }
      index += character.length;
      if (code === 0x20) {
        endWord();
        const run = { face: piece.face, hex: font.glyphHex[font.glyphs[code]!]!, text: ' ', width: 0 };
        run.width = (font.widths[code]! * size) / 1000;
        tokens.push({ kind: 'space', run });
        continue;
      }
      word ??= [];
      let last = word[word.length - 1];
      if (!last || last.face !== piece.face) {
        last = { face: piece.face, hex: '', text: '', width: 0 };
        word.push(last);
        base = -1;
      }
      const before = last.width;
      appendGlyph(last, font, code, character, size, base);
      if (!font.marks[code]) base = font.glyphs[code]!;
      wordWidth += last.width - before;
    }
  }
  endWord();
  return tokens;
}

/** Splits a word wider than a whole line into pieces that fit (long addresses, URLs); never before a mark. */
function splitWord(runs: Run[], maxWidth: number, fonts: PreparedFonts, size: number): Run[][] {
  const parts: Run[][] = [];
  let current: Run[] = [];
  let width = 0;
  for (const run of runs) {
    const font = fonts[run.face];
    for (const character of run.text) {
      const code = character.codePointAt(0)!;
      const w = (font.widths[code]! * size) / 1000;
      if (!font.marks[code] && width + w > maxWidth && width > 0) {
        parts.push(current);
        current = [];
        width = 0;
      }
      let last = current[current.length - 1];
      if (!last || last.face !== run.face) {
        last = { face: run.face, hex: '', text: '', width: 0 };
        current.push(last);
      }
      appendGlyph(last, font, code, character, size, font.marks[code] ? lastBase(font, last) : -1);
      width += w;
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

function appendRuns(line: Line, runs: readonly Run[]): void {
  for (const run of runs) {
    const last = line.runs[line.runs.length - 1];
    if (last && last.face === run.face) {
      line.runs[line.runs.length - 1] = {
        face: run.face,
        hex: last.hex + run.hex,
        text: last.text + run.text,
        width: last.width + run.width,
      };
    } else line.runs.push({ ...run });
  }
}

/**
 * Greedy line breaking at spaces. The breaking space stays at the end of its
 * line, so extracted text never runs two words together (measured/pdf.md, pitfall 6).
 */
export function breakLines(tokens: readonly Token[], maxWidth: number, fonts: PreparedFonts, size: number): Line[] {
  const lines: Line[] = [];
  let line: Line = { runs: [], width: 0 };
  let spaces: Run[] = [];
  const spacesWidth = (): number => spaces.reduce((sum, s) => sum + s.width, 0);
  const finish = (keepSpaces: boolean): void => {
    if (keepSpaces) appendRuns(line, spaces);
    spaces = [];
    lines.push(line);
    line = { runs: [], width: 0 };
  };
  for (const token of tokens) {
    if (token.kind === 'space') {
      spaces.push(token.run);
    } else if (token.kind === 'break') {
      spaces = line.runs.length > 0 ? [token.space] : [];
      finish(true);
    } else {
      const pieces = token.width > maxWidth ? splitWord(token.runs, maxWidth, fonts, size) : [token.runs];
      for (const runs of pieces) {
        const width = runs.reduce((sum, r) => sum + r.width, 0);
        if (line.runs.length > 0 && line.width + spacesWidth() + width > maxWidth) finish(true);
        else if (line.runs.length > 0) {
          line.width += spacesWidth();
          appendRuns(line, spaces);
        }
        spaces = [];
        appendRuns(line, runs);
        line.width += width;
      }
    }
  }
  if (line.runs.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}
