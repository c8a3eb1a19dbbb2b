import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadFonts } from '../../../src/writers/pdf/fonts.js';
import { prepareFontAssets } from '../../../scripts/font-prepare.js';
import { charsetRanges } from '../../../src/writers/pdf/charset.js';

const assets = new URL('../../../assets/fonts/', import.meta.url);

describe('prepared fonts', () => {
  it('the committed subsets are what scripts/prepare-font.mjs makes from the current charset', async () => {
    const { manifest, files } = await prepareFontAssets();
    expect(JSON.parse(readFileSync(new URL('manifest.json', assets), 'utf8'))).toEqual(manifest);
    for (const [name, bytes] of files) {
      expect(Buffer.from(readFileSync(new URL(name, assets))).equals(Buffer.from(bytes)), name).toBe(true);
    }
  });

  it('covers the names and typography of real letters in every face', () => {
    const fonts = loadFonts();
    for (const face of Object.values(fonts)) {
      for (const character of 'ŁłÂâÔôŴŵŶŷËëÓóÚúÁáŚśȘșȚțẀẁẂẃỲỳ€‘’“”–—•…ọẹṣƐɛƆɔŊŋƁɓƊɗΓιώργοςСергейЁёЇїҐґ№°±×÷½¼¾™©£\u0300\u0301\u0323') {
        expect(face.glyphs[character.codePointAt(0)!], `${face.baseFont} ${character}`).toBeGreaterThan(0);
      }
      expect(face.baseFont).toMatch(/^[A-Z]{6}\+DejaVuSans/);
    }
  });

  it('has a width for every character of the charset that has a glyph', () => {
    const { regular } = loadFonts();
    let covered = 0;
    for (const [first, last] of charsetRanges) {
      for (let c = first; c <= last; c++) {
        if (regular.glyphs[c]) {
          covered++;
          if (regular.marks[c]) {
            // Combining marks: zero advance, drawn over the letter before (U+0300–U+036F all are).
            expect(regular.widths[c]).toBe(0);
          } else if (
            c !== 0x200b &&
            !(c >= 0x200c && c <= 0x200f) &&
            !(c >= 0x2028 && c <= 0x202e) &&
            !(c >= 0x2060 && c <= 0x206f)
          ) {
            expect(regular.widths[c], `U+${c.toString(16)}`).toBeGreaterThan(0);
          }
        }
      }
    }
    expect(covered).toBeGreaterThan(2000);
    for (let c = 0x0300; c <= 0x036f; c++) {
      if (c < 0x0350) expect(regular.glyphs[c], `U+${c.toString(16)}`).toBeGreaterThan(0);
      if (regular.glyphs[c]) expect(regular.marks[c], `U+${c.toString(16)}`).toBe(1);
    }
    expect(regular.marks[0x61]).toBe(0);
  });
});
