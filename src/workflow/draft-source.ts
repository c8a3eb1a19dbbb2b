/**
 * The HMI's submitted draft (para 17: HMI send it to the ISP within 3 days),
 * read into a letter document so it can be compared with the final one. A
 * form is composed as a draft with the same templates; a DOCX is read with
 * mammoth (its HTML: paragraphs, Word's Heading styles as headings, lists,
 * bold, italic, line breaks, and this tool's own paragraph styles as roles);
 * Markdown and plain text become paragraphs.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { hasErrors, type Diagnostic } from '../ground/diagnostics.js';
import { loadFormFile, type LoadResult } from '../evidence/load.js';
import { loadMammoth } from '../ground/mammoth.js';
import { htmlToBlocks } from '../letter/html-tree.js';
import { markdownToBlocks } from '../letter/markdown-tree.js';
import type { PreparedTemplates } from '../letter/templates.js';
import type { Block, BlockRole, DocumentMeta, Inline, LetterDocument } from '../letter/tree.js';
import { composeLetter } from './pipeline.js';
import type { Holidays } from '../rules/working-days.js';

export const draftFormExtensions = ['.yaml', '.yml', '.json'] as const;
export const draftLetterExtensions = ['.docx', '.md', '.markdown', '.txt', '.text'] as const;

/** What the draft was given as. */
export type DraftKind = 'form' | 'docx' | 'markdown' | 'text';

export interface DraftSource {
  kind: DraftKind;
  document: LetterDocument;
  /** The draft form as loaded (forms only), for printing its diagnostics. */
  loaded?: LoadResult;
  /** Warnings met on the way (a draft form's own, or a DOCX reader's). */
  diagnostics: Diagnostic[];
}

/** The draft cannot be used; carries the draft form's diagnostics when it was a form. */
export class DraftSourceError extends Error {
  constructor(
    message: string,
    readonly loaded?: LoadResult,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'DraftSourceError';
  }
}

export interface ReadDraftOptions {
  templates: PreparedTemplates;
  holidays: Holidays;
  /** The properties a draft read from a letter file is given (its text carries none we can trust). */
  meta: DocumentMeta;
  /** The name to show in messages. */
  displayName?: string;
}

/** This tool's DOCX paragraph style names → the role of their blocks (see writers/docx/styles.ts). */
const styleRoles: Record<string, BlockRole> = {
  Letterhead: 'letterhead',
  Date: 'date',
  Address: 'address',
  Reference: 'reference',
  Salutation: 'salutation',
  Closing: 'signoff',
  Marking: 'marking',
};

const roleStyleMap = Object.entries(styleRoles).map(
  ([style, role]) => `p[style-name='${style}'] => p.role-${role}:fresh`,
);

/** Reads the HMI's draft, whatever it was given as; throws DraftSourceError for one that cannot be used. */
export async function readDraftSource(file: string, options: ReadDraftOptions): Promise<DraftSource> {
  const name = options.displayName ?? file;
  const ext = extname(file).toLowerCase();
  if ((draftFormExtensions as readonly string[]).includes(ext)) return draftFromForm(file, name, options);
  if (!(draftLetterExtensions as readonly string[]).includes(ext)) {
    throw new DraftSourceError(
      `${name}: cannot read a "${ext || 'no extension'}" file as a draft; expected a form (${draftFormExtensions.join(', ')}) or a letter (${draftLetterExtensions.join(', ')})`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new DraftSourceError(`${name}: cannot read the draft: ${(error as Error).message}`);
  }
  const meta: DocumentMeta = { ...options.meta, status: 'draft' };
  if (ext === '.docx') {
    // Loaded outside the try: a broken package is an internal error (exit 4), never "not a readable DOCX file".
    const mammoth = await loadMammoth();
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: bytes }, { styleMap: roleStyleMap })).value;
    } catch (error) {
      throw new DraftSourceError(`${name}: not a readable DOCX file: ${(error as Error).message}`);
    }
    return { kind: 'docx', document: { meta, blocks: htmlToBlocks(html) }, diagnostics: [] };
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (ext === '.md' || ext === '.markdown') {
    // The Markdown preview's first line is a comment naming the generator; raw HTML is not parsed.
    const source = text.replace(/<!--[\s\S]*?-->/g, '');
    return { kind: 'markdown', document: { meta, blocks: markdownToBlocks(source, 'body') }, diagnostics: [] };
  }
  return { kind: 'text', document: { meta, blocks: textToBlocks(text) }, diagnostics: [] };
}

function draftFromForm(file: string, name: string, options: ReadDraftOptions): DraftSource {
  const loaded = loadFormFile(file, name);
  if (!loaded.form || hasErrors(loaded.diagnostics)) {
    throw new DraftSourceError(`${name}: the draft form is not valid`, loaded, loaded.diagnostics);
  }
  const letter = composeLetter(loaded.form, {
    status: 'draft',
    templates: options.templates,
    holidays: options.holidays,
  });
  if (!letter.document) {
    throw new DraftSourceError(
      `${name}: the templates do not fit the draft's letter model`,
      loaded,
      letter.diagnostics,
    );
  }
  return { kind: 'form', document: letter.document, loaded, diagnostics: [...loaded.diagnostics] };
}

/** Plain text: paragraphs separated by blank lines, a single newline a line break; without blank lines, one paragraph a line. */
export function textToBlocks(text: string): Block[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const chunks = /\n[ \t]*\n/.test(normalised) ? normalised.split(/\n[ \t]*\n/) : normalised.split('\n');
  const blocks: Block[] = [];
  for (const chunk of chunks) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (lines.length === 0) continue;
    const children: Inline[] = [];
    lines.forEach((line, index) => {
      if (index > 0) children.push({ type: 'break' });
      children.push({ type: 'text', value: line });
    });
    blocks.push({ type: 'paragraph', role: 'body', children });
  }
  return blocks;
}
