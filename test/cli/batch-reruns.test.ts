/**
 * A batch run again on the same output folder: letters already final are
 * kept (and the manifest says so), a sent letter is never re-finalised, a
 * stopped run carries on with --resume, two runs never write one folder at
 * once, and a full disk ends with exit 3 and a plain message.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { appendHistory, historyPath, readHistory } from '../../src/ground/history.js';
import type { ManifestEntry } from '../../src/workflow/batch/manifest.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk.js';

const forms = ['example.yaml', 'academy-converter-sixth-form.yaml', 'interim-executive-board.yaml'];

function folderOfForms(names: readonly string[] = forms): string {
  const dir = mkdtempSync(join(tmpdir(), 'batch-rerun-'));
  mkdirSync(join(dir, 'forms'));
  for (const name of names) copyFileSync(join(repoRoot, 'fixtures/forms', name), join(dir, 'forms', name));
  return dir;
}

const manifestOf = (out: string): ManifestEntry[] =>
  JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as ManifestEntry[];

function finalisedEvents(out: string): number {
  return readdirSync(out)
    .filter((n) => n.endsWith('.history.jsonl'))
    .flatMap((n) => readHistory(join(out, n)).events)
    .filter((e) => e.stage === 'finalised').length;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

describe('batch run again on the same folder', () => {
  it('--final twice: the second keeps every final letter as already final, lists each once with its files, exit 0', async () => {
    const dir = folderOfForms();
    const args = ['batch', 'forms', '--out', 'out', '--jobs', '1', '--format', 'md,json', '--final'];
    expect(await main(args, fakeIo(dir, { now: '2014-03-20T10:00:00Z' }))).toBe(0);
    const first = manifestOf(join(dir, 'out'));
    const io = fakeIo(dir, { now: '2014-03-27T10:00:00Z' });
    expect(await main(args, io)).toBe(0);
    expect(io.out).not.toMatch(/FAILED|already exists/);
    const second = manifestOf(join(dir, 'out'));
    expect(second).toHaveLength(forms.length);
    for (const entry of second) {
      expect(entry.ok).toBe(true);
      expect(entry.skipped).toMatch(/already final/);
      expect(entry.files).toEqual(first.find((e) => e.form === entry.form)!.files);
    }
    expect(readFileSync(join(dir, 'out', 'manifest.csv'), 'utf8')).toMatch(/already final/);
    expect(finalisedEvents(join(dir, 'out'))).toBe(forms.length); // no letter re-finalised
  });

  it('--final --force never re-finalises a letter that was sent; the manifest says when it went', async () => {
    const dir = folderOfForms(['example.yaml']);
    const out = join(dir, 'out');
    const args = ['batch', 'forms', '--out', 'out', '--jobs', '1', '--format', 'md', '--final'];
    expect(await main(args, fakeIo(dir, { now: '2014-03-20T10:00:00Z' }))).toBe(0);
    const md = join(out, '121190-2014-03-12-final.md');
    const before = readFileSync(md, 'utf8');
    appendHistory(historyPath(out, '121190', '2014-03-12'), { stage: 'sent', at: '2014-03-21T09:00:00Z', version: 1 });
    const io = fakeIo(dir, { now: '2014-04-02T10:00:00Z' });
    expect(await main([...args, '--force'], io)).toBe(0);
    expect(readFileSync(md, 'utf8')).toBe(before);
    expect(finalisedEvents(out)).toBe(1);
    const [entry] = manifestOf(out);
    expect(entry!.skipped).toMatch(/already sent on 2014-03-21/);
    expect(io.out).toMatch(/already sent on 2014-03-21/);
  });

  it('--resume carries on after a run that stopped: done forms are not rendered again, every form listed once with its files', async () => {
    const dir = folderOfForms();
    const out = join(dir, 'out');
    const args = ['batch', 'forms', '--out', 'out', '--jobs', '1', '--format', 'md', '--final'];
    expect(await main(args, fakeIo(dir, { now: '2014-03-20T10:00:00Z' }))).toBe(0);
    // As a run killed after its first letter leaves it: one entry in the progress file, the rest not yet made.
    const all = manifestOf(out);
    writeFileSync(join(out, 'batch-progress.jsonl'), JSON.stringify(all[0]) + '\n');
    rmSync(join(out, 'manifest.json'));
    rmSync(join(out, 'manifest.csv'));
    for (const e of all.slice(1)) for (const f of e.files) rmSync(f);
    for (const n of readdirSync(out).filter((n) => n.endsWith('.history.jsonl'))) rmSync(join(out, n));
    appendHistory(historyPath(out, all[0]!.urn!, all[0]!.visitDate!), {
      stage: 'finalised',
      at: '2014-03-20T10:00:00Z',
      version: 1,
    });
    const io = fakeIo(dir, { now: '2014-03-20T11:00:00Z' });
    expect(await main([...args, '--resume'], io)).toBe(0);
    const resumed = manifestOf(out);
    expect(resumed.map((e) => e.form).sort()).toEqual(all.map((e) => e.form).sort());
    for (const e of resumed) expect(e.files.length).toBe(1);
    expect(io.err).toMatch(/\[2\/3\]|resum/i);
    expect(finalisedEvents(out)).toBe(forms.length);
    expect(readdirSync(out)).not.toContain('batch-progress.jsonl');
  });

  it('draft --resume: forms the stopped run finished (unchanged since) are taken over; a form changed since is rendered again', async () => {
    const dir = folderOfForms();
    const out = join(dir, 'out');
    const args = ['batch', 'forms', '--out', 'out', '--jobs', '1', '--format', 'md'];
    expect(await main(args, fakeIo(dir))).toBe(0);
    const all = manifestOf(out);
    // As a run killed after two forms leaves it: their entries in the progress file, no manifest written.
    const hash = (form: string): string => createHash('sha256').update(readFileSync(form)).digest('hex');
    writeFileSync(
      join(out, 'batch-progress.jsonl'),
      all
        .slice(0, 2)
        .map((entry) => JSON.stringify({ entry, formSha256: hash(entry.form) }) + '\n')
        .join(''),
    );
    rmSync(join(out, 'manifest.json'));
    // The second form is edited after that run: its old entry no longer stands.
    writeFileSync(all[1]!.form, readFileSync(all[1]!.form, 'utf8') + '\n# edited\n');
    const io = fakeIo(dir);
    expect(await main([...args, '--resume'], io)).toBe(0);
    expect(io.out).toMatch(/resumed\s+1 /);
    const resumed = manifestOf(out);
    expect(resumed.map((e) => e.form).sort()).toEqual(all.map((e) => e.form).sort());
    for (const e of resumed) expect(e.files).toHaveLength(1);
  });

  it('a second batch on a folder another batch is writing is refused, naming the first one\u2019s process', async () => {
    const dir = folderOfForms(['example.yaml']);
    mkdirSync(join(dir, 'out'));
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    cleanups.push(() => holder.kill());
    writeFileSync(
      join(dir, 'out', 'batch.lock'),
      JSON.stringify({ pid: holder.pid, host: hostname(), token: 'ab'.repeat(16) }) + '\n',
    );
    const io = fakeIo(dir);
    expect(await main(['batch', 'forms', '--out', 'out', '--jobs', '1', '--format', 'md'], io)).toBe(3);
    expect(io.err).toContain(`process ${holder.pid}`);
    expect(io.err).toMatch(/batch/);
    expect(readdirSync(join(dir, 'out'))).toEqual(['batch.lock']);
  });
});

const probe = mountSmallDisk(8);
const noMount = typeof probe === 'string' ? probe : undefined;
if (typeof probe !== 'string') probe.unmount();

describe.skipIf(noMount !== undefined)(`batch on a full disk${noMount ? ` (skipped: ${noMount})` : ''}`, () => {
  it('exit 3 with a plain message naming the folder, no stack trace; what was done so far is kept for --resume', async () => {
    const small: SmallDisk | string = mountSmallDisk(512);
    if (typeof small === 'string') throw new Error(small);
    cleanups.push(() => small.unmount());
    const dir = folderOfForms([...forms, 'community-primary.yaml', 'free-school.yaml', 'boarding-school.yaml']);
    small.fill(160 * 1024);
    const io = fakeIo(dir, { now: '2014-03-20T10:00:00Z' });
    const code = await main(['batch', 'forms', '--out', small.dir, '--jobs', '1', '--format', 'md,html,json'], io);
    expect(code).toBe(3);
    expect(io.err + io.out).toContain(small.dir);
    expect(io.err + io.out).toMatch(/the disk is full/);
    expect(io.err + io.out).not.toMatch(/internal error|\n\s+at /);
    const progress = readFileSync(join(small.dir, 'batch-progress.jsonl'), 'utf8').trim().split('\n');
    expect(progress.length).toBeGreaterThan(0);

    rmSync(join(small.dir, '.filler'));
    const again = fakeIo(dir, { now: '2014-03-20T10:05:00Z' });
    expect(
      await main(['batch', 'forms', '--out', small.dir, '--jobs', '1', '--format', 'md,html,json', '--resume'], again),
    ).toBe(0);
    expect(manifestOf(small.dir)).toHaveLength(6);
  });
});
