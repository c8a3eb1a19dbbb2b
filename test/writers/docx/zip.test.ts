import { describe, it, expect } from 'vitest';
import JSZip from 'jszip';
import { packZip, zipEntry } from '../../../src/writers/docx/zip.js';
import { escapeXml } from '../../../src/writers/docx/xml.js';

describe('zip writer', () => {
  it('packs deflated and stored entries that jszip reads back with their CRCs checked', async () => {
    const text = 'Siân Ó Súilleabháin — “Zoë” & Łukasz\n'.repeat(200);
    const zip = packZip([
      zipEntry('a/deflated.xml', text, 6),
      zipEntry('stored.xml', 'small', 0),
      zipEntry('empty', ''),
    ]);
    const read = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(await read.file('a/deflated.xml')!.async('string')).toBe(text);
    expect(await read.file('stored.xml')!.async('string')).toBe('small');
    expect(await read.file('empty')!.async('string')).toBe('');
    expect(Object.keys(read.files)).toEqual(['a/deflated.xml', 'stored.xml', 'empty']);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });

  it('drops characters illegal in XML 1.0 (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF, lone surrogates)', () => {
    const illegal = [0, 1, 8, 0x0b, 0x0c, 0x0e, 0x1f, 0xfffe, 0xffff, 0xd800, 0xdfff].map((c) =>
      String.fromCharCode(c),
    );
    for (const c of illegal) expect(escapeXml(`a${c}b`)).toBe('ab');
  });

  it('keeps tab, newline, carriage return, accents and characters beyond the BMP', () => {
    expect(escapeXml('a\tb\nc\rd Ó Súilleabháin 😀')).toBe('a\tb\nc\rd Ó Súilleabháin 😀');
  });
});
