/**
 * Inline text to glyphs and lines: NFC-normalises, checks every character
 * against the prepared subset (a missing glyph is an error naming it, never
 * a gap), and breaks lines greedily by the fonts' real advance widths.
 */
import type { Inline } from '../../letter/tree.js';
import type { FaceName } from './charset.js';
import type { PreparedFonts } from './fonts.js';

/** A stretch of text in one face: its glyphs as Identity-H hex and its width in points. */
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

/** Thrown when a letter holds a character the embedded font cannot draw. */
export class MissingGlyphError extends Error {
  constructor(
    readonly character: string,
    context: string,
  ) {
    const code = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    super(`The PDF font has no glyph for "${character}" (U+${code}) in "${context}"`);
    this.name = 'MissingGlyphError';
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

/** Splits inlines into words, spaces and hard breaks, with glyphs and widths. */
export function tokenize(children: readonly Inline[], bold: boolean, size: number, fonts: PreparedFonts): Token[] {
  const pieces: (Measured | FaceName)[] = [];
  flatten(children, bold, false, pieces);
  const tokens: Token[] = [];
  let word: Run[] | null = null;
  let wordWidth = 0;
  const endWord = (): void => {
    if (word) tokens.push({ kind: 'word', runs: word, width: wordWidth });
    word = null;
    wordWidth = 0;
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
    for (const character of text) {
      const code = character.codePointAt(0)!;
      const glyph = code < font.glyphs.length ? font.glyphs[code]! : 0;
      if (glyph === 0) throw new MissingGlyphError(character, text);
      const hex = font.glyphHex[glyph]!;
      const width = (font.widths[code]! * size) / 1000;
      if (code === 0x20) {
        endWord();
        tokens.push({ kind: 'space', run: { face: piece.face, hex, text: ' ', width } });
        continue;
      }
      word ??= [];
      const last = word[word.length - 1];
      if (last && last.face === piece.face) {
        last.hex += hex;
        last.text += character;
        last.width += width;
      } else word.push({ face: piece.face, hex, text: character, width });
      wordWidth += width;
    }
  }
  endWord();
  return tokens;
}

/** Splits a word wider than a whole line into pieces that fit (long addresses, URLs). */
function splitWord(runs: Run[], maxWidth: number, fonts: PreparedFonts, size: number): Run[][] {
  const parts: Run[][] = [];
  let current: Run[] = [];
  let width = 0;
  for (const run of runs) {
    const font = fonts[run.face];
    let i = 0;
    for (const character of run.text) {
      const w = (font.widths[character.codePointAt(0)!]! * size) / 1000;
      if (width + w > maxWidth && width > 0) {
        parts.push(current);
        current = [];
        width = 0;
      }
      const hex = run.hex.slice(i * 4, i * 4 + 4);
      const last = current[current.length - 1];
      if (last && last.face === run.face) {
        last.hex += hex;
        last.text += character;
        last.width += w;
      } else current.push({ face: run.face, hex, text: character, width: w });
      width += w;
      i++;
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
