/**
 * Temporary files left by a run that died are removed by the next run;
 * one a live process holds is never touched (the name carries its writer's id).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';
import { makeWorkspace } from './workspace.js';

/** The id of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

const live: Array<{ kill(): void }> = [];
afterEach(() => {
  while (live.length > 0) live.pop()!.kill();
});

function livePid(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  live.push(child);
  return child.pid!;
}

describe('temporary files left by a dead process', () => {
  it('send: the next run removes a dead run\u2019s temporary files in the letter folder and mail/, never a live one\u2019s', async () => {
    const ws = makeWorkspace();
    const { file } = ws.addLetter('121190');
    const dead = deadPid();
    const alive = livePid();
    mkdirSync(join(ws.letterDir, 'mail'));
    const left = [
      join(ws.letterDir, 'mail', `121190-2014-03-12-letter-v1-aaaa.eml.${dead}.tmp`),
      join(ws.letterDir, `send-journal.jsonl.lock.${dead}.${'ab'.repeat(16)}.tmp`),
    ];
    const held = join(ws.letterDir, 'mail', `121190-2014-03-12-letter-v1-bbbb.eml.${alive}.tmp`);
    for (const path of [...left, held]) writeFileSync(path, 'half');
    const io = fakeIo(ws.dir, { now: '2014-03-20T10:00:00Z' });
    expect(await main(['send', file, '--contacts', ws.contacts], io)).toBe(0);
    for (const path of left) expect(existsSync(path), path).toBe(false);
    expect(existsSync(held)).toBe(true);
  });

  it('batch: the next run removes a dead batch\u2019s half-written letter and manifest, never a live one\u2019s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batch-stale-'));
    mkdirSync(join(dir, 'forms'));
    mkdirSync(join(dir, 'out'));
    copyFileSync(join(repoRoot, 'fixtures/forms/example.yaml'), join(dir, 'forms', 'example.yaml'));
    const dead = deadPid();
    const alive = livePid();
    const left = [
      join(dir, 'out', `.121190-2014-03-12-draft.pdf.${dead}.0a1b2c3d.tmp`),
      join(dir, 'out', `manifest.csv.${dead}.tmp`),
    ];
    const held = join(dir, 'out', `.121190-2014-03-12-draft.docx.${alive}.0a1b2c3d.tmp`);
    for (const path of [...left, held]) writeFileSync(path, 'half');
    expect(await main(['batch', 'forms', '--out', 'out', '--jobs', '1', '--format', 'md'], fakeIo(dir))).toBe(0);
    for (const path of left) expect(existsSync(path), path).toBe(false);
    expect(existsSync(held)).toBe(true);
  });
});
