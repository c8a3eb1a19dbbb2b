// A process that races for a send lock (test/distribution/lock.test.ts): it
// says "ready", waits for "go" on stdin, tries the lock once and prints
// "got" or "locked"; a holder keeps the lock until its stdin closes.
import { createInterface } from 'node:readline';
import { acquireLock, JournalLockedError } from '../../dist/src/distribution/lock.js';

const lockFile = process.argv[2];
const lines = createInterface({ input: process.stdin });
const next = () => new Promise((resolve) => lines.once('line', resolve));
process.stdout.write('ready\n');
await next();
let release;
try {
  release = acquireLock(lockFile);
  process.stdout.write('got\n');
} catch (error) {
  if (!(error instanceof JournalLockedError)) throw error;
  process.stdout.write('locked\n');
  process.exit(0);
}
await new Promise((resolve) => lines.once('close', resolve));
release();
