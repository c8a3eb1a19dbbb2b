/** ISP staff's commands as they use them: finalise, batch, status, and the help. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../src/workflow/batch/manifest.js';
import { main } from '../../src/cli/main.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

const hmiDraft = join(repoRoot, 'fixtures/finalise/hmi-draft.yaml');
const ispFinal = join(repoRoot, 'fixtures/finalise/isp-final.yaml');
const example = join(repoRoot, 'fixtures/forms/example.yaml');
const gappy = join(repoRoot, 'fixtures/forms/draft-during-visit.yaml');
const temp = (): string => mkdtempSync(join(tmpdir(), 'isp-cli-'));

interface StatusJson {
  letters: { form: string; urn: string; stage: string; overdue: boolean; next?: { id: string } }[];
}

describe('finalise', () => {
  it('without --draft: a usage error naming --draft, never "undefined"', async () => {
    const io = fakeIo(temp(), { env: { USER: 'pkowalska' } });
    expect(await main(['finalise', ispFinal], io)).toBe(2);
    expect(io.err).toContain('--draft');
    expect(io.err).not.toContain('undefined');
  });

  it('--help says --by is needed when the account has no user name, and shows an example', async () => {
    const io = fakeIo(temp());
    expect(await main(['finalise', '--help'], io)).toBe(0);
    expect(io.out).toMatch(/--by[\s\S]*USER/);
    expect(io.out).toMatch(/Examples:[\s\S]*monitoring-letter finalise/);
  });

  it('the final letter is dated the day it is finalised (--date), not the visit day', async () => {
    const cwd = temp();
    const io = fakeIo(cwd, { now: '2014-03-20T09:00:00Z' });
    const argv = ['finalise', ispFinal, '--draft', hmiDraft, '--by', 'A. Officer', '--format', 'md'];
    expect(await main([...argv, '--date', '2014-03-24'], io)).toBe(0);
    const md = readFileSync(join(cwd, 'output', '121190-2014-03-12-final.md'), 'utf8');
    expect(md).toContain('24 March 2014');
    expect(md).not.toMatch(/^12 March 2014$/m);
  });

  it('without --date the final letter is dated today (London)', async () => {
    const cwd = temp();
    const io = fakeIo(cwd, { now: '2014-03-20T09:00:00Z' });
    const argv = ['finalise', ispFinal, '--draft', hmiDraft, '--by', 'A. Officer', '--format', 'md'];
    expect(await main(argv, io)).toBe(0);
    expect(readFileSync(join(cwd, 'output', '121190-2014-03-12-final.md'), 'utf8')).toContain('20 March 2014');
  });
});

describe('batch reports incomplete letters', () => {
  it('a draft with gaps is "incomplete" in the progress line and has a gaps column in the manifest', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'forms'));
    copyFileSync(gappy, join(cwd, 'forms', 'gappy.yaml'));
    copyFileSync(example, join(cwd, 'forms', 'example.yaml'));
    const io = fakeIo(cwd);
    expect(await main(['batch', 'forms', '--jobs', '1', '--format', 'md'], io)).toBe(0);
    expect(io.err).toMatch(/INCOMPLETE.*gappy\.yaml/);
    expect(io.err).not.toMatch(/\bok\b.*gappy\.yaml/);
    expect(io.err).toMatch(/ok .*example\.yaml/);
    const manifest = JSON.parse(readFileSync(join(cwd, 'output', 'manifest.json'), 'utf8')) as ManifestEntry[];
    const entry = manifest.find((e) => e.form.endsWith('gappy.yaml'))!;
    expect(entry.ok).toBe(false);
    expect(entry.gaps.length).toBeGreaterThan(0);
    expect(entry.gaps.join('; ')).toContain('external support');
    const csv = readFileSync(join(cwd, 'output', 'manifest.csv'), 'utf8').split('\r\n');
    const header = csv[0]!.replace(/^\ufeff/, '').split(',');
    expect(header).toContain('gaps');
    expect(io.out).toMatch(/incomplete\s+1/);
  });
});

describe('status', () => {
  it('status --published DATE records publication; publication is then no longer overdue', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'forms'));
    copyFileSync(example, join(cwd, 'forms', 'example.yaml'));
    const out = join(cwd, 'output');
    mkdirSync(out);
    writeFileSync(
      join(out, '121190-2014-03-12.history.jsonl'),
      JSON.stringify({ stage: 'sent', at: '2014-03-20T09:00:00Z' }) + '\n',
    );
    const before = fakeIo(cwd);
    await main(['status', 'forms/example.yaml', '--today', '2014-05-01', '--json'], before);
    expect((JSON.parse(before.out) as StatusJson).letters[0]).toMatchObject({ stage: 'sent', overdue: true });

    const record = fakeIo(cwd, { now: '2014-04-03T10:00:00Z' });
    expect(await main(['status', 'forms/example.yaml', '--published', '2014-04-02'], record)).toBe(0);
    expect(record.out).toContain('published');
    const after = fakeIo(cwd);
    await main(['status', 'forms/example.yaml', '--today', '2014-05-01', '--json'], after);
    const letter = (JSON.parse(after.out) as StatusJson).letters[0]!;
    expect(letter.stage).toBe('published');
    expect(letter.next?.id).not.toBe('publication');
    expect(letter.overdue).toBe(false);
  });

  it('--published with a folder, or a date that is not one, is a usage error', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'forms'));
    copyFileSync(example, join(cwd, 'forms', 'example.yaml'));
    expect(await main(['status', 'forms', '--published', '2014-04-02'], fakeIo(cwd))).toBe(2);
    expect(await main(['status', 'forms/example.yaml', '--published', '2014-02-30'], fakeIo(cwd))).toBe(2);
  });

  it('several forms for one visit (same URN and visit) are one letter', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'forms'));
    copyFileSync(example, join(cwd, 'forms', 'a-hmi.yaml'));
    copyFileSync(example, join(cwd, 'forms', 'b-isp.yaml'));
    const io = fakeIo(cwd);
    expect(await main(['status', 'forms', '--today', '2014-03-14', '--json'], io)).toBe(0);
    const letters = (JSON.parse(io.out) as StatusJson).letters;
    expect(letters).toHaveLength(1);
    expect(letters[0]!.form).toContain('a-hmi.yaml');
    expect(letters[0]!.form).toContain('b-isp.yaml');
  });
});

describe('the command line', () => {
  it('bare monitoring-letter prints the command list (exit 2)', async () => {
    const io = fakeIo(temp());
    expect(await main([], io)).toBe(2);
    for (const command of ['validate', 'draft', 'finalise', 'batch', 'status', 'send']) {
      expect(io.err).toContain(`monitoring-letter ${command}`);
    }
  });

  it('validate --help offers --register', async () => {
    const io = fakeIo(temp());
    expect(await main(['validate', '--help'], io)).toBe(0);
    expect(io.out).toContain('--register');
  });

  for (const command of [
    'init',
    'validate',
    'schema',
    'draft',
    'recipients',
    'deadlines',
    'check-copy',
    'finalise',
    'batch',
    'status',
    'example',
  ]) {
    it(`${command} --help shows an example`, async () => {
      const io = fakeIo(temp());
      expect(await main([command, '--help'], io)).toBe(0);
      expect(io.out).toMatch(new RegExp(`Examples:[\\s\\S]*monitoring-letter ${command}`));
    });
  }
});
