/**
 * The drafting page's one door into the application: every check, preview
 * and draft the page asks for goes through the workflow (src/workflow/), the
 * same functions `validate` and `draft` use, so the page and the command
 * line can never judge a form differently. What does not depend on the form
 * (the templates, the bank holidays) is prepared once per server.
 */
import { relative, resolve } from 'node:path';
import type { Diagnostic, FormPath } from '../ground/diagnostics.js';
import type { PreparedTemplates } from '../letter/templates.js';
import { londonDate } from '../ground/calendar.js';
import type { Deadline, RecipientList } from '../rules/types.js';
import { partsNotHeld } from '../rules/parts-held.js';
import { dayAndDate } from '../rules/event-dates.js';
import type { Holidays } from '../rules/working-days.js';
import { draftInput, draftLetter, writeLetterFiles } from './draft.js';
import { loadAndValidate, loadAndValidateText } from './load.js';
import type { Io } from '../ground/io.js';
import { formatDiagnostics } from '../ground/diagnostics-text.js';
import type { WorkflowContext } from './context.js';

/** What the page shows for one version of the form's text. */
export interface FormCheck {
  /** Every diagnostic, with the line and column in the text and the form path it names. */
  diagnostics: Diagnostic[];
  /** The letter exactly as `draft` writes its HTML preview; absent when the form is not valid enough to draft. */
  html?: string;
  recipients?: RecipientList;
  deadlines: PageDeadline[];
  /** The parts of the form that cannot apply (a community school's foundation, a first visit's previous one); absent when the form does not read. */
  notHeld?: FormPath[];
}

/** A deadline with its day in words, as the page shows it: "Wednesday 5 March 2014". */
export type PageDeadline = Deadline & { dayInWords: string };

/** The outcome of writing a draft: the files written, or what stopped it, in the command line's words. */
export interface PageDraftWritten {
  ok: boolean;
  written: string[];
  messages: string;
}

/** Checks and previews forms with templates and holidays prepared once. */
export interface LetterService {
  check(text: string, file: string): Promise<FormCheck>;
  /** Writes the draft (DOCX and PDF) from the form file on disk as `draft` does; `form` as named on the command line. */
  writeDraft(request: { form: string; out: string }, io: Io): Promise<PageDraftWritten>;
}

/** The formats the page's button writes. */
export const draftFormats = ['docx', 'pdf'] as const;

/** Prepares the templates and holidays once, now; a bad --templates folder is the user's mistake (exit 2). */
export function prepareLetterService(context: WorkflowContext): LetterService {
  const { io } = context;
  const templates: PreparedTemplates = context.templates();
  const holidays: Holidays = context.holidays();
  return {
    check: (text, file) => checkPageForm(text, file, io.cwd, templates, holidays),
    writeDraft: (request, pageIo) => writeDraft(request, pageIo, templates, holidays),
  };
}

/** The same checks as `validate` and `draft`: the loader's, then the rules' and the letter's. */
async function checkPageForm(
  text: string,
  file: string,
  cwd: string,
  templates: PreparedTemplates,
  holidays: Holidays,
): Promise<FormCheck> {
  const load = await loadAndValidateText(text, file, { cwd });
  // A form the schema refused in places is previewed and checked without those values, as `draft` does.
  const input = draftInput(load);
  if (!input) return { diagnostics: load.diagnostics, deadlines: [] };
  const outcome = await draftLetter(input, { status: 'draft', formats: ['html'], templates, holidays });
  const html = outcome.ok ? outcome.files[0]?.content : undefined;
  return {
    diagnostics: [...load.diagnostics, ...outcome.diagnostics],
    ...(typeof html === 'string' ? { html } : {}),
    ...(outcome.letter.recipients ? { recipients: outcome.letter.recipients } : {}),
    deadlines: outcome.letter.deadlines.map((d) => ({ ...d, dayInWords: dayAndDate(d.date) })),
    notHeld: partsNotHeld(input.form),
  };
}

/** Loads the saved form, drafts it and writes the files, as `draft --format docx,pdf` does; never a final letter. */
async function writeDraft(
  request: { form: string; out: string },
  io: Io,
  templates: PreparedTemplates,
  holidays: Holidays,
): Promise<PageDraftWritten> {
  const shown = (path: string): string => relative(io.cwd, path) || path;
  const load = await loadAndValidate({ file: request.form, cwd: io.cwd });
  const lines = (diagnostics: readonly Diagnostic[]) =>
    formatDiagnostics(
      diagnostics.filter((d) => d.severity === 'error'),
      new Map(),
      { showSource: false, colour: false },
    );
  const input = draftInput(load);
  if (!input) {
    return { ok: false, written: [], messages: `${lines(load.diagnostics)}${request.form}: the form is not valid` };
  }
  const made = await draftLetter(input, {
    status: 'draft',
    formats: draftFormats,
    templates,
    holidays,
    today: londonDate(io.now()),
  });
  if (!made.ok) {
    const why =
      made.reason === 'missing-glyph'
        ? 'the PDF cannot show a character (see above)'
        : made.reason === 'templates'
          ? 'the templates do not fit the letter'
          : 'the letter has errors';
    return { ok: false, written: [], messages: `${lines(made.diagnostics)}${why}` };
  }
  const outDir = resolve(io.cwd, request.out);
  let result;
  try {
    result = writeLetterFiles(made, { outDir, force: false, at: io.now().toISOString() });
  } catch (error) {
    // The folder itself could not be made (a file in the way, no permission).
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ok: false, written: [], messages: `cannot write into ${shown(outDir)}: ${reason}` };
  }
  const written = result.written.map(shown);
  const failure = result.failures[0];
  if (failure) {
    const reason = (failure.error as NodeJS.ErrnoException).code ?? (failure.error as Error).message;
    return { ok: false, written, messages: `cannot write ${shown(failure.path)}: ${reason}` };
  }
  return { ok: true, written, messages: '' };
}
