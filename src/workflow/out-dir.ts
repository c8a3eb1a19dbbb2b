import { mkdirSync } from 'node:fs';
import { exitCodes, UserError } from '../ground/io.js';

/** Creates the --out folder (and its parents); a file in the way is the user's mistake, a refusal the disk's. */
export function ensureOutDir(dir: string, shown: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new UserError(
        `--out ${shown}: a file is in the way; expected a folder to write the letters into`,
        exitCodes.usage,
      );
    }
    const reason =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : (error as Error).message;
    throw new UserError(`cannot create the folder ${shown}: ${reason}`, exitCodes.outside);
  }
}

/** The user's message for a file the CLI could not write at `shown`: a wrong path is theirs (2), a refusal the disk's (3). */
export function writeFailure(error: unknown, shown: string): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR')
    return new UserError(`cannot write ${shown}: it is a folder; expected a file name`, exitCodes.usage);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new UserError(`cannot write ${shown}: its folder does not exist`, exitCodes.usage);
  }
  const reason =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : (error as Error).message;
  return new UserError(`cannot write ${shown}: ${reason}`, exitCodes.outside);
}
