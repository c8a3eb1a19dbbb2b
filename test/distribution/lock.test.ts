import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, JournalLockedError } from '../../src/distribution/lock.js';

const lockIn = (): string => join(mkdtempSync(join(tmpdir(), 'lock-')), 'send-journal.jsonl.lock');

describe('one sender at a time', () => {
  it('takes the lock, writes its process id, and releases it', () => {
    const file = lockIn();
    const release = acquireLock(file);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses while another live process holds it, naming that process', () => {
    const file = lockIn();
    writeFileSync(file, String(process.ppid)); // the parent: certainly alive
    expect(() => acquireLock(file)).toThrow(JournalLockedError);
    expect(() => acquireLock(file)).toThrow(new RegExp(`process ${process.ppid}`));
  });

  it('takes over a lock left by a process that has gone', () => {
    const file = lockIn();
    writeFileSync(file, '2147483646'); // no such process
    const release = acquireLock(file);
    expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('takes over a damaged lock file', () => {
    const file = lockIn();
    writeFileSync(file, 'garbage');
    acquireLock(file)();
    expect(existsSync(file)).toBe(false);
  });
});
