import yargs from 'yargs';
import type { Command } from './command.js';
import { exitCodes, UserError, type Io } from './io.js';
import { batchCommand } from './commands/batch.js';
import { checkCopyCommand } from './commands/check-copy.js';
import { confirmCommand } from './commands/confirm.js';
import { deadlinesCommand } from './commands/deadlines.js';
import { draftCommand } from './commands/draft.js';
import { exampleCommand } from './commands/example.js';
import { finaliseCommand } from './commands/finalise.js';
import { initCommand } from './commands/init.js';
import { recipientsCommand } from './commands/recipients.js';
import { schemaCommand } from './commands/schema.js';
import { sendCommand } from './commands/send.js';
import { statusCommand } from './commands/status.js';
import { validateCommand } from './commands/validate.js';
import { toolVersion } from '../version.js';

const commands: Command[] = [
  initCommand,
  validateCommand,
  schemaCommand,
  draftCommand,
  recipientsCommand,
  deadlinesCommand,
  checkCopyCommand,
  sendCommand,
  confirmCommand,
  finaliseCommand,
  statusCommand,
  batchCommand,
  exampleCommand,
];

/** Runs the CLI on argv (without node and script) and returns the exit code. Never calls process.exit. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code: number = exitCodes.ok;
  let usageError: string | undefined;
  const parser = yargs([...argv])
    .scriptName('monitoring-letter')
    .usage(
      '$0 <command> [options]\n\nTurns a requires-improvement monitoring visit into a finished, correctly distributed letter.',
    )
    .version(toolVersion)
    .strict()
    .demandCommand(1, 'Name a command: see the list above.')
    .recommendCommands()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      usageError = msg;
    });
  for (const c of commands) {
    parser.command(c.command, c.describe, c.builder, async (args) => {
      code = await c.run(args as Record<string, unknown>, io);
    });
  }
  let help = '';
  try {
    await parser.parseAsync([...argv], {}, (_err, _argv, output) => {
      if (output) help = output;
    });
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`monitoring-letter: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(
      `monitoring-letter: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return exitCodes.internal;
  }
  if (usageError !== undefined) {
    if (help) io.stderr(help + '\n');
    io.stderr(`\n${usageError}\n`);
    return exitCodes.usage;
  }
  if (help) io.stdout(help + '\n');
  return code;
}
