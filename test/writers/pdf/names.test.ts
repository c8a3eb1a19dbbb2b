import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from '@cantoo/pdf-lib';
import { renderPdf, MissingGlyphError } from '../../../src/writers/pdf/index.js';
import { loadFonts } from '../../../src/writers/pdf/fonts.js';
import { readGlyfSource } from '../../../src/writers/pdf/glyf.js';
import { breakLines, tokenize } from '../../../src/writers/pdf/text.js';
import type { Block, Inline, LetterDocument } from '../../../src/letter/tree.js';
import { sampleLetter } from '../../support/sample-letter.js';
import { readPdf } from './read-pdf.js';
import { needs } from '../../support/programs.js';
import { inkShare, renderPageGray, run, wordBoxes } from './tools.js';

const poppler = needs('pdftotext', 'pdftoppm');

/** Names inspectors type: ọ + U+0300 has no precomposed form, so NFC leaves the mark combining. */
const yoruba = 'Oluwaseun Adébáyọ̀';
const greek = 'Γιώργος Παπαδόπουλος';
const cyrillic = 'Сергей Иванов';
const more = ['Ọ̀ṣun Ṣọ̀lá', 'Kwame Ɔsɛ̀', 'Nguyễn Thị Hương', 'Şükrü Öztürk', 'Gruffydd ap Rhŷs', 'Анна-Марія Ковальчук'];
const symbols = '’ “ ” ‘ – — … • € £ № ° ± × ÷ ½ ¼ ¾ ™ ©';

const para = (...children: Inline[]): Block => ({ type: 'paragraph', role: 'body', children });
const text = (value: string): Inline => ({ type: 'text', value });

/** The sample letter with one paragraph per name, early on page 1, the Greek name in bold. */
function withNames(): LetterDocument {
  const doc = sampleLetter();
  const names: Block[] = [
    para(text(yoruba)),
    para({ type: 'strong', children: [text(greek)] }),
    para(text(cyrillic)),
    para(text(more.join(', '))),
    para(text(symbols)),
  ];
  return { ...doc, blocks: [...doc.blocks.slice(0, 6), ...names, ...doc.blocks.slice(6)] };
}

const nfc = (value: string): string => value.normalize('NFC');

describe('names from every community', () => {
  it('the Yoruba name keeps U+0300 combining after NFC (the case this covers)', () => {
    expect(nfc(yoruba)).toContain('ọ\u0300');
  });

  it('round-trip through pdf.js: each name is the text of its own tagged paragraph, as NFC', async () => {
    const reading = await readPdf(renderPdf(withNames()));
    expect(reading.untagged).toEqual([]);
    const texts = reading.leaves.map((leaf) => leaf.text.trim());
    for (const name of [yoruba, greek, cyrillic, more.join(', '), symbols]) expect(texts).toContain(nfc(name));
  });

  poppler.it('round-trip through pdftotext: every name extracts exactly, as NFC', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-names-'));
    const file = join(dir, 'names.pdf');
    writeFileSync(file, renderPdf(withNames()));
    const lines = run('pdftotext', file, '-')
      .split('\n')
      .map((line) => line.trim());
    for (const name of [yoruba, greek, cyrillic]) expect(lines).toContain(nfc(name));
    expect(lines.join(' ')).toContain(nfc(more.join(', ')));
    // A line of lone symbols evenly spaced reads to poppler as letter-spaced: it drops the gaps, not the symbols.
    const bare = (value: string): string => value.replace(/\s+/g, '');
    expect(lines.map(bare)).toContain(bare(symbols));
  });

  poppler.it('rendered, the names have ink, and the combining grave draws over the ọ', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-names-'));
    const file = join(dir, 'names.pdf');
    const doc = withNames();
    // The same name without its grave, to compare the ink above the last letter.
    writeFileSync(
      file,
      renderPdf({ ...doc, blocks: [...doc.blocks.slice(0, 6), para(text('Adébáyọ')), ...doc.blocks.slice(6)] }),
    );
    const dpi = 200;
    const scale = dpi / 72;
    const image = renderPageGray(file, 1, dpi, join(dir, 'page'));
    const boxes = wordBoxes(file);
    for (const word of [...yoruba.split(' '), ...greek.split(' '), ...cyrillic.split(' ')]) {
      const box = boxes.find((b) => b.word === nfc(word));
      expect(box, word).toBeDefined();
      expect(inkShare(image, scale, box!), word).toBeGreaterThan(0.08);
    }
    const withGrave = boxes.find((b) => b.word === nfc('Adébáyọ̀'))!;
    const without = boxes.find((b) => b.word === 'Adébáyọ')!;
    // The last letter's column, from the top of the box down to the x-height.
    const top = (b: typeof withGrave): number =>
      inkShare(image, scale, { x0: b.x1 - 5, x1: b.x1, y0: b.y0, y1: b.y0 + (b.y1 - b.y0) * 0.35 });
    expect(top(withGrave)).toBeGreaterThan(0.05);
    expect(top(withGrave)).toBeGreaterThan(top(without) + 0.05);
  });

  it('zero-advance marks add no width and never start a line', () => {
    const fonts = loadFonts();
    const size = 10.5;
    const [withMark] = breakLines(tokenize([text('Adébáyọ̀')], false, size, fonts), Infinity, fonts, size);
    const [plain] = breakLines(tokenize([text('Adébáyọ')], false, size, fonts), Infinity, fonts, size);
    expect(withMark!.width).toBeCloseTo(plain!.width, 6);
    const long = Array.from({ length: 40 }, () => 'Adébáyọ̀ Ọ̀ṣun').join(' ');
    const lines = breakLines(tokenize([text(long)], false, size, fonts), 200, fonts, size);
    expect(lines.length).toBeGreaterThan(5);
    const isMark = (c: string): boolean => /^\p{Mn}$/u.test(c);
    for (const line of lines) {
      expect(line.width).toBeLessThanOrEqual(200 + 1e-6);
      expect(isMark([...line.runs[0]!.text][0]!)).toBe(false);
    }
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join('')).toBe(nfc(long) + '');
    // A word too long for a line is split between letters, never between a letter and its mark.
    const pieces = breakLines(tokenize([text('ọ̀'.repeat(60))], false, size, fonts), 50, fonts, size);
    expect(pieces.length).toBeGreaterThan(1);
    for (const line of pieces) expect(isMark([...line.runs[0]!.text][0]!)).toBe(false);
  });

  it('scripts the writer cannot draw honestly are an error naming the character, its script and the words around it', () => {
    const doc = sampleLetter();
    const add = (value: string, role: Block['role'] = 'body'): LetterDocument => ({
      ...doc,
      blocks: [...doc.blocks, { type: 'paragraph', role, children: [text(value)] }],
    });
    // DejaVu has Arabic and Hebrew glyphs, but unshaped, left-to-right they would spell the name wrongly.
    expect(() => renderPdf(add('Dear Mr محمد Hassan,'))).toThrow(MissingGlyphError);
    expect(() => renderPdf(add('Dear Mr محمد Hassan,'))).toThrow(
      /U\+0645, a right-to-left script.*"Dear Mr محمد Hassan,"/,
    );
    expect(() => renderPdf(add('Rabbi דוד Cohen', 'address'))).toThrow(/U\+05D3.*\(a paragraph in the address block\)/);
    expect(() => renderPdf(add('Well done 👏 everyone'))).toThrow(/U\+1F44F, an emoji/);
    expect(() => renderPdf(add('Priya शर्मा'))).toThrow(/U\+0936, a script that needs shaping/);
    const words = 'one two three four five six seven 王 eight nine ten eleven twelve';
    expect(() => renderPdf(add(words))).toThrow(/in "…four five six seven 王 eight nine ten eleven…"/);
  });
});

/** Glyph ids drawn (non-empty) in each embedded font file. */
async function embeddedGlyphs(bytes: Uint8Array): Promise<{ drawn: number; total: number }[]> {
  const pdf = await PDFDocument.load(bytes);
  const out: { drawn: number; total: number }[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const file = object instanceof PDFDict ? object.get(PDFName.of('FontFile2')) : undefined;
    if (!file) continue;
    const stream = pdf.context.lookup(file);
    if (!(stream instanceof PDFRawStream)) throw new Error('FontFile2 is not a stream');
    const source = readGlyfSource(decodePDFRawStream(stream).decode());
    let drawn = 0;
    for (let g = 0; g < source.glyphCount; g++) if (source.offsets[g + 1]! > source.offsets[g]!) drawn++;
    out.push({ drawn, total: source.glyphCount });
  }
  return out;
}

describe('per-letter glyph subsetting', () => {
  it('embeds only the glyphs a letter draws, the file ending at the highest glyph id drawn', async () => {
    const fonts = await embeddedGlyphs(renderPdf(sampleLetter()));
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const { drawn, total } of fonts) {
      expect(drawn).toBeGreaterThan(5);
      expect(drawn).toBeLessThanOrEqual(total);
      // Common glyphs come first in the prepared order, so a Latin letter's font is short.
      expect(total).toBeLessThan(loadFonts().regular.source.glyphCount / 5);
    }
    const wide = await embeddedGlyphs(renderPdf(withNames()));
    expect(Math.max(...wide.map((font) => font.total))).toBeGreaterThan(loadFonts().regular.source.glyphCount / 5);
  });

  it('the sample two-page letter is under 40 KB, and many scripts on one page add little', () => {
    const plain = renderPdf(sampleLetter()).length;
    expect(plain).toBeLessThan(40 * 1024);
    expect(renderPdf(withNames()).length - plain).toBeLessThan(12 * 1024);
  });
});
