import yargs from 'yargs';
import type { Command } from './command.js';
import { summaryCommands } from './command-summaries.js';
import { exitCodes, UserError, type Io } from '../ground/io.js';
import { toolVersion } from '../ground/version.js';
import { suggest } from '../ground/suggest.js';

/**
 * Each command's module, loaded only when that command runs: a cold `draft`
 * then never pays for the mail, PDF-reading or register libraries of the others.
 */
const commandModules: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./commands/init.js')).initCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  schema: async () => (await import('./commands/schema.js')).schemaCommand,
  draft: async () => (await import('./commands/draft.js')).draftCommand,
  recipients: async () => (await import('./commands/recipients.js')).recipientsCommand,
  deadlines: async () => (await import('./commands/deadlines.js')).deadlinesCommand,
  'check-copy': async () => (await import('./commands/check-copy.js')).checkCopyCommand,
  send: async () => (await import('./commands/send.js')).sendCommand,
  confirm: async () => (await import('./commands/confirm.js')).confirmCommand,
  finalise: async () => (await import('./commands/finalise.js')).finaliseCommand,
  status: async () => (await import('./commands/status.js')).statusCommand,
  batch: async () => (await import('./commands/batch.js')).batchCommand,
  example: async () => (await import('./commands/example.js')).exampleCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
};

/** The commands argv needs: the one it names, or all of them (for help and "did you mean"). */
async function commandsFor(argv: readonly string[]): Promise<Command[]> {
  const name = argv.find((a) => !a.startsWith('-'));
  const load = name === undefined ? undefined : commandModules[name];
  if (load) return [await load()];
  // No command named (--help, a bare call, a typo): the list needs only each command's summary.
  if (!argv.some((a) => Object.hasOwn(commandModules, a))) return summaryCommands();
  return Promise.all(Object.values(commandModules).map((l) => l()));
}

/** The usage error for a first word that names no command, with the command meant when it is a slip ("valdate"). */
function unknownCommand(argv: readonly string[]): string | undefined {
  const name = argv.find((a) => !a.startsWith('-'));
  if (name === undefined || Object.hasOwn(commandModules, name)) return undefined;
  const meant = suggest(name, Object.keys(commandModules));
  return `unknown command "${name}"${meant === undefined ? '' : `: did you mean "${meant}"?`}`;
}

/**
 * yargs's "Unknown arguments: dry-rnu, dryRnu" in a user's words: each option once, as typed, with the
 * command's own option it was probably meant to be (from the options its help lists).
 */
function unknownOptions(message: string, help: string, argv: readonly string[]): string {
  const options = [...new Set(help.match(/--[a-z][a-z0-9-]*/g) ?? [])].map((o) => o.slice(2));
  let listed = /^Unknown arguments?: (.+)$/.exec(message)?.[1];
  if (listed === undefined && /^Not enough non-option arguments/.test(message)) {
    // `validate --jsno visit.yaml`: the unknown option took the form as its value, so yargs says the form
    // is missing; the option is the mistake.
    const typed = argv
      .filter((a) => /^--[a-zA-Z]/.test(a))
      .map((a) => a.slice(2).split('=')[0]!)
      .filter((name) => !options.includes(name) && !options.includes(name.replace(/^no-/, '')));
    if (typed.length > 0) listed = typed.join(', ');
  }
  if (listed === undefined) return missingPositional(message, help);
  const names = listed.split(', ');
  // yargs adds the camelCase twin of each kebab-case option typed: keep the one typed.
  const typed = names.filter((n) => !(/[A-Z]/.test(n) && names.some((m) => m !== n && camel(m) === n)));
  return typed
    .map((name) => {
      const meant = suggest(name, options);
      return `unknown option --${name}${meant === undefined ? '' : `: did you mean --${meant}?`}`;
    })
    .join('\n');
}

/**
 * yargs's "Not enough non-option arguments: got 0, need at least 1" as what to name, from the command's
 * help: "name a folder of visit-evidence forms (.yaml, .yml, .json): monitoring-letter batch <folder>".
 */
function missingPositional(message: string, help: string): string {
  if (!/^Not enough non-option arguments/.test(message)) return message;
  const usage = help.split('\n')[0]?.trim() ?? '';
  const wanted = /<([a-z][\w-]*)(?:\.\.)?>/.exec(usage)?.[1];
  const described =
    wanted === undefined ? undefined : new RegExp(`^\\s+${wanted}\\s+(.+?)\\s{2,}\\[`, 'm').exec(help)?.[1];
  if (described === undefined) return message;
  return `name ${described.charAt(0).toLowerCase()}${described.slice(1)}: ${usage}`;
}

const camel = (kebab: string): string => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Options that may be given more than once (their values add up). */
const repeatableOptions = new Set(['format']);

/**
 * The first option given twice (`--out a --out b`): yargs would join the
 * values into a path "a,b"; a user means one of them, and we cannot tell which.
 */
function repeatedOption(argv: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const arg of argv) {
    if (arg === '--') break;
    const name = /^--(?:no-)?([^=]+)/.exec(arg)?.[1];
    if (name === undefined || repeatableOptions.has(name)) continue;
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

/** yargs's usage instance (internal: its help text and its help cache), if yargs's internals are as expected. */
function usageOf(parser: unknown): { help?: () => unknown; cacheHelpMessage?: () => void } | undefined {
  type Usage = { help?: () => unknown; cacheHelpMessage?: () => void };
  const internal = (parser as { getInternalMethods?: () => { getUsageInstance?: () => Usage } }).getInternalMethods;
  return typeof internal === 'function' ? internal.call(parser).getUsageInstance?.() : undefined;
}

/** yargs's help for the command being parsed, now (it is rendered from the command's context). */
function currentHelp(parser: unknown): string | undefined {
  try {
    const usage = usageOf(parser);
    const help = typeof usage?.help === 'function' ? usage.help() : undefined;
    return typeof help === 'string' ? help : undefined;
  } catch {
    return undefined;
  }
}

/** A usage mistake yargs found (an unknown option, a missing value): the command must not run. */
class UsageMistake extends Error {
  constructor(
    message: string,
    readonly help: string | undefined,
  ) {
    super(message);
  }
}

/**
 * yargs renders a command's whole help text as the command starts, in case a failure after it needs the
 * text (a cold command's single largest piece of yargs work). Here it never does: a usage mistake is found,
 * and its help taken, before the command starts (`fail` below), and a failure once it has started is an
 * error this CLI reports itself. Left as it is when yargs's internals are not as expected.
 */
function skipHelpRendering(parser: unknown): void {
  const usage = usageOf(parser);
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

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
    .demandCommand(1, 'Name a command: see the list above, or `monitoring-letter <command> --help`.')
    .example('$0 draft visit.yaml', 'draft the letter in every format into output/')
    .example('$0 <command> --help', 'a command’s options, with examples')
    .recommendCommands()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      // Thrown, so that yargs stops here: it would otherwise go on to run the command (a mistyped
      // `--dry-run` would send). The help is the command's, taken while yargs is in its context.
      throw new UsageMistake(msg, currentHelp(parser));
    });
  skipHelpRendering(parser);
  for (const c of await commandsFor(argv)) {
    // One style for every command's summary: a capital first letter, no full stop.
    const describe = c.describe.charAt(0).toUpperCase() + c.describe.slice(1).replace(/\.$/, '');
    parser.command(c.command, describe, c.builder, async (args) => {
      const repeated = repeatedOption(argv);
      if (repeated !== undefined) {
        throw new UserError(`--${repeated} is given more than once: give it once`, exitCodes.usage);
      }
      code = await c.run(args as Record<string, unknown>, io);
    });
  }
  let help = '';
  try {
    await parser.parseAsync([...argv], {}, (_err, _argv, output) => {
      if (output) help = output;
    });
  } catch (error) {
    if (error instanceof UsageMistake) {
      usageError = error.message;
      help = error.help ?? help;
    } else if (error instanceof UserError) {
      io.stderr(`monitoring-letter: ${error.message}\n`);
      return error.exitCode;
    } else {
      io.stderr(
        `monitoring-letter: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      return exitCodes.internal;
    }
  }
  if (usageError !== undefined) {
    usageError = unknownCommand(argv) ?? usageError;
    // The list of commands (or the command's options) with the mistake: a bare `monitoring-letter` shows every command.
    if (!help) help = await parser.getHelp();
    if (help) io.stderr(help + '\n');
    io.stderr(`\n${unknownOptions(usageError, help, argv)}\n`);
    return exitCodes.usage;
  }
  if (help) io.stdout(help + '\n');
  return code;
}
