/**
 * What each of the workspace's buttons does: parse the page's fields, call
 * one workflow function (finaliseLetter, runSend, checkLetterCopies) and
 * render the section it answers with. Problems with a field are named
 * against that field; nothing here composes stages of its own.
 */
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Io } from '../../ground/io.js';
import { isRealDate, londonDate } from '../../ground/calendar.js';
import type { Holidays, PreparedTemplates } from '../../workflow/context.js';
import { checkLetterCopies } from '../../workflow/check-copy.js';
import { finaliseLetter } from '../../workflow/finalise-letter.js';
import { historyPath, readHistory } from '../../ground/history.js';
import { runSend, type SendOutcome } from '../../workflow/send.js';
import { checkSection, type CheckValues } from './check-page.js';
import { finaliseSection, type Download, type FinaliseValues } from './finalise-section.js';
import { draftCandidates, type ListedLetter, type WorkspaceFolder } from './folder.js';
import type { Html, Problem } from './html.js';
import { sendSection, type SendJob } from './send-section.js';
import type { checkBody, finaliseBody } from './bodies.js';
import type { z } from 'zod';

export interface ActionContext {
  folder: WorkspaceFolder;
  templates: PreparedTemplates;
  /** England's bank holidays, read once for the process (workflow/context.ts). */
  holidays: Holidays;
  io: Io;
}

/** The finalised letter's files, by the fixed names the download route takes. */
export const downloadKinds: readonly { kind: string; text: string }[] = [
  { kind: 'final.docx', text: 'Final letter (Word)' },
  { kind: 'final.pdf', text: 'Final letter (PDF)' },
  { kind: 'redline.docx', text: 'Redline against the HMI’s draft (Word, tracked changes)' },
  { kind: 'changes.txt', text: 'Summary of the changed sections (text)' },
];

/** The path of a finalised letter's file of a fixed kind, if the letter has one. */
export function downloadPath(folder: WorkspaceFolder, letter: ListedLetter, kind: string): string | undefined {
  const known = downloadKinds.find((d) => d.kind === kind);
  if (!known || letter.row.urn === undefined || letter.row.visitDate === undefined) return undefined;
  const path = join(folder.out, `${letter.row.urn}-${letter.row.visitDate}-${known.kind}`);
  return existsSync(path) ? path : undefined;
}

function downloads(folder: WorkspaceFolder, letter: ListedLetter): Download[] {
  return downloadKinds.flatMap((d) => {
    const path = downloadPath(folder, letter, d.kind);
    return path ? [{ ...d, name: `${letter.row.urn}-${letter.row.visitDate}-${d.kind}` }] : [];
  });
}

/** The form a letter is finalised from and sent from: not the one its history received as the HMI's draft; the last. */
export function finalFormIndex(folder: WorkspaceFolder, letter: ListedLetter): number {
  const { urn, visitDate } = letter.row;
  if (urn === undefined || visitDate === undefined) return letter.forms.length - 1;
  const { events } = readHistory(historyPath(folder.out, urn, visitDate));
  const drafts = new Set(events.filter((e) => e.stage === 'draft-received').flatMap((e) => e.files ?? []));
  for (let i = letter.forms.length - 1; i >= 0; i--) if (!drafts.has(letter.forms[i]!)) return i;
  return letter.forms.length - 1;
}

function defaultFinaliseValues(context: ActionContext, letter: ListedLetter): FinaliseValues {
  const [year, month, day] = londonDate(context.io.now()).split('-');
  const final = finalFormIndex(context.folder, letter);
  const candidates = draftCandidates(context.folder, letter);
  const draft = candidates.findIndex((c) => c.path !== letter.forms[final]);
  return {
    final: String(final),
    draft: String(draft < 0 ? 0 : draft),
    by: context.io.env.USER ?? '',
    day: String(Number(day)),
    month: String(Number(month)),
    year: year ?? '',
    again: false,
  };
}

export function finaliseView(context: ActionContext, letter: ListedLetter): Html {
  return finaliseSection({
    letter,
    candidates: draftCandidates(context.folder, letter),
    values: defaultFinaliseValues(context, letter),
    problems: [],
    downloads: downloads(context.folder, letter),
  });
}

/** The day, month and year boxes as an ISO date, or undefined when they do not make a real date. */
function isoDate(day: string, month: string, year: string): string | undefined {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim()))
    return undefined;
  const iso = `${year.trim()}-${month.trim().padStart(2, '0')}-${day.trim().padStart(2, '0')}`;
  return isRealDate(iso) ? iso : undefined;
}

export async function finaliseAction(
  context: ActionContext,
  letter: ListedLetter,
  body: z.infer<typeof finaliseBody>,
): Promise<Html> {
  const { folder } = context;
  const candidates = draftCandidates(folder, letter);
  const values: FinaliseValues = {
    final: body.final ?? '',
    draft: body.draft ?? '',
    by: body.by,
    day: body.day,
    month: body.month,
    year: body.year,
    again: body.again === 'yes',
  };
  const problems: Problem[] = [];
  const form = letter.forms[Number(values.final)];
  const draft = candidates[Number(values.draft)];
  if (values.final === '' || !form) problems.push({ text: 'Choose the ISP’s final form', field: 'final-choice' });
  if (values.draft === '' || !draft) problems.push({ text: 'Choose the HMI’s draft', field: 'draft-choice' });
  if (values.by.trim() === '') problems.push({ text: 'Enter the name of who is finalising the letter', field: 'by' });
  const on = isoDate(values.day, values.month, values.year);
  if (!on)
    problems.push({ text: 'Date of the final letter must be a real date, for example 20 3 2014', field: 'on-day' });
  const view = { letter, candidates, values, problems, downloads: downloads(folder, letter) };
  if (problems.length > 0 || !form || !draft || !on) return finaliseSection(view);
  const outcome = await finaliseLetter({
    form: relative(folder.dir, form),
    draft: relative(folder.dir, draft.path),
    cwd: folder.dir,
    outDir: folder.out,
    by: values.by.trim(),
    on,
    at: context.io.now().toISOString(),
    force: values.again,
    write: body.action === 'finalise',
    formats: ['docx', 'pdf'],
    templates: context.templates,
    holidays: context.holidays,
  });
  return finaliseSection({ ...view, outcome, action: body.action, downloads: downloads(folder, letter) });
}

/** Send runs the page started, by letter id: one at a time per letter, whatever is clicked. */
export class SendJobs {
  private readonly jobs = new Map<string, SendJob>();

  constructor(private readonly context: ActionContext) {}

  private request(
    letter: ListedLetter,
    mode: { dryRun: boolean; resume?: boolean; retryFailed?: boolean },
    job?: SendJob,
  ) {
    const { folder, io } = this.context;
    const form = letter.forms[finalFormIndex(folder, letter)]!;
    return runSend({
      kind: 'letter',
      forms: [relative(folder.dir, form)],
      cwd: folder.dir,
      letterDir: folder.out,
      contacts: folder.contacts,
      smtp: folder.smtp,
      env: io.env,
      dryRun: mode.dryRun,
      resume: mode.resume === true,
      retryFailed: mode.retryFailed === true,
      now: () => io.now(),
      ...(job ? { log: (line: string) => job.log.push(line) } : {}),
    });
  }

  /** The section as it stands: the dry run's plan with each message's journal state, and any run under way. */
  async view(letter: ListedLetter): Promise<{ html: Html; running: boolean }> {
    const finalised = ['final', 'sent', 'published'].includes(letter.row.queueStage);
    const job = this.jobs.get(letter.id);
    const plan: SendOutcome | undefined = finalised ? await this.request(letter, { dryRun: true }) : undefined;
    return {
      html: sendSection({ letterId: letter.id, finalised, ...(plan ? { plan } : {}), ...(job ? { job } : {}) }),
      running: job?.running === true,
    };
  }

  /** Starts a send unless one is under way for the letter; the journal and its lock decide what goes. */
  start(letter: ListedLetter, mode: 'send' | 'retry-failed' | 'resume'): void {
    if (this.jobs.get(letter.id)?.running) return;
    const job: SendJob = { running: true, log: [] };
    this.jobs.set(letter.id, job);
    this.request(letter, { dryRun: false, retryFailed: mode === 'retry-failed', resume: mode === 'resume' }, job)
      .then((outcome) => (job.outcome = outcome))
      .catch((error: unknown) => {
        this.context.io.stderr(`monitoring-letter serve: internal error while sending: ${(error as Error).stack}\n`);
        job.outcome = { status: 'refused', problem: 'invalid', message: 'internal error (see the terminal)' };
      })
      .finally(() => (job.running = false));
  }

  /** Resolves once no send is under way (for closing the server). */
  async settled(): Promise<void> {
    while ([...this.jobs.values()].some((j) => j.running)) await new Promise((r) => setTimeout(r, 20));
  }
}

export function checkValues(body?: z.infer<typeof checkBody>): CheckValues {
  return { school: body?.school ?? '', urn: body?.urn ?? '', letter: body?.letter ?? '' };
}

export async function checkAction(
  context: ActionContext,
  letters: readonly ListedLetter[],
  body: z.infer<typeof checkBody>,
): Promise<Html> {
  const { folder } = context;
  const values = checkValues(body);
  const problems: Problem[] = [];
  const name = body.letterName.split(/[\\/]/).at(-1) ?? '';
  const bytes = Buffer.from(body.letterContent, 'base64');
  if (name === '' || bytes.length === 0) problems.push({ text: 'Choose the letter you received', field: 'letter' });
  else if (!/\.(pdf|docx|txt|md|text|markdown)$/i.test(name)) {
    problems.push({ text: 'The letter must be a PDF, Word (.docx) or text file', field: 'letter' });
  }
  const byUrn = values.school === 'urn' && folder.register !== undefined;
  const chosen = letters.find((l) => l.id === values.letter && l.row.urn !== undefined);
  if (values.school === '')
    problems.push({ text: 'Choose how to say which school the letter is for', field: 'school-choice' });
  else if (byUrn && !/^\d{5,8}$/.test(values.urn.trim())) {
    problems.push({ text: 'Enter the school’s URN, the number GIAS gives it, for example 121190', field: 'urn' });
  } else if (values.school === 'form' && !chosen) {
    problems.push({ text: 'Choose the form of the school the letter is for', field: 'form-letter' });
  }
  const view = {
    folderName: folder.name,
    ...(folder.register !== undefined ? { registerName: basename(folder.register) } : {}),
    letters,
    values,
    problems,
  };
  if (problems.length > 0) return checkSection(view);
  const form = chosen ? chosen.forms[finalFormIndex(folder, chosen)] : undefined;
  const outcome = await checkLetterCopies({
    letter: { name, bytes },
    ...(byUrn ? { urn: values.urn.trim(), register: folder.register } : {}),
    ...(!byUrn && form ? { form: relative(folder.dir, form) } : {}),
    cwd: folder.dir,
  });
  return checkSection({ ...view, letterName: name, outcome });
}
