import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, JournalLockedError } from '../../src/distribution/lock.js';

const lockIn = (): string => join(mkdtempSync(join(tmpdir(), 'lock-')), 'send-journal.jsonl.lock');
const contender = new URL('../support/lock-contender.mjs', import.meta.url).pathname;

/** The process id a lock file names. */
const ownerOf = (file: string): number => (JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid;

interface Contender {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with each line the child prints, in order. */
  line(): Promise<string>;
  exited: Promise<number | null>;
}

function startContender(file: string): Contender {
  const child = spawn(process.execPath, [contender, file], { stdio: 'pipe' });
  const queue: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let end;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      const wake = waiting.shift();
      if (wake) wake(line);
      else queue.push(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  void exited.then((code) => {
    // A child that dies before answering fails the test with its own words.
    for (const wake of waiting.splice(0)) wake(`exited ${code}: ${stderr}`);
  });
  return {
    child,
    line: () => {
      const next = queue.shift();
      return next !== undefined ? Promise.resolve(next) : new Promise((resolve) => waiting.push(resolve));
    },
    exited,
  };
}

/** Starts `count` processes, lets them all try the lock at once, and returns what each said. */
async function race(file: string, count: number): Promise<string[]> {
  const contenders = Array.from({ length: count }, () => startContender(file));
  expect(await Promise.all(contenders.map((c) => c.line()))).toEqual(contenders.map(() => 'ready'));
  for (const c of contenders) c.child.stdin.write('go\n');
  // Holders keep the lock until every contender has answered, so a second "got" is a real double lock.
  const answers = await Promise.all(contenders.map((c) => c.line()));
  for (const c of contenders) c.child.stdin.end();
  await Promise.all(contenders.map((c) => c.exited));
  return answers;
}

describe('one sender at a time', () => {
  it('takes the lock, writes its process id, and releases it', () => {
    const file = lockIn();
    const release = acquireLock(file);
    expect(ownerOf(file)).toBe(process.pid);
    release();
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dirname(file))).toEqual([]); // no temporary file left behind
  });

  it('refuses while another live process holds it, naming that process', () => {
    const file = lockIn();
    writeFileSync(file, JSON.stringify({ pid: process.ppid, token: 'a'.repeat(32) })); // the parent: certainly alive
    expect(() => acquireLock(file)).toThrow(JournalLockedError);
    expect(() => acquireLock(file)).toThrow(new RegExp(`process ${process.ppid}`));
  });

  it('reads a lock written by an earlier version (the process id alone)', () => {
    const file = lockIn();
    writeFileSync(file, String(process.ppid));
    expect(() => acquireLock(file)).toThrow(new RegExp(`process ${process.ppid}`));
  });

  it('takes over a lock left by a process that has gone', () => {
    const file = lockIn();
    writeFileSync(file, JSON.stringify({ pid: 2147483646, token: 'b'.repeat(32) })); // no such process
    const release = acquireLock(file);
    expect(ownerOf(file)).toBe(process.pid);
    release();
    expect(readdirSync(dirname(file))).toEqual([]);
  });

  it('a second call in the same process is refused; a lock naming this process id but left by an earlier one is stale', () => {
    const file = lockIn();
    const release = acquireLock(file);
    expect(() => acquireLock(file)).toThrow(JournalLockedError);
    release();
    // A container restarts its processes with the same ids: a crashed run's lock may name ours.
    writeFileSync(file, JSON.stringify({ pid: process.pid, token: 'e'.repeat(32) }));
    acquireLock(file)();
    expect(existsSync(file)).toBe(false);
  });

  it('takes over a damaged lock file', () => {
    const file = lockIn();
    writeFileSync(file, 'garbage');
    acquireLock(file)();
    expect(existsSync(file)).toBe(false);
  });

  it('release leaves alone a lock that is no longer its own', () => {
    const file = lockIn();
    const release = acquireLock(file);
    const other = JSON.stringify({ pid: process.ppid, token: 'c'.repeat(32) });
    writeFileSync(file, other);
    release();
    expect(readFileSync(file, 'utf8')).toBe(other);
  });

  it('twelve processes racing for a free lock: exactly one gets it', async () => {
    const file = lockIn();
    const answers = await race(file, 12);
    expect(answers.filter((a) => a === 'got')).toHaveLength(1);
    expect(answers.filter((a) => a === 'locked')).toHaveLength(11);
    expect(existsSync(file)).toBe(false);
  });

  it('twelve processes racing to take over a stale lock: exactly one gets it', async () => {
    for (let round = 0; round < 2; round += 1) {
      const file = lockIn();
      writeFileSync(file, JSON.stringify({ pid: 2147483646, token: 'd'.repeat(32) }));
      const answers = await race(file, 12);
      expect(answers.filter((a) => a === 'got')).toHaveLength(1);
      expect(answers.filter((a) => a === 'locked')).toHaveLength(11);
    }
  });

  it('an old-format stale lock raced for by twelve processes: exactly one gets it', async () => {
    const file = lockIn();
    writeFileSync(file, '2147483646');
    const answers = await race(file, 12);
    expect(answers.filter((a) => a === 'got')).toHaveLength(1);
  });
});
