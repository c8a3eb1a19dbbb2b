/**
 * `draft` as one workflow step: load the form (with the register's facts
 * when asked), compose and render the letter in the formats asked for, and
 * write them into the output folder, never over a final letter without
 * `force`. Returns what happened as data; the command prints it.
 */
import { relative, resolve } from 'node:path';
import type { Diagnostic } from '../ground/diagnostics.js';
import { exitCodes, type ExitCode } from '../ground/exit-codes.js';
import type { OutputFormat } from '../ground/formats.js';
import { UserError } from '../ground/io.js';
import type { WorkflowContext } from './context.js';
import { draftFormFile, existingFinalFiles, writeLetterFiles, type DraftMade, type DraftRefused } from './draft.js';
import { ensureOutDir, writeFailure } from './out-dir.js';

export interface DraftFilesRequest {
  /** The form as the user named it (relative to the io's cwd). */
  form: string;
  /** The output folder as the user named it. */
  out: string;
  formats: readonly OutputFormat[];
  final: boolean;
  force: boolean;
  register?: string | undefined;
}

/** Why no letter was made: the form is not usable, or the letter was refused (see DraftRefused). */
export type DraftNotMade = { ok: false; exitCode: ExitCode } & (
  { reason: 'invalid-form' } | { reason: DraftRefused['reason'] }
);

/** The letter made: the files written; `stopped` when a file could not be written (after those before it were). */
export interface DraftWritten {
  ok: true;
  made: DraftMade;
  written: string[];
  stopped?: UserError;
}

export type DraftFilesOutcome = { diagnostics: Diagnostic[]; source: { file: string; text: string | undefined } } & (
  DraftNotMade | DraftWritten
);

/** Drafts the form's letter into the output folder (a final letter with `final`). */
export async function draftToFolder(context: WorkflowContext, request: DraftFilesRequest): Promise<DraftFilesOutcome> {
  const { io } = context;
  const drafted = await draftFormFile(
    { file: request.form, cwd: io.cwd, register: request.register },
    {
      status: request.final ? 'final' : 'draft',
      formats: request.formats,
      templates: context.templates(),
      holidays: context.holidays(),
      today: context.today(),
    },
  );
  const { load } = drafted;
  const source = { file: request.form, text: load.loaded.text };
  if (!('outcome' in drafted)) {
    return {
      ok: false,
      reason: 'invalid-form',
      exitCode: drafted.load.exitCode,
      diagnostics: load.diagnostics,
      source,
    };
  }
  const outcome = drafted.outcome;
  // A form the schema refused in places: its refusals and the other findings in the order of the source, as validate lists them.
  const diagnostics = load.ok
    ? [...load.diagnostics, ...outcome.diagnostics]
    : [...load.diagnostics, ...outcome.diagnostics].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (!outcome.ok) return { ok: false, reason: outcome.reason, exitCode: exitCodes.invalid, diagnostics, source };
  const outDir = resolve(io.cwd, request.out);
  const shown = (path: string): string => shownPath(io.cwd, path);
  const existing = request.force ? [] : existingFinalFiles(outcome, outDir);
  const made = { ok: true as const, made: outcome, diagnostics, source };
  if (existing.length > 0) {
    const message = `a final letter already exists: ${existing.map(shown).join(', ')}; use --force to replace it`;
    return { ...made, written: [], stopped: new UserError(message) };
  }
  ensureOutDir(outDir, request.out);
  const written = writeLetterFiles(outcome, { outDir, force: request.force, at: io.now().toISOString() });
  const failure = written.failures[0];
  if (!failure) return { ...made, written: written.written };
  const stopped = failure.exists
    ? new UserError(`a final letter already exists: ${shown(failure.path)}; use --force to replace it`)
    : writeFailure(failure.error, shown(failure.path));
  return { ...made, written: written.written, stopped };
}

/** A path as the user would write it: relative to the working folder. */
export function shownPath(cwd: string, path: string): string {
  return relative(cwd, path) || path;
}
