import { createHash } from 'node:crypto';

/**
 * The fixed character set every letter's fonts are subset to, and the four
 * faces of DejaVu Sans the PDF uses. Changing either means re-running
 * `node scripts/prepare-font.mjs` (a test fails until the assets match).
 */

/**
 * Inclusive Unicode ranges kept in the subset: the scripts whose names an
 * inspector may type and that need no shaping or bidi (Latin, IPA, Greek,
 * Cyrillic, Armenian, Georgian), combining marks, and the punctuation and
 * symbols letters use. Arabic and Hebrew are left out on purpose: DejaVu has
 * their glyphs, but drawn without shaping and bidi they would spell the name
 * wrongly, and an error is better than a wrong name. Each letter embeds only
 * the glyphs it uses, so a wide charset costs nothing per letter.
 */
export const charsetRanges: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e], // Basic Latin (printable)
  [0x00a0, 0x00ff], // Latin-1 Supplement (£ ° ± × ÷ ½ ¼ ¾ ©)
  [0x0100, 0x017f], // Latin Extended-A (Ł, ő, ş …)
  [0x0180, 0x024f], // Latin Extended-B (ș, ț, Ɓ, Ɗ, ǝ …)
  [0x0250, 0x02af], // IPA Extensions (ɓ ɗ ɛ ɔ ŋ in West African names)
  [0x02b0, 0x02ff], // Spacing Modifier Letters (ʻokina, ʼ, ˈ)
  [0x0300, 0x036f], // Combining Diacritical Marks (ọ̀: no precomposed form)
  [0x0370, 0x03ff], // Greek and Coptic
  [0x0400, 0x04ff], // Cyrillic
  [0x0500, 0x052f], // Cyrillic Supplement
  [0x0530, 0x058f], // Armenian (left to right, no shaping)
  [0x10a0, 0x10ff], // Georgian (left to right, no shaping)
  [0x1d00, 0x1dbf], // Phonetic Extensions
  [0x1dc0, 0x1dff], // Combining Diacritical Marks Supplement
  [0x1e00, 0x1eff], // Latin Extended Additional (ẁ ẃ ẅ ỳ, Vietnamese ạ ả ấ …)
  [0x1f00, 0x1fff], // Greek Extended
  [0x2000, 0x206f], // General Punctuation (’ “ ” – — • … ‰)
  [0x2070, 0x209f], // Superscripts and Subscripts
  [0x20a0, 0x20cf], // Currency Symbols (€ ₹ ₺ ₽ …)
  [0x2100, 0x214f], // Letterlike Symbols (№ ™ ℓ)
  [0x2150, 0x218f], // Number Forms (⅓ ⅔ …)
  [0x2190, 0x21ff], // Arrows
  [0x2200, 0x22ff], // Mathematical Operators (− ≤ ≥ ≠ ≈)
  [0x25a0, 0x25ff], // Geometric Shapes (▪ ◦ ●)
  [0x2c60, 0x2c7f], // Latin Extended-C
  [0x2de0, 0x2dff], // Cyrillic Extended-A
  [0xa640, 0xa69f], // Cyrillic Extended-B
  [0xa720, 0xa7ff], // Latin Extended-D
  [0xfb00, 0xfb06], // Latin ligatures (ﬁ ﬂ pasted from PDFs)
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
