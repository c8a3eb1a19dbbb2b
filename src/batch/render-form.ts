/**
 * One batch job: a form file in, its letter files written, and its manifest
 * entry out. A bad form becomes a failed entry with its errors, never a throw.
 */
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatDiagnostic, hasErrors } from '../diagnostics.js';
import { loadFormFile } from '../evidence/load.js';
import type { PreparedTemplates } from '../letter/templates.js';
import { composeLetter, outputFileName, renderFormat, type OutputFormat } from '../pipeline.js';
import type { Holidays } from '../rules/working-days.js';
import { lastVisitDay } from '../rules/checks/form-facts.js';
import { missingGlyphDiagnostic } from '../writers/missing-glyph.js';
import { MissingGlyphError } from '../writers/pdf/index.js';
import { writeFileAtomic } from '../writers/write-atomic.js';
import type { ManifestEntry } from './manifest.js';

export interface BatchOptions {
  outDir: string;
  formats: OutputFormat[];
  status: 'draft' | 'final';
  /** Replace existing final letters (never replaced otherwise). */
  force: boolean;
}

export interface RenderContext extends BatchOptions {
  templates: PreparedTemplates;
  holidays: Holidays;
  /** When given, milliseconds per stage are added here (bench/ reads them). */
  timings?: Record<string, number>;
}

const stageOf: Record<OutputFormat, string> = {
  docx: 'docx',
  pdf: 'pdf',
  md: 'preview',
  html: 'preview',
  json: 'preview',
};

/** Runs `work`, adding its milliseconds to `timings[stage]` when timings are kept. */
function timed<T>(timings: Record<string, number> | undefined, stage: string, work: () => T): T {
  const since = performance.now();
  try {
    return work();
  } finally {
    if (timings) timings[stage] = (timings[stage] ?? 0) + (performance.now() - since);
  }
}

/** Validates and renders one form; returns its manifest entry. */
export async function renderFormFile(path: string, context: RenderContext): Promise<ManifestEntry> {
  const name = basename(path);
  const entry: ManifestEntry = { form: path, ok: false, files: [], copies: [], deadlines: [], errors: [], warnings: 0 };
  const timings = context.timings;
  const loaded = timed(timings, 'validate', () => loadFormFile(path, name));
  if (!loaded.form || hasErrors(loaded.diagnostics)) {
    entry.errors = loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    return entry;
  }
  const form = loaded.form;
  entry.urn = form.school.urn;
  if (form.school.name !== undefined) entry.school = form.school.name;
  entry.visitDate = lastVisitDay(form); // as the letter's file names
  entry.status = context.status;

  const letter = composeLetter(form, {
    status: context.status,
    templates: context.templates,
    holidays: context.holidays,
    ...(timings ? { timings } : {}),
  });
  const placed = letter.diagnostics.map((d) => {
    // Template diagnostics name a template and a model field, not a place in the form.
    const inForm = !d.rule.startsWith('template/');
    const at = inForm && d.line === undefined ? loaded.locate(d.path) : undefined;
    return at ? { ...d, line: at.line, column: at.column, file: name } : { ...d, file: name };
  });
  entry.warnings = placed.filter((d) => d.severity === 'warning').length;
  entry.deadlines = letter.deadlines.map((d) => ({ id: d.id, date: d.date }));
  if (letter.recipients) {
    const to = letter.recipients.to;
    entry.to = to.name;
    entry.copies = letter.recipients.copies.map((c) => ({ role: c.role, name: c.name }));
  }
  const document = letter.document;
  if (!document) {
    entry.errors = placed.filter((d) => d.severity === 'error').map(formatDiagnostic);
    if (entry.errors.length === 0)
      entry.errors = ['the letter could not be made (see `monitoring-letter draft` for details)'];
    return entry;
  }
  // Every format is rendered before any is written: a format that fails leaves no other half-written.
  const rendered: { file: string; bytes: string | Uint8Array }[] = [];
  for (const format of context.formats) {
    const file = join(context.outDir, outputFileName(document, format));
    const started = performance.now();
    try {
      rendered.push({ file, bytes: await renderFormat(format, { ...letter, document }) });
    } catch (error) {
      if (!(error instanceof MissingGlyphError)) throw error;
      entry.errors.push(formatDiagnostic(missingGlyphDiagnostic(error, form, loaded.locate, name)));
      return entry;
    }
    if (timings) timings[stageOf[format]] = (timings[stageOf[format]] ?? 0) + (performance.now() - started);
  }
  mkdirSync(context.outDir, { recursive: true });
  for (const { file, bytes } of rendered) {
    try {
      timed(timings, 'write', () =>
        writeFileAtomic(file, bytes, { overwrite: context.status !== 'final' || context.force, sync: false }),
      );
    } catch (error) {
      entry.errors.push(
        `${file}: ${(error as Error).message}${context.status === 'final' ? ' (use --force to replace a final letter)' : ''}`,
      );
      continue;
    }
    entry.files.push(file);
  }
  entry.ok = entry.errors.length === 0;
  return entry;
}
