/**
 * Sending, the one way `send` (the final letter to the headteacher and every
 * copy, para 17) and `confirm` (the visit confirmation to the school, para 8)
 * do it: read the contacts and the forms, plan every message (nothing leaves
 * unless every recipient can be addressed), then distribute them through the
 * journal (never twice, never lost) and record in the letter's history that
 * it was sent. Returns what happened as data; the commands print it.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDiagnostic } from '../ground/diagnostics.js';
import { loadContacts, noContacts, type Contacts } from '../distribution/contacts.js';
import { allDelivered, decide, distribute, type Decision, type DistributionEntry } from '../distribution/distribute.js';
import { emailTemplates } from '../distribution/email-templates.js';
import { messageStates, readJournal } from '../distribution/journal.js';
import { JournalLockedError } from '../distribution/lock.js';
import type { OutgoingMessage } from '../distribution/message.js';
import { planConfirmation, planLetterSend, type Plan, type PlanContext } from '../distribution/plan.js';
import { defaultRetryPolicy, realSleep, type Sleep } from '../distribution/retry.js';
import {
  defaultSmtpTimeouts,
  outboxTransport,
  smtpSettings,
  smtpTransport,
  TransportConfigError,
  type Transport,
} from '../distribution/transport.js';
import type { EvidenceForm } from '../evidence/schema.js';
import { exitCodes } from '../ground/exit-codes.js';
import { londonDate } from '../ground/calendar.js';
import { firstVisitDay, lastVisitDay } from '../evidence/visit-dates.js';
import { confirmationDateFindings } from '../rules/event-dates.js';
import { englandBankHolidays } from '../rules/holidays.js';
import { LocalWriteError, writingInto } from '../ground/local-write.js';
import { appendHistory, historyPath, lastSent, readHistory } from '../ground/history.js';
import { loadAndValidate } from './load.js';

/** What is sent: the final letter (para 17) or the visit confirmation (para 8). */
export type SendKind = 'letter' | 'confirmation';

export interface SendRequest {
  kind: SendKind;
  /** The forms, as the user named them (relative to `cwd`). */
  forms: readonly string[];
  cwd: string;
  /** Where the final letters are; the journal and the kept .eml files go there too (as the user named it). */
  letterDir: string;
  /** The contacts directory (YAML), as the user named it. */
  contacts?: string | undefined;
  /** `smtp://host:port` or `smtps://host:port`; without it, the outbox. */
  smtp?: string | undefined;
  /** The outbox folder (default `<letterDir>/outbox`). */
  outbox?: string | undefined;
  /** SMTP timeout, in seconds. */
  timeoutSeconds?: number;
  /** Where the SMTP credentials are read from. */
  env: Readonly<Record<string, string | undefined>>;
  dryRun: boolean;
  /** Deliver again messages whose outcome is unknown. */
  resume: boolean;
  /** Deliver again messages refused for good on an earlier run. */
  retryFailed: boolean;
  /** Retries after a temporary failure, and the first wait (doubled each time). */
  retries?: number;
  retryDelayMs?: number;
  now: () => Date;
  sleep?: Sleep;
  /** Progress lines (a retry and its wait). */
  log?: (line: string) => void;
}

/** A message planned, and what a real run would do with it (a dry run). */
export interface PlannedMessage {
  message: OutgoingMessage;
  decision: Decision;
  /** Why each recipient gets it, in the order of `message.roles` (para 17, or para 8 for a confirmation). */
  why: { role: string; reason: string; paragraph: string }[];
}

/** The reasons the plan's recipient list gives for a message's recipients. */
function reasonsFor(message: OutgoingMessage, plan: Plan): PlannedMessage['why'] {
  const list = plan.recipients ? [plan.recipients.to, ...plan.recipients.copies] : [];
  return message.roles.map((role, i) => {
    const named = message.recipients[i];
    const found = list.find((r) => r.role === role && r.name === named) ?? list.find((r) => r.role === role);
    return { role, reason: found?.reason ?? '', paragraph: found?.paragraph ?? '' };
  });
}

export type SendOutcome =
  /** The request cannot be used: `usage`, a file named cannot be read or an option is wrong; `invalid`, an input is not valid. */
  | { status: 'refused'; problem: 'usage' | 'invalid'; message: string }
  /** The final letter is missing (`letter`), or some recipient cannot be addressed (`problems`): nothing was sent. */
  | { status: 'not-ready'; letter: string[]; problems: string[] }
  /** Another send holds the journal's lock: nothing was sent. */
  | { status: 'locked'; message: string }
  /** This computer could not write into the letter folder before anything was sent (exit 3). */
  | { status: 'local-failure'; message: string }
  | { status: 'dry-run'; planned: PlannedMessage[]; warnings: string[] }
  | {
      status: 'distributed';
      /** About when the messages went (a late visit confirmation). */
      warnings: string[];
      entries: DistributionEntry[];
      transport: Transport['kind'];
      /** e.g. "smtp://mail.example:587". */
      destination: string;
      /** The journal, as the user would name it. */
      journal: string;
      /** Everything was sent, but the letter's history could not record it (a full or read-only disk). */
      historyNotRecorded?: string;
    };

/** True when a distribution delivered everything (now or before). */
export function delivered(outcome: SendOutcome): boolean {
  return outcome.status === 'distributed' && allDelivered(outcome.entries);
}

class Refusal extends Error {
  constructor(
    message: string,
    readonly problem: 'usage' | 'invalid',
  ) {
    super(message);
  }
}

function readContacts(file: string | undefined, cwd: string): { contacts: Contacts; contactsFile: string } {
  if (file === undefined) return { contacts: noContacts, contactsFile: 'a contacts file (--contacts FILE)' };
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code);
    throw new Refusal(`cannot read the contacts file ${file}: ${why}`, 'usage');
  }
  const { contacts, diagnostics } = loadContacts(text, file);
  if (!contacts) {
    throw new Refusal(`the contacts file is not valid:\n${diagnostics.map(formatDiagnostic).join('\n')}`, 'invalid');
  }
  return { contacts, contactsFile: file };
}

async function readForms(files: readonly string[], cwd: string): Promise<{ file: string; form: EvidenceForm }[]> {
  const forms: { file: string; form: EvidenceForm }[] = [];
  for (const file of files) {
    // One classification for every command: a path naming no readable file is a usage error, a bad form invalid input.
    const load = await loadAndValidate({ file, cwd });
    if (!load.ok) {
      throw new Refusal(
        `${load.diagnostics.map(formatDiagnostic).join('\n')}\nthe form is not valid (run \`monitoring-letter validate ${file}\`); nothing was sent`,
        load.exitCode === exitCodes.usage ? 'usage' : 'invalid',
      );
    }
    forms.push({ file, form: load.form });
  }
  return forms;
}

function makeTransport(request: SendRequest, letterDir: string): Transport {
  if (request.smtp !== undefined) {
    const timeoutMs = Math.max(1, request.timeoutSeconds ?? defaultSmtpTimeouts.socketTimeoutMs / 1000) * 1000;
    try {
      return smtpTransport(smtpSettings(request.smtp, request.env), {
        connectionTimeoutMs: timeoutMs,
        greetingTimeoutMs: timeoutMs,
        socketTimeoutMs: timeoutMs,
      });
    } catch (error) {
      if (error instanceof TransportConfigError) throw new Refusal(error.message, 'usage');
      throw error;
    }
  }
  if (request.outbox !== undefined) return outboxTransport(resolve(request.cwd, request.outbox), request.outbox);
  return outboxTransport(join(letterDir, 'outbox'), join(request.letterDir, 'outbox'));
}

/**
 * A visit confirmation (para 8) goes after HMI's notification call and before
 * the visit: refused once the visit is over or its letter sent, warned when
 * late or early (src/rules/event-dates.ts).
 */
function confirmationWarnings(
  forms: readonly { file: string; form: EvidenceForm }[],
  request: SendRequest,
  letterDir: string,
): string[] {
  const today = londonDate(request.now());
  const warnings: string[] = [];
  for (const { file, form } of forms) {
    const history = readHistory(historyPath(letterDir, form.school.urn, lastVisitDay(form))).events;
    const findings = confirmationDateFindings({
      firstVisitDay: firstVisitDay(form),
      lastVisitDay: lastVisitDay(form),
      today,
      holidays: englandBankHolidays(),
      sent: lastSent(history),
    });
    if (findings.refusal) throw new Refusal(`${file}: ${findings.refusal}; nothing was sent`, 'invalid');
    warnings.push(...findings.warnings.map((warning) => `${file}: ${warning}`));
  }
  return warnings;
}

/** Plans, then (unless a dry run) sends, the messages of `send` or `confirm`. */
export async function runSend(request: SendRequest): Promise<SendOutcome> {
  try {
    return await sendOrRefuse(request);
  } catch (error) {
    if (error instanceof Refusal) return { status: 'refused', problem: error.problem, message: error.message };
    if (error instanceof JournalLockedError) return { status: 'locked', message: error.message };
    if (error instanceof LocalWriteError) return { status: 'local-failure', message: error.message };
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      // A journal or history opened without following links (O_NOFOLLOW) found one at its name.
      const path = (error as NodeJS.ErrnoException).path ?? 'a journal or history';
      return {
        status: 'local-failure',
        message: `${path} is a symbolic link: journals and histories are never read or written through one. Remove it, then run the same command again`,
      };
    }
    throw error;
  }
}

async function sendOrRefuse(request: SendRequest): Promise<SendOutcome> {
  const letterDir = resolve(request.cwd, request.letterDir);
  const { contacts, contactsFile } = readContacts(request.contacts, request.cwd);
  const forms = await readForms(request.forms, request.cwd);
  const context: PlanContext = { contacts, contactsFile, templates: emailTemplates() };
  const plans: { file: string; form: EvidenceForm; plan: Plan }[] = forms.map(({ file, form }) => ({
    file,
    form,
    plan:
      request.kind === 'letter'
        ? planLetterSend(form, file, letterDir, context)
        : planConfirmation(form, file, context),
  }));
  const problems = plans.flatMap((p) => p.plan.problems.map((problem) => `${p.file}: ${problem}`));
  const letter = plans.flatMap((p) => (p.plan.letterProblems ?? []).map((problem) => `${p.file}: ${problem}`));
  if (problems.length > 0 || letter.length > 0) return { status: 'not-ready', letter, problems };
  const warnings = request.kind === 'confirmation' ? confirmationWarnings(forms, request, letterDir) : [];

  const messages = plans.flatMap((p) => p.plan.messages);
  const journalFile = join(letterDir, 'send-journal.jsonl');
  const options = { resume: request.resume, retryFailed: request.retryFailed };
  if (request.dryRun) {
    const states = writingInto(request.letterDir, 'the send journal', () =>
      messageStates(readJournal(journalFile).records),
    );
    return {
      status: 'dry-run',
      warnings,
      planned: plans.flatMap(({ plan }) =>
        plan.messages.map((message) => ({
          message,
          decision: decide(message, states, options),
          why: reasonsFor(message, plan),
        })),
      ),
    };
  }

  const transport = makeTransport(request, letterDir);
  let entries: DistributionEntry[];
  try {
    entries = await distribute(
      messages,
      {
        transport,
        journalFile,
        mailDir: join(letterDir, 'mail'),
        now: request.now,
        sleep: request.sleep ?? realSleep,
        retry: {
          ...defaultRetryPolicy,
          attempts: Math.max(0, request.retries ?? defaultRetryPolicy.attempts - 1) + 1,
          firstDelayMs: Math.max(0, request.retryDelayMs ?? defaultRetryPolicy.firstDelayMs),
        },
        ...(request.log ? { log: request.log } : {}),
      },
      options,
    );
  } finally {
    transport.close();
  }

  let historyNotRecorded: string | undefined;
  if (request.kind === 'letter') {
    for (const { form, plan } of plans) {
      const own = entries.filter((e) => plan.messages.includes(e.message));
      // Recorded once per version: by the run that completes it, or by a later run when that one could not write it.
      const history = plan.letter ? historyPath(letterDir, form.school.urn, plan.letter.visitDate) : undefined;
      const recorded = (): boolean =>
        readHistory(history!).events.some((e) => e.stage === 'sent' && e.version === plan.letter?.version);
      if (own.length > 0 && allDelivered(own) && plan.letter && !recorded()) {
        // para 17: the letter's history records that the final version was sent and copied.
        const event = {
          stage: 'sent' as const,
          at: request.now().toISOString(),
          version: plan.letter.version,
          files: own.map((e) => e.message.to.map((t) => t.email).join(', ')),
          note: `sent by ${transport.description}`,
        };
        try {
          writingInto(request.letterDir, "the letter's history", () => appendHistory(history!, event));
        } catch (error) {
          if (!(error instanceof LocalWriteError)) throw error;
          historyNotRecorded = error.message;
        }
      }
    }
  }
  return {
    status: 'distributed',
    warnings,
    entries,
    transport: transport.kind,
    destination: transport.description,
    journal: join(request.letterDir, 'send-journal.jsonl'),
    ...(historyNotRecorded !== undefined ? { historyNotRecorded } : {}),
  };
}
