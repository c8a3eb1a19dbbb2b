/**
 * Helpers for reading DOCX files back in tests: the parts (jszip), the
 * tree's expected lines, tracked changes accepted or rejected, and
 * LibreOffice headless conversion where soffice is installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import type { LetterDocument } from '../../../src/letter/tree.js';
import { flattenBlocks } from '../../../src/writers/docx/paragraphs.js';

/** Every XML part of a DOCX, by name; jszip checks each entry's CRC-32. */
export async function readParts(docx: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(docx, { checkCRC32: true });
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) parts[name] = await zip.file(name)!.async('string');
  return parts;
}

/** The lines a reader should find: one per paragraph, a hard break starts a new line. */
export function treeLines(doc: LetterDocument): string[] {
  return flattenBlocks(doc.blocks)
    .units.flatMap((unit) =>
      unit.pieces
        .map((p) => p.text)
        .join('')
        .split('\n'),
    )
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Splits text into trimmed, non-empty lines. */
export const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

export interface ReadParagraph {
  style: string;
  text: string;
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The body's paragraphs after accepting ('accept') or rejecting ('reject')
 * every tracked change, as Word does: removed text goes, kept text stays,
 * and a paragraph whose mark is removed joins the paragraph after it.
 */
export function resolveRevisions(documentXml: string, mode: 'accept' | 'reject' | 'none'): ReadParagraph[] {
  const out: ReadParagraph[] = [];
  let carried = '';
  for (const match of documentXml.matchAll(/<w:p>(.*?)<\/w:p>/gs)) {
    const inner = match[1]!;
    const pPr = /^<w:pPr>(.*?)<\/w:pPr>/s.exec(inner)?.[1] ?? '';
    let content = inner.replace(/^<w:pPr>.*?<\/w:pPr>/s, '');
    const markDeleted = /<w:rPr><w:del /.test(pPr);
    const markInserted = /<w:rPr><w:ins /.test(pPr);
    if (mode === 'accept') content = content.replace(/<w:del [^>]*>.*?<\/w:del>/gs, '');
    if (mode === 'reject') content = content.replace(/<w:ins [^>]*>.*?<\/w:ins>/gs, '');
    let text = '';
    for (const token of content.matchAll(/<w:(?:t|delText)[^>]*>([^<]*)<\/w:(?:t|delText)>|<w:tab\/>|<w:br\/>/g)) {
      if (token[0] === '<w:tab/>') text += '\t';
      else if (token[0] === '<w:br/>') text += '\n';
      else text += decode(token[1]!);
    }
    const removedMark = (mode === 'accept' && markDeleted) || (mode === 'reject' && markInserted);
    if (removedMark) {
      carried += text;
      continue;
    }
    out.push({ style: /<w:pStyle w:val="([^"]+)"/.exec(pPr)?.[1] ?? 'Normal', text: carried + text });
    carried = '';
  }
  return out.filter((p) => p.text !== '');
}

/**
 * LibreOffice's user profile, one per test process: made on the first conversion (the slow part of a cold
 * start) and reused by the file's later ones. Conversions in one process run one at a time, so it is never shared.
 */
const profile = join(tmpdir(), `docx-lo-profile-${process.pid}`);
process.once('exit', () => rmSync(profile, { recursive: true, force: true }));

/** Converts DOCX files with LibreOffice headless into a fresh temporary folder; returns the output paths by input name. */
export function convertWithLibreOffice(files: Record<string, Buffer>, format: 'pdf' | 'txt'): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'docx-lo-'));
  const inputs = Object.entries(files).map(([name, bytes]) => {
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, bytes);
    return path;
  });
  const filter = format === 'txt' ? 'txt:Text (encoded):UTF8' : 'pdf';
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', dir, ...inputs],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const outputs: Record<string, string> = {};
  for (const path of inputs) {
    const name = basename(path, '.docx');
    outputs[name] = join(dir, `${name}.${format}`);
    readFileSync(outputs[name]); // throws if LibreOffice did not write it
  }
  return outputs;
}
