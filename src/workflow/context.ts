/** The `--templates DIR` option shared by draft, finalise and batch. */
import { resolve } from 'node:path';
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
