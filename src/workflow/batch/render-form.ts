/**
 * One batch job: a form file in, its letter files written, and its manifest
 * entry out, through the same workflow as `draft` (src/workflow/). A bad form
 * becomes a failed entry with its errors, never a throw.
 */
import { basename } from 'node:path';
import { formatDiagnostic } from '../../ground/diagnostics.js';
import type { PreparedTemplates } from '../../letter/templates.js';
import type { OutputFormat } from '../pipeline.js';
import type { Holidays } from '../../rules/working-days.js';
import { lastVisitDay } from '../../evidence/visit-dates.js';
import { draftInput, draftLetter, writeLetterFiles } from '../draft.js';
import { loadAndValidate } from '../load.js';
import { LocalWriteError, localCode } from '../../ground/local-write.js';
import { decideFinal } from './kept-final.js';
import { emptyEntry, type ManifestEntry } from './manifest.js';

export interface BatchOptions {
  outDir: string;
  formats: OutputFormat[];
  status: 'draft' | 'final';
  /** Replace existing final letters (never replaced otherwise; a sent letter never). */
  force: boolean;
  /** Carrying on after a run that stopped: final files it left half-written are written whole. */
  resume?: boolean;
  /** Today in London (ISO date): a final letter without a letter.date is dated today. */
  today?: string;
  /** When the batch ran (ISO date-time), recorded in each letter's history; only the benchmark leaves it out. */
  at?: string;
}

export interface RenderContext extends BatchOptions {
  templates: PreparedTemplates;
  holidays: Holidays;
  /** When given, milliseconds per stage are added here (bench/ reads them). */
  timings?: Record<string, number>;
}

/** Runs `work`, adding its milliseconds to `timings[stage]` when timings are kept. */
async function timed<T>(
  timings: Record<string, number> | undefined,
  stage: string,
  work: () => Promise<T>,
): Promise<T> {
  const since = performance.now();
  try {
    return await work();
  } finally {
    if (timings) timings[stage] = (timings[stage] ?? 0) + (performance.now() - since);
  }
}

/** Validates and renders one form; returns its manifest entry. */
export async function renderFormFile(path: string, context: RenderContext): Promise<ManifestEntry> {
  const name = basename(path);
  const entry = emptyEntry(path);
  const timings = context.timings;
  const load = await timed(timings, 'validate', () => loadAndValidate({ file: path, cwd: '/', displayName: name }));
  // A form the schema refused in places is drafted without those values, each a marker; never made final.
  const input = draftInput(load);
  if (!input) {
    entry.errors = load.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    return entry;
  }
  const form = input.form;
  entry.urn = form.school.urn;
  if (form.school.name !== undefined) entry.school = form.school.name;
  entry.visitDate = lastVisitDay(form); // as the letter's file names
  entry.status = context.status;

  const outcome = await draftLetter(
    { ...input, file: name },
    {
      status: context.status,
      formats: context.formats,
      templates: context.templates,
      holidays: context.holidays,
      ...(context.today !== undefined ? { today: context.today } : {}),
      ...(timings ? { timings } : {}),
    },
  );
  const { letter } = outcome;
  const diagnostics = load.ok ? outcome.diagnostics : [...load.diagnostics, ...outcome.diagnostics];
  entry.warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  entry.errors = diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  entry.deadlines = letter.deadlines.map((d) => ({ id: d.id, date: d.date }));
  entry.gaps = letter.model.gaps.map((gap) => gap.missing);
  if (letter.recipients) {
    const to = letter.recipients.to;
    entry.to = to.name;
    entry.copies = letter.recipients.copies.map((c) => ({ role: c.role, name: c.name }));
  }
  if (!outcome.ok) {
    if (entry.errors.length === 0) {
      entry.errors = ['the letter could not be made (see `monitoring-letter draft` for details)'];
    }
    return entry;
  }
  const decision =
    context.status === 'final'
      ? decideFinal(outcome, { outDir: context.outDir, force: context.force, resume: context.resume === true })
      : ({ action: 'write', overwrite: true } as const);
  if (decision.action === 'keep') {
    entry.files = decision.files;
    entry.skipped = decision.reason;
    entry.rendered = decision.files.length > 0;
    entry.ok = entry.rendered && entry.gaps.length === 0 && entry.errors.length === 0;
    return entry;
  }
  let written: ReturnType<typeof writeLetterFiles>;
  try {
    written = await timed(timings, 'write', async () =>
      writeLetterFiles(outcome, { outDir: context.outDir, force: decision.overwrite, at: context.at, sync: false }),
    );
  } catch (error) {
    // The letter's history could not be appended: the disk refused.
    const code = localCode(error);
    if (code === undefined) throw error;
    entry.localFailure = new LocalWriteError(context.outDir, code, "the letters' histories").message;
    entry.errors.push(entry.localFailure);
    return entry;
  }
  entry.files = written.written;
  for (const failure of written.failures) {
    const code = localCode(failure.error);
    if (code !== undefined && code !== 'ELOOP') {
      // The disk refused: not this form's fault, and every later letter would meet the same disk.
      entry.localFailure = new LocalWriteError(context.outDir, code, 'the letters').message;
    }
    entry.errors.push(
      `${failure.path}: ${(failure.error as Error).message}${failure.exists ? ' (use --force to replace a final letter)' : ''}`,
    );
  }
  entry.rendered = written.failures.length === 0;
  // A letter with gaps or errors is incomplete, never plain ok.
  entry.ok = entry.rendered && entry.gaps.length === 0 && entry.errors.length === 0;
  return entry;
}
