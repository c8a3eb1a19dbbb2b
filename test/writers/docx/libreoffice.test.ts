import { expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderDocx } from '../../../src/writers/docx/index.js';
import { docxSampleLetter } from '../../support/sample-docx-letter.js';
import { needs } from '../../support/programs.js';
import { convertWithLibreOffice, lines, treeLines } from './read-docx.js';

const { describe, it } = needs('soffice', 'pdfinfo', 'pdftotext', 'pdftoppm');

const letter = docxSampleLetter();
const draft = docxSampleLetter({ status: 'draft', published: false });

/** LibreOffice's text export puts list labels before items; the tree has none. */
const withoutLabels = (line: string): string => line.replace(/^(\d+\.|\([a-z]+\)|[•–◦▪])\s+/u, '');

describe('renderDocx read back by LibreOffice', () => {
  let txt: Record<string, string> = {};
  let pdf: Record<string, string> = {};
  beforeAll(() => {
    const files = { letter: renderDocx(letter), draft: renderDocx(draft) };
    txt = convertWithLibreOffice(files, 'txt');
    pdf = convertWithLibreOffice(files, 'pdf');
  });

  it('opens the letter and its text equals the tree’s, line for line', () => {
    const text = readFileSync(txt.letter!, 'utf8').replace(/^\uFEFF/, '');
    expect(lines(text).map(withoutLabels)).toEqual(treeLines(letter));
  });

  it('numbers the lists as the tree does: each numbered list restarts, one starts at 3', () => {
    const labels = lines(readFileSync(txt.letter!, 'utf8'))
      .map((line) => /^(\d+)\./.exec(line)?.[1])
      .filter((label) => label !== undefined);
    expect(labels).toEqual(['1', '2', '3', '1', '2', '3', '3', '4']);
  });

  it('lays the long letter out over three pages with "Page X of Y" computed in the footer', () => {
    const info = execFileSync('pdfinfo', [pdf.letter!], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = execFileSync('pdftotext', ['-layout', pdf.letter!, '-'], { encoding: 'utf8' });
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
    expect(text).toContain('Monitoring inspection letter, URN 135792');
  });

  it('prints the draft and not-for-publication markings on every page', () => {
    const text = execFileSync('pdftotext', ['-layout', pdf.draft!, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    for (const page of pages) expect(page).toMatch(/DRAFT · Not for publication/);
  });

  it('renders the first page to PNG for a human to look at', () => {
    const out = join(dirname(pdf.letter!), 'page');
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf.letter!, out]);
    expect(statSync(`${out}.png`).size).toBeGreaterThan(10_000);
  });
});
