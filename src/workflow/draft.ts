/**
 * Drafting a letter, the one way `draft`, `batch` (its workers), `example`
 * and the web server do it: compose the letter from a loaded form, render
 * every format asked for (all before any is written, so a format that fails
 * leaves no other half-written), then, as a separate step, write the files
 * atomically and record the letter's history.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, Locate } from '../ground/diagnostics.js';
import type { EvidenceForm } from '../evidence/schema.js';
import type { PreparedTemplates } from '../letter/templates.js';
import type { LetterDocument } from '../letter/tree.js';
import {
  composeLetter,
  outputFileName,
  renderFormat,
  type ComposedLetter,
  type OutputFormat,
  type StageTimings,
} from './pipeline.js';
import type { Holidays } from '../rules/working-days.js';
import { missingGlyphDiagnostic } from '../writers/missing-glyph.js';
import { MissingGlyphError } from '../writers/pdf/index.js';
import { FileExistsError, writeFileAtomic } from '../writers/write-atomic.js';
import { recordLetterWritten } from '../ground/history.js';
import { loadAndValidate, type FormLoad, type LoadRequest, type UnusableForm } from './load.js';
import { findingsBeyondRefusals, type PartialForm } from '../evidence/partial-form.js';
import { formatPath } from '../ground/diagnostics.js';

export interface DraftSettings {
  status: 'draft' | 'final';
  formats: readonly OutputFormat[];
  templates: PreparedTemplates;
  holidays: Holidays;
  /**
   * Today in London (ISO date): a final letter without a `letter.date` in its
   * form is dated today, the day it is made final. Drafts are dated the last visit day.
   */
  today?: string;
  /** When given, milliseconds per stage are added here (bench/ reads them). */
  timings?: Record<string, number>;
}

/** The form to draft from: as `loadAndValidate` gives it, or built by a caller (the web server). */
export interface DraftInput {
  form: EvidenceForm;
  /** Names the form in diagnostics. */
  file?: string;
  /** Places diagnostics on the form's lines. */
  locate?: Locate;
  /**
   * The form is the rest of one the schema refused (`form` is `partial.form`): each refused value is a
   * marker in the draft, no finding is added where a refusal (`diagnostics`) stands, and no final letter is made.
   */
  refused?: { partial: PartialForm; diagnostics: readonly Diagnostic[] };
}

/** What to draft from a loaded form: the form, or the rest of one the schema refused; undefined when neither. */
export function draftInput(load: FormLoad): DraftInput | undefined {
  const at = { file: load.file, locate: load.loaded.locate };
  if (load.ok) return { form: load.form, ...at };
  if (!load.partial) return undefined;
  return { form: load.partial.form, ...at, refused: { partial: load.partial, diagnostics: load.diagnostics } };
}

/** One rendered format, named as it is written: `<URN>-<last visit day>-<draft|final>.<ext>`. */
export interface RenderedFile {
  format: OutputFormat;
  name: string;
  content: string | Uint8Array;
}

export type CompleteLetter = ComposedLetter & { document: LetterDocument };

/** A letter made: the composed letter, each format's bytes, and what it still lacks (gaps are para 16 items not yet written). */
export interface DraftMade {
  ok: true;
  letter: CompleteLetter;
  files: RenderedFile[];
  /** Every diagnostic of the letter, placed on the form. */
  diagnostics: Diagnostic[];
  /** What the letter still needs (para 16), one phrase each: a draft shows a marker for each. */
  gaps: string[];
}

/**
 * No letter: 'not-final' (a final letter has errors or gaps), 'templates'
 * (the templates do not fit the model), 'missing-glyph' (a character the PDF
 * font cannot draw; the other formats can be made without pdf).
 */
export interface DraftRefused {
  ok: false;
  reason: 'not-final' | 'templates' | 'missing-glyph';
  letter: ComposedLetter;
  diagnostics: Diagnostic[];
}

export type DraftOutcome = DraftMade | DraftRefused;

const stageOf: Record<OutputFormat, string> = {
  docx: 'docx',
  pdf: 'pdf',
  md: 'preview',
  html: 'preview',
  json: 'preview',
};

/** The date a letter bears: a final letter is dated the day it is made final unless its form says otherwise. */
function letterDateFor(form: EvidenceForm, settings: DraftSettings): string | undefined {
  if (settings.status !== 'final') return undefined;
  return form.letter?.date ?? settings.today;
}

/** Composes and renders the letter in every format asked for; writes nothing. Never throws for a user's mistake. */
export async function draftLetter(input: DraftInput, settings: DraftSettings): Promise<DraftOutcome> {
  const { form } = input;
  const file = input.file;
  const letterDate = letterDateFor(form, settings);
  const refused = input.refused;
  const letter = composeLetter(form, {
    status: settings.status,
    templates: settings.templates,
    holidays: settings.holidays,
    ...(letterDate !== undefined ? { letterDate } : {}),
    ...(settings.timings ? { timings: settings.timings as StageTimings } : {}),
    ...(refused ? { refused: refused.partial.gaps.map((gap) => ({ at: gap.at, label: formatPath(gap.source) })) } : {}),
  });
  // On a refused form the findings are moved to the source's paths; where a refusal stands, it speaks alone.
  const found = refused
    ? [
        ...findingsBeyondRefusals(
          letter.diagnostics.filter((d) => !d.rule.startsWith('template/')),
          refused.partial,
          refused.diagnostics,
        ),
        ...letter.diagnostics.filter((d) => d.rule.startsWith('template/')),
      ]
    : letter.diagnostics;
  const diagnostics = found.map((d) => {
    // Template diagnostics name a template and a model field, not a place in the form.
    const at = !d.rule.startsWith('template/') && d.line === undefined ? input.locate?.(d.path) : undefined;
    const placed = at ? { ...d, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn } : d;
    return file !== undefined && placed.file === undefined ? { ...placed, file } : placed;
  });
  if (!letter.document || (refused && settings.status === 'final')) {
    const reason = diagnostics.some((d) => d.rule.startsWith('template/')) ? 'templates' : 'not-final';
    return { ok: false, reason, letter, diagnostics };
  }
  const complete: CompleteLetter = { ...letter, document: letter.document };
  const files: RenderedFile[] = [];
  for (const format of settings.formats) {
    const started = performance.now();
    try {
      files.push({
        format,
        name: outputFileName(complete.document, format),
        content: await renderFormat(format, complete),
      });
    } catch (error) {
      if (!(error instanceof MissingGlyphError)) throw error;
      const glyph = missingGlyphDiagnostic(error, form, input.locate ?? (() => undefined), file ?? '<form>');
      return { ok: false, reason: 'missing-glyph', letter, diagnostics: [...diagnostics, glyph] };
    }
    if (settings.timings) {
      const stage = stageOf[format];
      settings.timings[stage] = (settings.timings[stage] ?? 0) + (performance.now() - started);
    }
  }
  return { ok: true, letter: complete, files, diagnostics, gaps: letter.model.gaps.map((g) => g.missing) };
}

/** A form file drafted: how it loaded, and (when it could be used) the letter or why there is none. */
export type FormDraft = { load: UnusableForm } | { load: FormLoad; outcome: DraftOutcome };

/** Loads a form file (with the register's facts when asked) and drafts it: `draft` and each `batch` job. Writes nothing. */
export async function draftFormFile(request: LoadRequest, settings: DraftSettings): Promise<FormDraft> {
  const load = await loadAndValidate(request);
  const input = draftInput(load);
  if (!input) return { load: load as UnusableForm };
  return { load, outcome: await draftLetter(input, settings) };
}

export interface WriteSettings {
  outDir: string;
  /** Replace an existing final letter (drafts are always replaced). */
  force: boolean;
  /** When the files were written (ISO date-time), for the letter's history; only a benchmark leaves it out (no history). */
  at: string | undefined;
  /** Flush each file to disk (default true); a batch of thousands passes false. */
  sync?: boolean;
}

/** What writing gave: the paths written, and any file that could not be (a final letter already there, a disk refusal). */
export interface WriteOutcome {
  written: string[];
  failures: { path: string; error: unknown; exists: boolean }[];
}

/** The final letter's files that already exist in the folder (a final letter is never replaced without --force). */
export function existingFinalFiles(made: DraftMade, outDir: string): string[] {
  if (made.letter.document.meta.status !== 'final') return [];
  return made.files.map((f) => join(outDir, f.name)).filter((path) => existsSync(path));
}

/**
 * Writes the rendered files into the folder (each to a temporary name, then
 * renamed) and records the letter's history: drafted, or finalised for a
 * final letter, so `status` shows the letter that now exists.
 */
export function writeLetterFiles(made: DraftMade, settings: WriteSettings): WriteOutcome {
  const final = made.letter.document.meta.status === 'final';
  mkdirSync(settings.outDir, { recursive: true });
  const outcome: WriteOutcome = { written: [], failures: [] };
  for (const file of made.files) {
    const path = join(settings.outDir, file.name);
    try {
      writeFileAtomic(path, file.content, {
        overwrite: !final || settings.force,
        ...(settings.sync === false ? { sync: false } : {}),
      });
      outcome.written.push(path);
    } catch (error) {
      outcome.failures.push({ path, error, exists: error instanceof FileExistsError });
    }
  }
  if (outcome.written.length > 0 && settings.at !== undefined) {
    const { urn, visitDate } = made.letter.document.meta;
    recordLetterWritten(settings.outDir, urn, visitDate, {
      status: final ? 'final' : 'draft',
      at: settings.at,
      files: outcome.written.map((path) => path.slice(settings.outDir.length + 1)),
      ...(settings.sync === false ? { sync: false } : {}),
    });
  }
  return outcome;
}
