import { describe, expect, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from '../../../src/writers/pdf/index.js';
import { margin, page } from '../../../src/writers/pdf/styles.js';
import { expectedWords, longLetter, sampleLetter } from '../../support/sample-letter.js';
import { needs } from '../../support/programs.js';
import { renderPageGray, run } from './tools.js';

const pdfinfo = needs('pdfinfo');
const pdffonts = needs('pdffonts');
const pdftotext = needs('pdftotext');
const pdftoppm = needs('pdftoppm');
const qpdf = needs('qpdf');

const standard14 = /Helvetica|Times|Courier|Symbol|ZapfDingbats/;

describe('renderPdf read back with poppler and qpdf', () => {
  let dir = '';
  let sample = '';
  let long = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pdf-writer-'));
    sample = join(dir, 'sample.pdf');
    long = join(dir, 'long.pdf');
    writeFileSync(sample, renderPdf(sampleLetter({ status: 'draft' })));
    writeFileSync(long, renderPdf(longLetter()));
  });

  pdfinfo.it('pdfinfo: tagged, A4, page count', () => {
    const info = run('pdfinfo', sample);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Pages:\s+2\n/);
    expect(info).toMatch(/Metadata Stream:\s+yes/);
    expect(run('pdfinfo', long)).toMatch(/Pages:\s+([3-9])\n/);
  });

  pdffonts.it('pdffonts: every font embedded, subset, Identity-H, with ToUnicode; no standard-14 font', () => {
    const rows = run('pdffonts', sample)
      .split('\n')
      .slice(2)
      .filter((row) => row.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
      expect(row).not.toMatch(standard14);
    }
  });

  pdfinfo.it('pdfinfo -struct-text: the structure text has every word, line-end spaces kept', () => {
    const quoted = [...run('pdfinfo', '-struct-text', long).matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]!);
    const found = quoted
      .join(' ')
      .split(/\s+/)
      .filter((w) => w !== '');
    expect(found).toEqual(expectedWords(longLetter()));
  });

  pdftotext.it('pdftotext -layout: names and typography extract intact, right-aligned letterhead', () => {
    const text = run('pdftotext', '-layout', sample, '-');
    for (const name of ['Łukasz Nowak', 'Siân Ó Súilleabháin', 'Mrs Zoë Hughes', '€2,500', '“no-nonsense”', '—']) {
      expect(text).toContain(name);
    }
    const ofsted = text.split('\n').find((line) => line.trim() === 'Ofsted')!;
    const dear = text.split('\n').find((line) => line.includes('Dear Mrs Hughes'))!;
    expect(ofsted.indexOf('Ofsted')).toBeGreaterThan(dear.indexOf('Dear') + 40);
  });

  qpdf.it('qpdf --check is clean', () => {
    for (const file of [sample, long]) {
      expect(run('qpdf', '--check', file)).toContain('No syntax or stream encoding errors found');
    }
  });

  pdftoppm.it('pdftoppm: every page renders glyphs in the text area', () => {
    const dpi = 60;
    const scale = dpi / 72;
    for (const [file, pages] of [
      [sample, 2],
      [long, 3],
    ] as const) {
      for (let n = 1; n <= pages; n++) {
        const out = join(dir, `page-${n}`);
        const { width, height, pixels } = renderPageGray(file, n, dpi, out);
        // Glyph area: inside the margins, above the footer.
        const x0 = Math.floor(margin.left * scale);
        const x1 = Math.ceil((page.width - margin.right) * scale);
        const y0 = Math.floor(margin.top * scale);
        const y1 = Math.ceil((page.height - margin.bottom) * scale);
        let dark = 0;
        for (let y = y0; y < Math.min(y1, height); y++) {
          for (let x = x0; x < Math.min(x1, width); x++) if (pixels[y * width + x]! < 100) dark++;
        }
        const share = dark / ((x1 - x0) * (y1 - y0));
        // A page of 10.5 pt text darkens a few per cent of the area; a page of empty glyphs, almost none.
        expect(share, `${file} page ${n}`).toBeGreaterThan(0.01);
      }
    }
  });
});
