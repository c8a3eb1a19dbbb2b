import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ManifestEntry } from '../../src/workflow/batch/manifest.js';
import { main } from '../../src/cli/main.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

const good = [
  'example.yaml',
  'academy-converter-sixth-form.yaml',
  'section-117-visit.yaml',
  'interim-executive-board.yaml',
];

function folderOfForms(): string {
  const dir = mkdtempSync(join(tmpdir(), 'batch-cli-'));
  mkdirSync(join(dir, 'forms'));
  for (const name of good) copyFileSync(join(repoRoot, 'fixtures/forms', name), join(dir, 'forms', name));
  writeFileSync(join(dir, 'forms', 'broken.yaml'), 'school:\n  urn: 12\n  nmae: Typo School\n');
  writeFileSync(join(dir, 'forms', 'notes.txt'), 'not a form');
  return dir;
}

describe('batch', () => {
  it('renders every good form on worker threads, reports and skips the bad one, and writes a manifest', async () => {
    const dir = folderOfForms();
    const io = fakeIo(dir);
    const code = await main(['batch', 'forms', '--out', 'out', '--jobs', '2', '--format', 'md,pdf'], io);
    expect(code).toBe(1); // one form failed; the rest were rendered

    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as ManifestEntry[];
    expect(manifest).toHaveLength(good.length + 1); // notes.txt is not a form
    const byForm = new Map(manifest.map((e) => [e.form.split('/').at(-1), e]));

    const broken = byForm.get('broken.yaml')!;
    expect(broken.ok).toBe(false);
    expect(broken.errors.join('\n')).toMatch(/broken\.yaml:3:3 error .*`nmae`.*did you mean `name`/);

    for (const name of good) {
      const entry = byForm.get(name)!;
      expect(entry.ok, `${name}: ${entry.errors.join('; ')}`).toBe(true);
      expect(entry.files).toHaveLength(2);
      for (const file of entry.files) expect(existsSync(file)).toBe(true);
      expect(entry.copies.some((c) => c.role === 'local-authority')).toBe(true);
      expect(entry.deadlines.some((d) => d.id === 'final-letter')).toBe(true);
    }
    // para 17: the academy with a sixth form copies the EFA and the DfE Academies Advisers Unit.
    const academy = byForm.get('academy-converter-sixth-form.yaml')!;
    expect(academy.copies.map((c) => c.role)).toEqual(expect.arrayContaining(['efa', 'dfe-academies-unit']));

    const csv = readFileSync(join(dir, 'out', 'manifest.csv'), 'utf8')
      .trim()
      .split('\r\n');
    expect(csv).toHaveLength(good.length + 2); // header + one row per form
    expect(io.out).toMatch(/rendered\s+4/);
    expect(io.out).toMatch(/failed\s+1/);
    expect(io.out).toMatch(/broken\.yaml/);
    expect(io.err).toMatch(/\[5\/5\]/); // plain progress lines when not on a terminal
  });

  it('with its output in the forms folder, a second run reads the same forms, never its own letters and manifest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'batch-cli-'));
    mkdirSync(join(dir, 'forms'));
    for (const name of good.slice(0, 2)) copyFileSync(join(repoRoot, 'fixtures/forms', name), join(dir, 'forms', name));
    // A form of the user's own may end -draft.json; only the tool's own names are passed over.
    const special = parse(readFileSync(join(repoRoot, 'fixtures/forms', 'community-special.yaml'), 'utf8')) as unknown;
    writeFileSync(join(dir, 'forms', 'hillside-draft.json'), JSON.stringify(special));
    const first = fakeIo(dir);
    expect(await main(['batch', 'forms', '--out', 'forms', '--format', 'json'], first)).toBe(0);
    expect(existsSync(join(dir, 'forms', '121190-2014-03-12-draft.json'))).toBe(true);
    const again = fakeIo(dir);
    expect(await main(['batch', 'forms', '--out', 'forms', '--format', 'json', '--force'], again)).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'forms', 'manifest.json'), 'utf8')) as ManifestEntry[];
    expect(manifest.map((e) => e.form.split('/').at(-1)).sort()).toEqual(
      [...good.slice(0, 2), 'hillside-draft.json'].sort(),
    );
  });

  it('a folder that does not exist is a usage error', async () => {
    const io = fakeIo(mkdtempSync(join(tmpdir(), 'batch-cli-')));
    expect(await main(['batch', 'nowhere'], io)).toBe(2);
    expect(io.err).toMatch(/nowhere is not a folder of forms/);
  });

  it('an unknown format is a usage error naming it', async () => {
    const dir = folderOfForms();
    const io = fakeIo(dir);
    expect(await main(['batch', 'forms', '--format', 'pdf,odt'], io)).toBe(2);
    expect(io.err).toMatch(/odt/);
  });
});
