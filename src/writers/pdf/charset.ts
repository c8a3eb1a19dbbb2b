import { createHash } from 'node:crypto';

/**
 * The fixed character set every letter's fonts are subset to, and the four
 * faces of DejaVu Sans the PDF uses. Changing either means re-running
 * `node scripts/prepare-font.mjs` (a test fails until the assets match).
 */

/** Inclusive Unicode ranges kept in the subset. */
export const charsetRanges: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // Basic Latin (printable)
  [0x00a0, 0x00ff], // Latin-1 Supplement
  [0x0100, 0x017f], // Latin Extended-A (Ł, ő, ş …)
  [0x0180, 0x024f], // Latin Extended-B (ș, ț …)
  [0x1e00, 0x1eff], // Latin Extended Additional (ŵ's cousins ẁ ẃ ẅ, ỳ …)
  [0x2000, 0x206f], // General Punctuation (’ “ ” – — • …)
  [0x20ac, 0x20ac], // €
];

/** The text handed to the subsetter: every code point in the ranges. */
export function charsetText(): string {
  let text = '';
  for (const [first, last] of charsetRanges) {
    for (let c = first; c <= last; c++) text += String.fromCodePoint(c);
  }
  return text;
}

export type FaceName = 'regular' | 'bold' | 'oblique' | 'boldOblique';

export const faceNames: readonly FaceName[] = ['regular', 'bold', 'oblique', 'boldOblique'];

/** The source file of each face inside the `dejavu-fonts-ttf` package. */
export const faceSources: Record<FaceName, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
  boldOblique: 'DejaVuSans-BoldOblique.ttf',
};

/** Tables the PDF never reads (no shaping on this path), dropped from the subset. */
export const droppedTables = ['GSUB', 'GPOS', 'GDEF', 'kern'];

/** The committed assets/fonts/manifest.json. */
export interface FontManifest {
  /** Where the faces come from, e.g. "dejavu-fonts-ttf 2.37.3". */
  source: string;
  /** SHA-256 of the charset ranges the subsets were made for. */
  charsetHash: string;
  faces: Record<FaceName, string>;
}

/** SHA-256 of the charset definition, so stale assets can be detected. */
export function charsetHash(): string {
  return createHash('sha256').update(JSON.stringify(charsetRanges)).digest('hex');
}
