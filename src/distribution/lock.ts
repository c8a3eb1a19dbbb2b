/**
 * One sender at a time per journal: two `send` runs over the same letters
 * could otherwise both see a message as unsent and both deliver it.
 *
 * The lock file appears whole or not at all: the owner's record (process id,
 * host, a token never used before) is written to a temporary file, which is
 * then hard-linked to the lock's name; link() fails when the name exists, so
 * exactly one process wins, and a reader never sees a half-written lock.
 *
 * A lock whose owner has gone (a crash, a kill) is stale. Breaking it is
 * itself locked, under a name made from the stale lock's token: only the
 * process holding `<lock>.<token>.break` may remove a lock holding that
 * token, and removes it only after reading the token there again. Tokens are
 * never reused, so a fresh lock is never removed in place of a stale one.
 */
import { randomBytes, createHash } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { processAlive } from '../ground/stale-temporaries.js';

/** Another live process holds the lock. */
export class JournalLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
    detail = '',
    /** What holds such a lock: `send`, or `batch` (one per output folder). */
    readonly what: 'send' | 'batch' = 'send',
  ) {
    super(
      `another ${what} (process ${pid}${detail}) is using ${lockFile}; wait for it to finish, then run again. ` +
        `If no ${what} is running, that process is something else: delete ${lockFile} and run again`,
    );
    this.name = 'JournalLockedError';
  }
}

/** What a lock file says about its owner. */
interface LockOwner {
  pid: number;
  host?: string;
  /** Unique to this lock file; for a file in an older or damaged format, derived from its bytes. */
  token: string;
}

/** Reads a lock file; undefined when it does not exist. */
function readOwner(lockFile: string): LockOwner | undefined {
  let text: string;
  try {
    text = readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const record = JSON.parse(text) as Partial<LockOwner>;
    if (Number.isInteger(record.pid) && typeof record.token === 'string' && /^[0-9a-f]{8,64}$/.test(record.token)) {
      return {
        pid: record.pid!,
        token: record.token,
        ...(typeof record.host === 'string' ? { host: record.host } : {}),
      };
    }
  } catch {
    // not JSON: an older version's lock (the process id alone), or damaged
  }
  const token = createHash('sha256').update(text).digest('hex').slice(0, 32);
  const pid = /^\s*\d+\s*$/.test(text) ? Number(text) : 0;
  return { pid, token };
}

/** Creates `lockFile` holding `owner`, whole, or returns false when it already exists. */
function createWhole(lockFile: string, owner: LockOwner): boolean {
  const temporary = `${lockFile}.${process.pid}.${owner.token}.tmp`;
  const fd = openSync(temporary, 'wx');
  try {
    writeSync(fd, JSON.stringify({ ...owner, since: new Date().toISOString() }) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

/** Removes `lockFile` if it still holds `token`. */
function removeIfHolds(lockFile: string, token: string): void {
  if (readOwner(lockFile)?.token !== token) return;
  try {
    unlinkSync(lockFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Tokens of the locks this process holds: a lock naming this process id is stale only if it is not one of them. */
const heldHere = new Set<string>();

/** Takes the lock (or throws JournalLockedError); returns the function that releases it. */
export function acquireLock(lockFile: string, what: 'send' | 'batch' = 'send'): () => void {
  const me: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(16).toString('hex') };
  // Each pass either takes the lock, throws, or removes one stale lock; a few passes are plenty.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (createWhole(lockFile, me)) {
      heldHere.add(me.token);
      return () => {
        heldHere.delete(me.token);
        removeIfHolds(lockFile, me.token);
      };
    }
    const owner = readOwner(lockFile);
    if (!owner) continue; // released between our link and our read: try again
    if (owner.host !== undefined && owner.host !== me.host) {
      // A process on another machine (a shared folder): its liveness cannot be checked from here.
      throw new JournalLockedError(lockFile, owner.pid, ` on ${owner.host}`, what);
    }
    const live = owner.pid === process.pid ? heldHere.has(owner.token) : owner.pid > 0 && processAlive(owner.pid);
    if (live) throw new JournalLockedError(lockFile, owner.pid, '', what);
    // Stale: its owner has gone. Break it only while holding the lock on breaking this very lock.
    let releaseBreak: () => void;
    try {
      releaseBreak = acquireLock(`${lockFile}.${owner.token}.break`, what);
    } catch (error) {
      // Another process is breaking it, and will take the lock next.
      if (error instanceof JournalLockedError) throw new JournalLockedError(lockFile, error.pid, '', what);
      throw error;
    }
    try {
      removeIfHolds(lockFile, owner.token);
    } finally {
      releaseBreak();
    }
  }
  throw new JournalLockedError(lockFile, readOwner(lockFile)?.pid ?? Number.NaN, '', what);
}
