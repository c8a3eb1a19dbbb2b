/**
 * Writing to this computer's disk, where a refusal is never anyone else's
 * fault: a full disk, a read-only or forbidden folder. Every write loops until
 * all its bytes are down or the system says why not (a full disk gives a short
 * write first), and a file whose bytes matter is read back and compared
 * (size and SHA-256) before anything relies on it.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** Codes that mean the disk or the folder refused, not that a path was mistyped. */
const localCodes: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a symbolic link is in the way (journals, histories and letters are never written through one)',
  EIO: 'the disk reported an input/output error',
  ESHORT: 'the file on disk does not hold the bytes written',
};

/** This computer could not write into a folder: exit 3, with what to do; never a recipient's fault. */
export class LocalWriteError extends Error {
  constructor(
    /** The folder, as the user would name it. */
    readonly folder: string,
    readonly code: string,
    /** What was being written ("the send journal", "the outbox"). */
    readonly what: string,
  ) {
    super(
      `cannot write ${what} into ${folder}: ${localCodes[code] ?? code}. ` +
        (code === 'ENOSPC' || code === 'EDQUOT'
          ? 'Free some space there (or choose a folder on another disk), then run the same command again'
          : code === 'ELOOP'
            ? 'Remove the symbolic link, then run the same command again'
            : 'Make the folder writable (or choose another), then run the same command again'),
    );
    this.name = 'LocalWriteError';
  }
}

/** The error's code when it is the disk's refusal (see `localCodes`), else undefined. */
export function localCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && code in localCodes ? code : undefined;
}

/** Runs `work`; a refusal by the disk becomes a LocalWriteError naming `folder`, anything else passes through. */
export function writingInto<T>(folder: string, what: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof LocalWriteError) throw error;
    const code = localCode(error);
    if (code !== undefined) throw new LocalWriteError(folder, code, what);
    throw error;
  }
}

/**
 * Creates a folder and its parents. Node's recursive mkdir reports a
 * read-only disk as ENOENT; the folder is then made alone, which gives the
 * disk's own reason (EROFS).
 */
export function makeFolder(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !existsSync(dirname(path))) throw error;
    mkdirSync(path);
  }
}

/** Writes every byte to `fd`, looping over short writes; the system's error (ENOSPC…) is thrown. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = writeSync(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('the disk accepted no more bytes'), { code: 'ENOSPC' });
    offset += written;
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Reads `path` back and throws (code ESHORT) unless it holds exactly `bytes`. */
export function verifyOnDisk(path: string, bytes: Uint8Array): void {
  const found = readFileSync(path);
  if (found.length !== bytes.length || sha256(found) !== sha256(bytes)) {
    throw Object.assign(new Error(`${path} holds ${found.length} of ${bytes.length} bytes, or other bytes`), {
      code: 'ESHORT',
    });
  }
}

/**
 * Writes bytes to a temporary name carrying this process's id (so a later run
 * knows whether its writer is alive), flushes, renames into place, then reads
 * the file back: it returns only when the file on disk is exactly `bytes`.
 */
export function writeFileVerified(path: string, bytes: Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeAll(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing left behind
    }
    throw error;
  }
  verifyOnDisk(path, bytes);
}
