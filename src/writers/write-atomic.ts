/**
 * Writes a file so that no reader ever sees half of it: the bytes go to a
 * temporary name in the same folder, then are renamed (or, when the file must
 * not be replaced, hard-linked, which fails if the name exists) into place.
 */
import { fsyncSync, linkSync, openSync, closeSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The target exists and overwrite was not allowed. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = 'FileExistsError';
  }
}

export interface WriteOptions {
  /** Replace an existing file (default true); false fails with FileExistsError instead. */
  overwrite?: boolean;
  /**
   * Flush the bytes to disk before the rename (default true). A batch of
   * thousands of letters passes false: the rename still means no reader sees
   * half a file, and one flush per file would cost more than rendering it.
   */
  sync?: boolean;
}

/** Writes `data` to `path` atomically: temporary name, flush, then rename or link into place. */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temporary, 'wx');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      if (options.sync !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.overwrite === false) {
      try {
        linkSync(temporary, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
        throw error;
      }
      unlinkSync(temporary);
    } else {
      renameSync(temporary, path);
    }
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing left behind
    }
    throw error;
  }
}
