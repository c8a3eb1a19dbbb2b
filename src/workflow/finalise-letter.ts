/**
 * `finalise` as one workflow step (para 17: the ISP's final version within 10
 * working days): load the ISP's form, compose it as final, dated the day it
 * is finalised, read the HMI's draft, compare, write the final letter, the
 * redline and the changes summary, and record the letter's history. The
 * caller gives the clock's readings (`on`, `at`) and prints the outcome.
 */
import { join, resolve } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { formatLongDate } from '../ground/dates-in-words.js';
import type { Diagnostic } from '../ground/diagnostics.js';
import { exitCodes, type ExitCode } from '../ground/exit-codes.js';
import type { PreparedTemplates } from '../letter/templates.js';
import { composeLetter, outputFileName, type OutputFormat } from './pipeline.js';
import type { Holidays } from '../rules/working-days.js';
import { missingGlyphDiagnostic } from '../writers/missing-glyph.js';
import { MissingGlyphError } from '../writers/pdf/index.js';
import { FileExistsError, writeFileAtomic } from '../writers/write-atomic.js';
import { DraftSourceError, readDraftSource } from './draft-source.js';
import { lastFinalisation, nextVersion, planFinalise, type FinalisePlan, type FinalStamp } from './finalise-plan.js';
import { appendHistory, historyPath, readHistory, versionStates, type VersionState } from '../ground/history.js';
import { londonDate } from '../ground/calendar.js';
import { lastVisitDay } from '../evidence/visit-dates.js';
import { finalLetterDateFindings } from '../rules/event-dates.js';
import { loadAndValidate } from './load.js';
import { isUnreadableFile } from '../evidence/unreadable.js';

export interface FinaliseRequest {
  /** The ISP's edited form, as the user named it. */
  form: string;
  /** The HMI's draft: a form, or a DOCX, Markdown or text letter. */
  draft: string;
  cwd: string;
  outDir: string;
  /** Who finalises (the name Word shows on each tracked change). */
  by: string;
  /** The day of finalising (ISO date, London): the final letter bears this date. */
  on: string;
  /** When it was recorded (ISO date-time). */
  at: string;
  force: boolean;
  /** False for a preview: everything is checked, compared and rendered, nothing written or recorded. */
  write?: boolean;
  formats: readonly OutputFormat[];
  templates: PreparedTemplates;
  holidays: Holidays;
}

/** Where the form's text is, for printing source lines under its diagnostics. */
export interface SourceText {
  file: string;
  text: string | undefined;
}

export interface Finalised {
  ok: true;
  stamp: FinalStamp;
  plan: FinalisePlan;
  /** Paths written, in order. */
  written: string[];
  diagnostics: Diagnostic[];
  /** About the letter's date and its earlier versions, one sentence each (not about the form's text). */
  warnings: string[];
  sources: SourceText[];
}

export interface NotFinalised {
  ok: false;
  exitCode: ExitCode;
  /** One line saying why (printed after the diagnostics). */
  message: string;
  diagnostics: Diagnostic[];
  sources: SourceText[];
}

export type FinaliseOutcome = Finalised | NotFinalised;

/**
 * The form's own `letter.date`, when it differs from the day of finalising,
 * is not the final letter's date: a final letter is dated when it is finalised.
 */
function letterDateNote(date: string | undefined, on: string): Diagnostic[] {
  if (date === undefined || date === on) return [];
  return [
    {
      severity: 'warning',
      message: `the final letter is dated ${formatLongDate(on)}, the day it is finalised, not the form's letter.date (${formatLongDate(date)}); give --date ${date} to date it so`,
      path: ['letter', 'date'],
      rule: 'finalise/letter-date',
      paragraph: '17',
    },
  ];
}

/** Finalises one letter; never throws for a user's mistake. */
export async function finaliseLetter(request: FinaliseRequest): Promise<FinaliseOutcome> {
  const load = await loadAndValidate({ file: request.form, cwd: request.cwd });
  const sources: SourceText[] = [{ file: request.form, text: load.loaded.text }];
  const refuse = (exitCode: ExitCode, message: string, diagnostics: Diagnostic[] = []): NotFinalised => ({
    ok: false,
    exitCode,
    message,
    diagnostics,
    sources,
  });
  if (!load.ok)
    return refuse(
      load.exitCode,
      `${request.form}: the form is not valid; the letter was not finalised`,
      load.diagnostics,
    );

  const form = load.form;
  const { templates, holidays } = request;
  const dates = finalLetterDateFindings(request.on, {
    lastVisitDay: lastVisitDay(form),
    today: londonDate(new Date(request.at)),
    holidays,
  });
  if (dates.refusal) return refuse(exitCodes.invalid, dates.refusal, load.diagnostics);
  const warnings = [...dates.warnings];
  const letter = composeLetter(form, { status: 'final', templates, holidays, letterDate: request.on });
  const place = (d: Diagnostic): Diagnostic => {
    const at = d.line === undefined && !d.rule.startsWith('template/') ? load.loaded.locate(d.path) : undefined;
    return { ...d, ...(at ? { line: at.line, column: at.column } : {}), file: d.file ?? request.form };
  };
  const diagnostics = [
    ...load.diagnostics,
    ...[...letter.diagnostics, ...letterDateNote(form.letter?.date, request.on)].map(place),
  ];
  // The same form as a draft, dated as the final letter is, shows what only a draft's status changes (the
  // marking), so the redline shows the ISP's edits alone, and the letter's date as it changed: the HMI's draft
  // is dated the visit day, the final letter the day it is finalised.
  const rendition = composeLetter(form, { status: 'draft', templates, holidays, letterDate: request.on }).document;
  if (!letter.document || !rendition) {
    return refuse(
      exitCodes.invalid,
      `${request.form}: a final letter cannot be made until the errors above are put right`,
      diagnostics,
    );
  }
  const document = letter.document;

  const history = historyPath(request.outDir, document.meta.urn, document.meta.visitDate);
  const { events } = readHistory(history);
  const previous = lastFinalisation(events);
  const existing = request.formats
    .map((format) =>
      join(request.outDir, outputFileName({ ...document, meta: { ...document.meta, status: 'final' } }, format)),
    )
    .filter((path) => existsSync(path));
  const sent = versionStates(events).find((state) => state.sentOn !== undefined);
  if (!request.force && (previous || existing.length > 0)) {
    const what = previous
      ? `the letter was finalised already (version ${previous.version ?? 1}${previous.by ? ` by ${previous.by}` : ''} on ${formatLongDate(previous.on ?? londonDate(new Date(previous.at)))})`
      : `a final letter already exists: ${existing.join(', ')}`;
    const then = sent ? `; ${sentSentence(sent)}` : '';
    return refuse(exitCodes.invalid, `${what}${then}; use --force to make version ${nextVersion(events)}`, diagnostics);
  }
  if (sent) {
    warnings.push(
      `${sentSentence(sent)}; version ${nextVersion(events)} replaces the final letter, not what they received: send it with \`monitoring-letter send\` so they have it`,
    );
  }

  let draft;
  try {
    draft = await readDraftSource(resolve(request.cwd, request.draft), {
      templates,
      holidays,
      meta: rendition.meta,
      displayName: request.draft,
    });
  } catch (error) {
    if (!(error instanceof DraftSourceError)) throw error;
    if (error.loaded) sources.push({ file: request.draft, text: error.loaded.text });
    const unreadable = error.diagnostics.some(isUnreadableFile) || /cannot read the draft/.test(error.message);
    return refuse(unreadable ? exitCodes.usage : exitCodes.invalid, error.message, [
      ...diagnostics,
      ...error.diagnostics,
    ]);
  }
  if (
    draft.kind === 'form' &&
    (draft.document.meta.urn !== document.meta.urn || draft.document.meta.visitDate !== document.meta.visitDate)
  ) {
    return refuse(
      exitCodes.invalid,
      `${request.draft} is the draft for URN ${draft.document.meta.urn}, visit ${draft.document.meta.visitDate}, but ${request.form} is for URN ${document.meta.urn}, visit ${document.meta.visitDate}`,
      diagnostics,
    );
  }

  const stamp: FinalStamp = { version: nextVersion(events), by: request.by, on: request.on };
  let plan: FinalisePlan;
  try {
    plan = await planFinalise({
      letter: { ...letter, document },
      draftRendition: rendition,
      draft: draft.document,
      draftKind: draft.kind,
      stamp,
      formats: request.formats,
      holidays,
    });
  } catch (error) {
    if (!(error instanceof MissingGlyphError)) throw error;
    return refuse(
      exitCodes.invalid,
      `${request.form}: the letter was not finalised; to write the other formats, leave out pdf with --format`,
      [...diagnostics, missingGlyphDiagnostic(error, form, load.loaded.locate, request.form)],
    );
  }

  if (request.write === false) return { ok: true, stamp, plan, written: [], diagnostics, warnings, sources };
  try {
    mkdirSync(request.outDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const inTheWay = code === 'EEXIST' || code === 'ENOTDIR';
    return refuse(
      inTheWay ? exitCodes.usage : exitCodes.outside,
      `cannot create the folder ${request.outDir}: ${inTheWay ? 'a file is in the way' : (code ?? (error as Error).message)}`,
      diagnostics,
    );
  }
  const written: string[] = [];
  for (const file of plan.files) {
    const path = join(request.outDir, file.name);
    try {
      writeFileAtomic(path, file.content, { overwrite: file.kind !== 'final' || request.force });
    } catch (error) {
      if (error instanceof FileExistsError) {
        return refuse(
          exitCodes.invalid,
          `a final letter already exists: ${path}; use --force to replace it`,
          diagnostics,
        );
      }
      return refuse(exitCodes.outside, `cannot write ${path}: ${(error as Error).message}`, diagnostics);
    }
    written.push(path);
  }

  if (!events.some((event) => event.stage === 'draft-received')) {
    appendHistory(history, {
      stage: 'draft-received',
      at: request.at,
      ...(draft.kind === 'form' ? { by: draft.document.meta.author } : {}),
      files: [resolve(request.cwd, request.draft)],
    });
  }
  appendHistory(history, {
    stage: 'finalised',
    at: request.at,
    by: stamp.by,
    version: stamp.version,
    files: plan.files.map((file) => file.name),
    on: stamp.on,
  });
  return { ok: true, stamp, plan, written, diagnostics, warnings, sources };
}

/** "version 1 (finalised by A. Officer on 20 March 2014) was sent on 21 March 2014 to 4 recipients". */
function sentSentence(sent: VersionState): string {
  const by = sent.by ? ` by ${sent.by}` : '';
  const count = sent.sentTo?.length ?? 0;
  const to = count > 0 ? ` to ${count} recipient${count === 1 ? '' : 's'} (${sent.sentTo!.join(', ')})` : '';
  return `version ${sent.version} (finalised${by} on ${formatLongDate(sent.finalisedOn)}) was sent on ${formatLongDate(sent.sentOn!)}${to}`;
}
