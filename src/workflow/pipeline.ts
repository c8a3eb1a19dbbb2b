/**
 * The pipeline in one place: a validated form → checks → recipients →
 * letter model → template check → document tree → each format's bytes. Pure
 * apart from the templates, which are read once per process before it runs;
 * loading the form and writing the files are the CLI's.
 */
import type { Diagnostic } from '../ground/diagnostics.js';
import type { EvidenceForm } from '../evidence/schema.js';
import { buildLetter, type LetterModel, type RefusedValue } from '../letter/model.js';
import { renderLetter } from '../letter/render.js';
import { checkTemplates } from '../letter/template-check.js';
import { defaultTemplatesDir, type PreparedTemplates } from '../letter/templates.js';
import type { LetterDocument } from '../letter/tree.js';
import { toView } from '../letter/view.js';
import { lastVisitDay } from '../evidence/visit-dates.js';
import { checkForm } from '../rules/check-form.js';
import { computeDeadlines } from '../rules/deadlines.js';
import { decideLetter } from '../rules/letter-decisions.js';
import type { Deadline, RecipientList } from '../rules/types.js';
import type { Holidays } from '../rules/working-days.js';
import { toolVersion as packageVersion } from '../ground/version.js';
import { renderDocx } from '../writers/docx/index.js';
import { renderHtml } from '../writers/html.js';
import { renderMarkdown } from '../writers/markdown.js';
import { renderPdf } from '../writers/pdf/index.js';

import type { OutputFormat } from '../ground/formats.js';
export { outputFormats, type OutputFormat } from '../ground/formats.js';

export interface ComposeOptions {
  status: 'draft' | 'final';
  templates: PreparedTemplates;
  holidays: Holidays;
  toolVersion?: string;
  /**
   * The date the letter bears (ISO). Default: the form's `letter.date`, else
   * the last visit day. A final letter is dated when it is finalised (the
   * workflow passes that date).
   */
  letterDate?: string;
  /** When given, the milliseconds spent in each stage are added here (the benchmark reads them). */
  timings?: StageTimings;
  /** Values the schema refused in a form read without them: each is a marker where it belongs (a draft only). */
  refused?: readonly RefusedValue[];
}

/** Milliseconds per pipeline stage, summed over calls. */
export type StageTimings = Partial<Record<'rules' | 'template', number>>;

/** A composed letter: the document when it could be made, and every diagnostic on the way. */
export interface ComposedLetter {
  form: EvidenceForm;
  model: LetterModel;
  recipients?: RecipientList;
  deadlines: Deadline[];
  /** Absent when the templates do not fit the model, or a final letter has gaps or errors. */
  document?: LetterDocument;
  diagnostics: Diagnostic[];
}

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean =>
  a.length === b.length && a.every((part, i) => part === b[i]);

/** Runs the checks, decides the recipients, builds, checks and renders the letter. Never throws for a user's mistake. */
export function composeLetter(form: EvidenceForm, options: ComposeOptions): ComposedLetter {
  const final = options.status === 'final';
  const started = performance.now();
  // The copy list and what para 16 still needs: decided once, read by the checks, the model and the result.
  const decisions = decideLetter(form);
  const diagnostics: Diagnostic[] = [
    ...checkForm(form, { holidays: options.holidays, decisions, messages: options.templates.messages }),
  ];
  // A copy list that cannot be decided: the copy-list check (src/rules/checks/consistency/copy-list.ts) has said why.
  const recipients = decisions.copyList.decided ? decisions.copyList.list : undefined;

  const model = buildLetter(form, {
    decisions,
    status: options.status,
    toolVersion: options.toolVersion ?? packageVersion,
    templateHash: options.templates.hash,
    letterDate: options.letterDate ?? form.letter?.date ?? lastVisitDay(form),
    ...(options.refused ? { refused: options.refused } : {}),
  });
  const deadlines = computeDeadlines(form, options.holidays);
  const ruled = performance.now();

  // para 16: a gap is a marker in a draft and an error when final; a check naming the same field speaks for it.
  for (const gap of model.gaps) {
    // A refused value's marker: the schema's error for it is the finding.
    if (gap.refused) continue;
    if (diagnostics.some((d) => (d.paragraph === '16' || d.paragraph === '17') && samePath(d.path, gap.path))) continue;
    diagnostics.push({
      severity: final ? 'error' : 'warning',
      message: `the letter needs ${gap.missing}: ${final ? 'a final letter cannot be made without it' : 'the draft shows a marker where it belongs'}`,
      path: gap.path,
      rule: 'letter/missing-item',
      paragraph: '16',
    });
  }

  const base = { form, model, deadlines, diagnostics, ...(recipients ? { recipients } : {}) };
  const templateProblems = checkTemplates(options.templates, toView(model));
  let result: ComposedLetter = base;
  if (templateProblems.length > 0) result = { ...base, diagnostics: [...diagnostics, ...templateProblems] };
  else if (!final || !diagnostics.some((d) => d.severity === 'error')) {
    const rendered = renderOrLoop(model, options.templates);
    result =
      'document' in rendered
        ? { ...base, document: rendered.document }
        : { ...base, diagnostics: [...diagnostics, rendered.loop] };
  }
  if (options.timings) {
    const timings = options.timings;
    timings.rules = (timings.rules ?? 0) + (ruled - started);
    timings.template = (timings.template ?? 0) + (performance.now() - ruled);
  }
  return result;
}

/**
 * Renders the letter; an ISP's partials that include each other without end
 * (`{{> a}}` in b and `{{> b}}` in a) exhaust the stack, which is their mistake, not a crash.
 */
function renderOrLoop(
  model: LetterModel,
  templates: PreparedTemplates,
): { document: LetterDocument } | { loop: Diagnostic } {
  try {
    return { document: renderLetter(model, templates) };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const bundled = defaultTemplatesDir();
    const files = [...templates.partials.values()].map((p) => p.file);
    const own = files.filter((file) => !file.startsWith(bundled));
    return {
      loop: {
        severity: 'error',
        message: `the templates include partials in an endless loop (a partial that includes itself, directly or through others); expected every {{> partial}} to end. Check: ${(own.length > 0 ? own : files).join(', ')}`,
        path: [],
        rule: 'template/partial-loop',
        ...(own[0] !== undefined ? { file: own[0], line: 1, column: 1 } : {}),
      },
    };
  }
}

/** What the json format holds: the letter model, its recipients and deadlines, and the document's properties. */
export function letterJson(letter: ComposedLetter & { document: LetterDocument }): string {
  const { gaps, ...model } = letter.model;
  return `${JSON.stringify(
    {
      meta: letter.document.meta,
      letter: model,
      gaps,
      recipients: letter.recipients ?? null,
      deadlines: letter.deadlines,
    },
    null,
    2,
  )}\n`;
}

/** One format's bytes (or text) for a composed letter. */
export async function renderFormat(
  format: OutputFormat,
  letter: ComposedLetter & { document: LetterDocument },
): Promise<string | Uint8Array> {
  switch (format) {
    case 'md':
      return renderMarkdown(letter.document);
    case 'html':
      return renderHtml(letter.document);
    case 'json':
      return letterJson(letter);
    case 'docx':
      return await renderDocx(letter.document);
    case 'pdf':
      return await renderPdf(letter.document);
  }
}

/** `<URN>-<visit date>-<draft|final>.<ext>`. */
export function outputFileName(document: LetterDocument, format: OutputFormat): string {
  return `${document.meta.urn}-${document.meta.visitDate}-${document.meta.status}.${format}`;
}
