/** The `--templates DIR` option shared by draft, finalise, batch and serve (and validate, for its messages.yaml). */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { messagesForTemplates, MessagesError, type MessageCatalogue } from '../ground/message-catalogue.js';
import { prepareTemplates, TemplatesError, type PreparedTemplates } from '../letter/templates.js';
import { exitCodes, UserError, type Io } from '../ground/io.js';

/** The bundled templates overlaid by --templates DIR; a folder that cannot be used is a usage error. */
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
