/**
 * The text of an existing letter, whoever wrote it: DOCX through mammoth,
 * PDF through pdf.js (legacy build, for Node), its pages joined without their
 * page numbers and running footers (pages.ts), plain text and Markdown as
 * they are. Paragraphs are separated by blank lines.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { loadMammoth } from '../ground/mammoth.js';
import { joinPages } from './pages.js';

/** The letter cannot be read (unsupported type, damaged file). */
export class LetterReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LetterReadError';
  }
}

export const letterExtensions = ['.docx', '.pdf', '.txt', '.md', '.text', '.markdown'] as const;

async function docxText(bytes: Buffer): Promise<string> {
  const mammoth = await loadMammoth();
  const result = await mammoth.extractRawText({ buffer: bytes });
  return result.value;
}

interface TextItem {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
}

/** The text of each page of a PDF, lines as pdf.js places them. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      let lastY: number | undefined;
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== 'string') continue;
        const y = item.transform?.[5];
        // A jump down the page without an end-of-line mark still starts a new line.
        if (lastY !== undefined && y !== undefined && Math.abs(y - lastY) > 1 && !text.endsWith('\n')) text += '\n';
        text += item.str;
        if (item.hasEOL) text += '\n';
        if (y !== undefined) lastY = y;
      }
      pages.push(text);
    }
  } finally {
    await pdf.destroy();
  }
  return pages;
}

/** A PDF's text, its pages joined so that a sentence across a page break (footer and all) reads whole. */
async function pdfText(bytes: Buffer): Promise<string> {
  return joinPages(await pdfPageTexts(bytes));
}

/** The letter's text; throws LetterReadError for a type it cannot read. */
export async function readLetterText(file: string): Promise<string> {
  checkLetterExtension(file);
  return readLetterBytes(await readFile(file), file);
}

function checkLetterExtension(name: string): string {
  const ext = extname(name).toLowerCase();
  if (!(letterExtensions as readonly string[]).includes(ext)) {
    throw new LetterReadError(
      `${name}: cannot read a "${ext || 'no extension'}" file as a letter; expected one of ${letterExtensions.join(', ')}`,
    );
  }
  return ext;
}

/** The text of a letter held in memory (an upload), its type told by `name`'s extension; never written anywhere. */
export async function readLetterBytes(bytes: Buffer, name: string): Promise<string> {
  const ext = checkLetterExtension(name);
  // Loaded before the file is read: a broken package is an internal error (exit 4), never "not a readable file".
  if (ext === '.docx') await loadMammoth();
  try {
    if (ext === '.docx') return await docxText(bytes);
    if (ext === '.pdf') return await pdfText(bytes);
  } catch (error) {
    throw new LetterReadError(
      `${name}: not a readable ${ext.slice(1).toUpperCase()} file: ${(error as Error).message}`,
    );
  }
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}
