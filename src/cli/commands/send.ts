import type { Argv } from 'yargs';
import type { Command } from '../command.js';
import { exitCodes, type Io } from '../../ground/io.js';
import { adviceAfter, describeDecision, describeMessage, describeResult } from '../../distribution/report.js';
import { defaultRetryPolicy } from '../../distribution/retry.js';
import { defaultSmtpTimeouts } from '../../distribution/transport.js';
import { delivered, runSend, type SendKind, type SendOutcome } from '../../workflow/send.js';

/** The options `send` and `confirm` share, described for the one being run. */
export function mailOptions(kind: SendKind): (y: Argv) => Argv {
  const what = kind === 'letter' ? 'the final letter' : 'the visit confirmation';
  return (y) =>
    y
      .positional('form', {
        type: 'string',
        array: true,
        describe:
          kind === 'letter'
            ? 'the visit-evidence form(s) of the letters to send'
            : 'the visit-evidence form(s) of the visits to confirm',
      })
      .option('contacts', {
        type: 'string',
        describe:
          kind === 'letter'
            ? 'the contacts directory (YAML): addresses of the headteacher and every body copied'
            : "the contacts directory (YAML): the sender's address, and the headteacher's when the form has none",
      })
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
      .option('letter-dir', {
        type: 'string',
        default: 'output',
        describe:
          kind === 'letter'
            ? 'where the final letters are; the journal (send-journal.jsonl) and kept .eml files (mail/) go there too'
            : 'where the journal (send-journal.jsonl) and kept .eml files (mail/) are kept, beside the letters',
      })
      .option('dry-run', {
        type: 'boolean',
        default: false,
        describe: `print who would receive ${what} and what the journal says of each; send nothing`,
      })
      .option('resume', {
        type: 'boolean',
        default: false,
        describe:
          'finish an interrupted run: deliver again, with the same bytes and Message-ID, messages whose outcome is unknown',
      })
      .option('retry-failed', {
        type: 'boolean',
        default: false,
        describe:
          'deliver again, with the same bytes and Message-ID, messages refused for good on an earlier run (after the cause is put right)',
      })
      .option('retries', {
        type: 'number',
        default: defaultRetryPolicy.attempts - 1,
        describe: 'retries after a temporary failure (server unreachable, name not found, 4xx)',
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

/** Prints what `send` or `confirm` did and returns the exit code. */
function print(outcome: SendOutcome, io: Io): number {
  switch (outcome.status) {
    case 'refused':
      io.stderr(`${outcome.message}\n`);
      return outcome.problem === 'usage' ? exitCodes.usage : exitCodes.invalid;
    case 'not-ready': {
      const list = (lines: string[]): string => lines.map((p) => `  - ${p}\n`).join('');
      if (outcome.letter.length > 0) {
        io.stderr(`nothing was sent: the letter must be finalised first.\n${list(outcome.letter)}`);
        if (outcome.problems.length > 0)
          io.stderr(`Then every recipient needs a valid address:\n${list(outcome.problems)}`);
      } else {
        io.stderr(`nothing was sent: every recipient needs a valid address first.\n${list(outcome.problems)}`);
      }
      return exitCodes.invalid;
    }
    case 'locked':
    case 'local-failure':
      io.stderr(`${outcome.message}\n`);
      return exitCodes.outside;
    case 'dry-run':
      for (const warning of outcome.warnings) io.stderr(`warning: ${warning}\n`);
      io.stdout(`dry run: nothing is sent. ${outcome.planned.length} message(s):\n`);
      for (const { message, decision } of outcome.planned) {
        io.stdout(`${describeMessage(message)}: ${describeDecision(decision)}\n`);
      }
      return exitCodes.ok;
    case 'distributed': {
      for (const warning of outcome.warnings) io.stderr(`warning: ${warning}\n`);
      for (const entry of outcome.entries) io.stdout(`${describeResult(entry)}\n`);
      if (outcome.entries.every((e) => e.result.status === 'already-sent')) {
        io.stdout(`already sent: every message was delivered before (see ${outcome.journal}); nothing to do\n`);
      }
      if (outcome.historyNotRecorded !== undefined) {
        io.stderr(
          `every message was sent, but the letter's history does not say so yet: ${outcome.historyNotRecorded}\n`,
        );
        return exitCodes.outside;
      }
      if (delivered(outcome)) return exitCodes.ok;
      const advice = adviceAfter(
        outcome.entries,
        { kind: outcome.transport, destination: outcome.destination },
        outcome.journal,
      );
      io.stderr(advice.map((line) => `${line}\n`).join(''));
      return exitCodes.outside;
    }
  }
}

/** Parses `send` or `confirm`'s arguments, runs the workflow, prints. */
export function runMailCommand(kind: SendKind): Command['run'] {
  return async (args, io) =>
    print(
      await runSend({
        kind,
        forms: (args.form as string[] | undefined) ?? [],
        cwd: io.cwd,
        letterDir: String(args['letter-dir'] ?? 'output'),
        contacts: args.contacts as string | undefined,
        smtp: args.smtp as string | undefined,
        outbox: args.outbox as string | undefined,
        timeoutSeconds: Number(args.timeout),
        env: io.env,
        dryRun: args['dry-run'] === true,
        resume: args.resume === true,
        retryFailed: args['retry-failed'] === true,
        retries: Number(args.retries),
        retryDelayMs: Number(args['retry-delay']),
        now: () => io.now(),
        log: (line) => io.stderr(`${line}\n`),
      }),
      io,
    );
}

/** `send <form..>`: the final letter to the headteacher and every copy (para 17). */
export const sendCommand: Command = {
  command: 'send <form..>',
  describe: 'send the final letter to the headteacher and every copy (outbox of .eml files by default)',
  builder: (y) =>
    mailOptions('letter')(y)
      .example(
        '$0 send visit.yaml --contacts contacts.yaml',
        'the final letter to each recipient, as .eml files in output/outbox',
      )
      .example(
        '$0 send visit.yaml --contacts contacts.yaml --smtp smtps://mail.isp.example',
        'through a mail server; after a failure, run it again',
      ),
  run: runMailCommand('letter'),
};
