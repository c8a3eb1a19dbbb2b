/**
 * What every user action needs from outside the letter, prepared once per
 * process and handed to each workflow function: the io (cwd, environment,
 * clock, terminal), the templates (bundled, overlaid by `--templates DIR`),
 * England's bank holidays and today's date in London. The templates and the
 * holidays are read on first use, so an action that needs neither (e.g.
 * `recipients`) never pays for them; after that they are reused.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { londonDate } from '../ground/calendar.js';
import { exitCodes, UserError, type Io } from '../ground/io.js';
import { messagesForTemplates, MessagesError, type MessageCatalogue } from '../ground/message-catalogue.js';
import { prepareTemplates, TemplatesError, type PreparedTemplates } from '../letter/templates.js';
import { englandBankHolidays } from '../rules/holidays.js';
import type { Holidays } from '../rules/working-days.js';

export type { Holidays, PreparedTemplates };

export interface WorkflowContext {
  readonly io: Io;
  /** The `--templates DIR` folder as given (relative to the io's cwd), if any. */
  readonly templatesDir: string | undefined;
  /** The bundled templates overlaid by templatesDir; a folder that cannot be used is a usage error (exit 2). */
  templates(): PreparedTemplates;
  holidays(): Holidays;
  /** Today's date in London, from the io's clock. */
  today(): string;
}

/** The bundled templates overlaid by `dir`; a folder that cannot be used is a usage error. */
export function loadTemplates(dir: string | undefined, io: Io): PreparedTemplates {
  try {
    return prepareTemplates(dir === undefined ? undefined : resolve(io.cwd, dir));
  } catch (error) {
    if (error instanceof TemplatesError) throw new UserError(error.message, exitCodes.usage);
    throw error;
  }
}

/**
 * The findings' wording for `validate --templates DIR`: the folder's messages.yaml over the bundled
 * catalogue, without compiling the letter's templates; a folder or file that cannot be used is a usage error.
 */
export function loadMessagesOption(dir: string | undefined, io: Io): MessageCatalogue | undefined {
  if (dir === undefined) return undefined;
  const folder = resolve(io.cwd, dir);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UserError(`the templates folder ${folder} does not exist`, exitCodes.usage);
  }
  try {
    return messagesForTemplates(folder);
  } catch (error) {
    if (error instanceof MessagesError) throw new UserError(error.message, exitCodes.usage);
    throw error;
  }
}

/** The context for one process (a command run, a page server); each part made on first use, then kept. */
export function prepareContext(io: Io, options: { templates?: string | undefined } = {}): WorkflowContext {
  let templates: PreparedTemplates | undefined;
  let holidays: Holidays | undefined;
  return {
    io,
    templatesDir: options.templates,
    templates: () => (templates ??= loadTemplates(options.templates, io)),
    holidays: () => (holidays ??= englandBankHolidays()),
    today: () => londonDate(io.now()),
  };
}
