/**
 * One sender at a time per journal: two `send` runs over the same letters
 * could otherwise both see a message as unsent and both deliver it. The lock
 * is a file created exclusively, holding the owner's process id; a lock left
 * by a process that no longer exists (a crash, a kill) is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/** Another live process holds the lock. */
export class JournalLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(`another send (process ${pid}) is using ${lockFile}; wait for it to finish, then run again`);
    this.name = 'JournalLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock (or throws JournalLockedError); returns the function that releases it. */
export function acquireLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let pid: number;
      try {
        pid = Number(readFileSync(lockFile, 'utf8').trim());
      } catch {
        continue; // removed between our open and read: try again
      }
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new JournalLockedError(lockFile, pid);
      }
      try {
        unlinkSync(lockFile); // stale: its owner has gone
      } catch {
        // someone else took it over first; try again
      }
    }
  }
  throw new JournalLockedError(lockFile, Number.NaN);
}
