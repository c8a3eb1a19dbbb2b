/**
 * The drafting page's one door into the pipeline: every check, preview and
 * draft the page asks for goes through here, so the page and `draft` can
 * never judge a form differently. What does not depend on the form (the
 * templates, the bank holidays) is prepared once per server.
 */
import { relative } from 'node:path';
import { placeDiagnostics, type Diagnostic } from '../diagnostics.js';
import { loadForm } from '../evidence/load.js';
import type { PreparedTemplates } from '../letter/templates.js';
import { composeLetter } from '../pipeline.js';
import { englandBankHolidays } from '../rules/holidays.js';
import type { Deadline, RecipientList } from '../rules/types.js';
import type { Holidays } from '../rules/working-days.js';
import { renderHtml } from '../writers/html.js';
import { draftLetter, loadTemplates } from '../cli/commands/draft.js';
import { exitCodes, UserError, type Io } from '../cli/io.js';

/** What the page shows for one version of the form's text. */
export interface FormCheck {
  /** Every diagnostic, with the line and column in the text and the form path it names. */
  diagnostics: Diagnostic[];
  /** The letter as the CLI's HTML preview writes it; absent when the form is not valid enough to draft. */
  html?: string;
  recipients?: RecipientList;
  deadlines: Deadline[];
}

/** Checks and previews forms with templates and holidays prepared once. */
export interface LetterService {
  check(text: string, file: string): FormCheck;
  /** Writes the draft (DOCX and PDF) from the form file on disk exactly as `draft` does; `form` as named on the command line. */
  writeDraft(request: { form: string; out: string }, io: Io): Promise<DraftOutcome>;
}

/** The outcome of writing a draft: the files written, or what stopped it, in the CLI's words. */
export interface DraftOutcome {
  ok: boolean;
  written: string[];
  messages: string;
}

/** The formats the page's button writes. */
export const draftFormats = ['docx', 'pdf'] as const;

/** Prepares the templates and holidays once; a bad --templates folder is the user's mistake (exit 2). */
export function prepareLetterService(options: { templates?: string }, io: Io): LetterService {
  const templates: PreparedTemplates = loadTemplates(options.templates, io);
  const holidays: Holidays = englandBankHolidays();
  return {
    check: (text, file) => checkForm(text, file, templates, holidays),
    writeDraft: async (request, pageIo) => {
      let messages = '';
      const collect: Io = {
        ...pageIo,
        stdout: (t) => {
          messages += t;
        },
        stderr: (t) => {
          messages += t;
        },
        isTTY: false,
      };
      try {
        const result = await draftLetter(
          {
            form: request.form,
            out: request.out,
            formats: [...draftFormats],
            final: false,
            force: false,
            ...(options.templates !== undefined ? { templates: options.templates } : {}),
          },
          collect,
        );
        const written = result.written.map((w) => relative(pageIo.cwd, w) || w);
        return { ok: result.code === exitCodes.ok, written, messages };
      } catch (error) {
        if (error instanceof UserError) return { ok: false, written: [], messages: messages + error.message };
        throw error;
      }
    },
  };
}

/** The same checks as `validate` and `draft`: the loader's, then the rules' and the letter's. */
function checkForm(text: string, file: string, templates: PreparedTemplates, holidays: Holidays): FormCheck {
  const loaded = loadForm(text, file);
  if (!loaded.form) return { diagnostics: loaded.diagnostics, deadlines: [] };
  const letter = composeLetter(loaded.form, { status: 'draft', templates, holidays });
  const diagnostics = [...loaded.diagnostics, ...placeDiagnostics(letter.diagnostics, loaded.locate, file)];
  return {
    diagnostics,
    ...(letter.document ? { html: renderHtml(letter.document) } : {}),
    ...(letter.recipients ? { recipients: letter.recipients } : {}),
    deadlines: letter.deadlines,
  };
}
