/**
 * The command-line bundle (scripts/bundle.mjs, dist/cli/): the executable a
 * user runs. It must behave exactly as the code under test, including the
 * parts the bundler trims (pdf-lib to its object model, zod to English) and
 * the batch worker thread it must find beside itself.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo, repoRoot } from '../support/fake-io.js';

const bundleDir = join(repoRoot, 'dist', 'cli');
const bin = join(bundleDir, 'bin.js');

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the command-line bundle', () => {
  it('is the package’s bin', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['monitoring-letter']).toBe('dist/cli/bin.js');
  });

  it('imports nothing from node_modules but pdfjs-dist (which loads its own worker file)', () => {
    const outside = new Set<string>();
    for (const file of readdirSync(bundleDir).filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(bundleDir, file), 'utf8');
      const specifiers = text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*|\brequire\s*\(\s*)"([\w@./:-]+)"/g);
      for (const [, specifier] of specifiers) {
        if (specifier!.startsWith('./') || isBuiltin(specifier!) || specifier!.startsWith('pdfjs-dist/')) continue;
        outside.add(`${file}: ${specifier}`);
      }
    }
    expect([...outside]).toEqual([]);
  });

  it('prints its version and help', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const version = run(['--version'], repoRoot);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
    const help = run(['--help'], repoRoot);
    expect(help.status).toBe(0);
    for (const command of ['validate', 'draft', 'batch', 'check-copy', 'send']) expect(help.stdout).toContain(command);
  });

  it('lays out help exactly as the library does (the bundle measures plain text widths without string-width)', async () => {
    for (const args of [['--help'], ['draft', '--help'], ['recipients', '--help'], ['finalise', '--help']]) {
      const io = fakeIo(repoRoot);
      expect(await main(args, io)).toBe(0);
      expect(run(args, repoRoot).stdout, args.join(' ')).toBe(io.out);
    }
  });

  it('reports a bad form in English, with its place, as the library does', async () => {
    const form = join(repoRoot, 'fixtures', 'invalid', 'bad-enum.yaml');
    const bundled = run(['validate', form], repoRoot);
    const io = fakeIo(repoRoot);
    const code = await main(['validate', form], io);
    expect(bundled.status).toBe(code);
    expect(bundled.status).toBe(1);
    expect(bundled.stdout + bundled.stderr).toBe(io.out + io.err);
  });

  it('drafts the example in every format byte for byte as the library does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-draft-'));
    const form = join(repoRoot, 'fixtures', 'forms', 'example.yaml');
    const bundled = run(['draft', form, '--out', join(dir, 'bundled')], dir);
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(await main(['draft', form, '--out', join(dir, 'library')], fakeIo(dir))).toBe(0);
    const letters = readdirSync(join(dir, 'library')).filter((f) => /\.(docx|pdf|md|html|json)$/.test(f));
    expect(letters).toHaveLength(5);
    for (const name of letters) {
      expect(readFileSync(join(dir, 'bundled', name)), name).toEqual(readFileSync(join(dir, 'library', name)));
    }
  });

  it('runs a batch on two worker threads, whose worker it finds in the bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-batch-'));
    mkdirSync(join(dir, 'forms'));
    for (const name of ['example.yaml', 'free-school.yaml', 'section-117-visit.yaml']) {
      copyFileSync(join(repoRoot, 'fixtures', 'forms', name), join(dir, 'forms', name));
    }
    const result = run(['batch', 'forms', '--out', 'out', '--jobs', '2'], dir);
    expect(result.status, result.stderr).toBe(0);
    const files = readdirSync(join(dir, 'out'));
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
    expect(files).toContain('manifest.json');
  });
});
