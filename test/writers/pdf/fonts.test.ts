import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadFonts } from '../../../src/writers/pdf/fonts.js';
import { prepareFontAssets } from '../../../src/writers/pdf/font-prepare.js';
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
      for (const character of 'ŁłÂâÔôŴŵŶŷËëÓóÚúÁáŚśȘșȚțẀẁẂẃỲỳ€‘’“”–—•…') {
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
          if (
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
    expect(covered).toBeGreaterThan(700);
  });
});
