import { JournalLockedError } from '../../distribution/lock.js';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { Command } from '../command.js';
import { exitCodes, UserError, type Io } from '../io.js';
import { formatDiagnostic, hasErrors } from '../../diagnostics.js';
import { loadFormFile } from '../../evidence/load.js';
import { formFailureExitCode } from '../../workflow/load.js';
import type { EvidenceForm } from '../../evidence/schema.js';
import { loadContacts, noContacts, type Contacts } from '../../distribution/contacts.js';
import { allDelivered, distribute, type DistributionEntry } from '../../distribution/distribute.js';
import { emailTemplates } from '../../distribution/email-templates.js';
import { messageStates, readJournal } from '../../distribution/journal.js';
import { planConfirmation, planLetterSend, type Plan, type PlanContext } from '../../distribution/plan.js';
import { describeResult, describeMessage } from '../../distribution/report.js';
import { defaultRetryPolicy, realSleep } from '../../distribution/retry.js';
import {
  defaultSmtpTimeouts,
  outboxTransport,
  smtpSettings,
  smtpTransport,
  TransportConfigError,
  type Transport,
} from '../../distribution/transport.js';
import { appendHistory, historyPath } from '../../workflow/history.js';

/** The options `send` and `confirm` share. */
export function mailOptions(y: Argv): Argv {
  return y
    .positional('form', { type: 'string', array: true, describe: 'the visit-evidence form(s)' })
    .option('outbox', {
      type: 'string',
      describe: 'write each message as a .eml file into this folder (default: <letter-dir>/outbox)',
    })
    .option('smtp', {
      type: 'string',
      describe:
        'send through smtp://host:port or smtps://host:port; credentials from MONITORING_LETTER_SMTP_USER and _PASS',
    })
    .conflicts('outbox', 'smtp')
    .option('contacts', { type: 'string', describe: 'the contacts directory (YAML): addresses of the bodies copied' })
    .option('letter-dir', {
      type: 'string',
      default: 'output',
      describe:
        'where the final letters are; the journal (send-journal.jsonl) and kept .eml files (mail/) go there too',
    })
    .option('dry-run', { type: 'boolean', default: false, describe: 'print what would be sent to whom; send nothing' })
    .option('resume', {
      type: 'boolean',
      default: false,
      describe:
        'finish an interrupted send: deliver again, with the same bytes and Message-ID, messages whose outcome is unknown',
    })
    .option('retries', {
      type: 'number',
      default: defaultRetryPolicy.attempts - 1,
      describe: 'retries after a temporary failure',
    })
    .option('retry-delay', {
      type: 'number',
      default: defaultRetryPolicy.firstDelayMs,
      describe: 'first wait before a retry, in milliseconds; doubled each time',
    })
    .option('timeout', {
      type: 'number',
      default: defaultSmtpTimeouts.socketTimeoutMs / 1000,
      describe: 'SMTP timeout, in seconds',
    });
}

function readContacts(file: string | undefined, io: Io): { contacts: Contacts; contactsFile: string } {
  if (file === undefined) return { contacts: noContacts, contactsFile: 'a contacts file (--contacts FILE)' };
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      `cannot read the contacts file ${file}: ${code === 'ENOENT' ? 'no such file' : String(code)}`,
      exitCodes.usage,
    );
  }
  const { contacts, diagnostics } = loadContacts(text, file);
  if (!contacts)
    throw new UserError(`the contacts file is not valid:\n${diagnostics.map(formatDiagnostic).join('\n')}`);
  return { contacts, contactsFile: file };
}

function readForms(files: readonly string[], io: Io): { file: string; form: EvidenceForm }[] {
  return files.map((file) => {
    const loaded = loadFormFile(resolve(io.cwd, file), file);
    if (!loaded.form || hasErrors(loaded.diagnostics)) {
      throw new UserError(
        `${loaded.diagnostics.map(formatDiagnostic).join('\n')}\nthe form is not valid (run \`monitoring-letter validate ${file}\`); nothing was sent`,
        formFailureExitCode(loaded.diagnostics),
      );
    }
    return { file, form: loaded.form };
  });
}

function makeTransport(args: Record<string, unknown>, letterDir: string, io: Io): Transport {
  if (typeof args.smtp === 'string') {
    try {
      const timeoutMs = Math.max(1, Number(args.timeout)) * 1000;
      return smtpTransport(smtpSettings(args.smtp, io.env), {
        connectionTimeoutMs: timeoutMs,
        greetingTimeoutMs: timeoutMs,
        socketTimeoutMs: timeoutMs,
      });
    } catch (error) {
      if (error instanceof TransportConfigError) throw new UserError(error.message, exitCodes.usage);
      throw error;
    }
  }
  const shown = typeof args.outbox === 'string' ? args.outbox : join(String(args['letter-dir']), 'outbox');
  return outboxTransport(
    typeof args.outbox === 'string' ? resolve(io.cwd, args.outbox) : join(letterDir, 'outbox'),
    shown,
  );
}

/** Runs `send` (kind 'letter') or `confirm` (kind 'confirmation'): plan everything, then distribute. */
export async function runDistribution(
  kind: 'letter' | 'confirmation',
  args: Record<string, unknown>,
  io: Io,
): Promise<number> {
  const letterDir = resolve(io.cwd, String(args['letter-dir'] ?? 'output'));
  const { contacts, contactsFile } = readContacts(args.contacts as string | undefined, io);
  const forms = readForms(args.form as string[], io);
  const context: PlanContext = { contacts, contactsFile, templates: emailTemplates() };
  const plans: { file: string; form: EvidenceForm; plan: Plan }[] = forms.map(({ file, form }) => ({
    file,
    form,
    plan: kind === 'letter' ? planLetterSend(form, file, letterDir, context) : planConfirmation(form, file, context),
  }));
  const problems = plans.flatMap((p) => p.plan.problems.map((problem) => `${p.file}: ${problem}`));
  if (problems.length > 0) {
    io.stderr(
      `nothing was sent: every recipient needs a valid address first.\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    return exitCodes.invalid;
  }
  const messages = plans.flatMap((p) => p.plan.messages);
  const journalFile = join(letterDir, 'send-journal.jsonl');

  if (args['dry-run'] === true) {
    const states = messageStates(readJournal(journalFile).records);
    io.stdout(`dry run: nothing is sent. ${messages.length} message(s):\n`);
    for (const m of messages) {
      const state = states.get(m.messageId);
      const note = state ? ` [journal: ${state.outcome}]` : '';
      io.stdout(`${describeMessage(m)}${note}\n`);
    }
    return exitCodes.ok;
  }

  const transport = makeTransport(args, letterDir, io);
  let entries: DistributionEntry[];
  try {
    entries = await distribute(
      messages,
      {
        transport,
        journalFile,
        mailDir: join(letterDir, 'mail'),
        now: () => io.now(),
        sleep: realSleep,
        retry: {
          ...defaultRetryPolicy,
          attempts: Math.max(0, Number(args.retries)) + 1,
          firstDelayMs: Math.max(0, Number(args['retry-delay'])),
        },
        log: (line) => io.stderr(`${line}\n`),
      },
      { resume: args.resume === true },
    );
  } catch (error) {
    if (error instanceof JournalLockedError) throw new UserError(error.message, exitCodes.outside);
    throw error;
  } finally {
    transport.close();
  }
  for (const entry of entries) io.stdout(`${describeResult(entry)}\n`);

  if (kind === 'letter') {
    for (const { form, plan } of plans) {
      const own = entries.filter((e) => plan.messages.includes(e.message));
      const newlySent = own.some((e) => e.result.status === 'sent');
      if (newlySent && allDelivered(own) && plan.letter) {
        // para 17: the letter's history records that the final version was sent and copied.
        appendHistory(historyPath(letterDir, form.school.urn, plan.letter.visitDate), {
          stage: 'sent',
          at: io.now().toISOString(),
          version: plan.letter.version,
          files: own.map((e) => e.message.to.map((t) => t.email).join(', ')),
          note: `sent by ${transport.description}`,
        });
      }
    }
  }
  if (entries.every((e) => e.result.status === 'already-sent')) {
    io.stdout(
      `already sent: every message was delivered before (see ${join(String(args['letter-dir']), 'send-journal.jsonl')}); nothing to do\n`,
    );
    return exitCodes.ok;
  }
  if (allDelivered(entries)) return exitCodes.ok;
  const unknown = entries.filter((e) => e.result.status === 'outcome-unknown').length;
  if (unknown > 0)
    io.stderr(
      `${unknown} message(s) may or may not have been delivered by an interrupted run: run again with --resume\n`,
    );
  io.stderr('some messages were not delivered: see above and the journal\n');
  return exitCodes.outside;
}

export const sendCommand: Command = {
  command: 'send <form..>',
  describe: 'send the final letter to the headteacher and every copy (outbox of .eml files by default)',
  builder: mailOptions,
  run: (args, io) => runDistribution('letter', args, io),
};
