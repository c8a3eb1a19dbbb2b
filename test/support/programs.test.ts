/**
 * The outside-program check: a program is found only where it can run, and every test file that calls an
 * outside program names each one it calls in `needs(…)`, so on a machine without it the test is skipped
 * with its name, never failed with `spawnSync … ENOENT`.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './fake-io.js';
import { missingNote, missingPrograms, programs, type Program } from './programs.js';

const all = Object.keys(programs) as Program[];

describe('missingPrograms', () => {
  it('finds nothing on an empty PATH and no chromium where CHROMIUM_PATH names nothing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-programs-'));
    expect(missingPrograms(all, { PATH: empty, CHROMIUM_PATH: join(empty, 'chromium') })).toEqual(all);
  });

  it('finds an executable on PATH, and not a file that cannot run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'some-programs-'));
    writeFileSync(join(dir, 'pdfinfo'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, 'pdfinfo'), 0o755);
    writeFileSync(join(dir, 'qpdf'), 'not executable');
    expect(missingPrograms(['pdfinfo', 'qpdf', 'pdftotext'], { PATH: dir })).toEqual(['qpdf', 'pdftotext']);
  });

  it('names what is missing and the Debian package that brings it, once per package', () => {
    expect(missingNote(['pdftotext', 'pdfinfo', 'soffice'])).toBe(
      'skipped: pdftotext, pdfinfo, soffice not installed (apt-get install poppler-utils libreoffice-writer-nogui)',
    );
  });
});

/** Programs a test file calls: by name in a call, or through a helper that runs them. */
const callers: [RegExp, Program][] = [
  ...all.map((program): [RegExp, Program] => [
    new RegExp(`(?:execFileSync|spawnSync|execFile|spawn|run)\\(\\s*'${program}'`),
    program,
  ]),
  [/\brenderPageGray\(/, 'pdftoppm'],
  [/\bwordBoxes\(/, 'pdftotext'],
  [/\bconvertWithLibreOffice\(/, 'soffice'],
  [/\bchromium\.launch\(/, 'chromium'],
];

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testFiles(path) : /\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('every test that calls an outside program names it', () => {
  it('each call is covered by a needs(…) in the same file', () => {
    const uncovered = testFiles(join(repoRoot, 'test')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const named = new Set(
        [...text.matchAll(/needs\(([^)]*)\)/g)].flatMap((m) => [...m[1]!.matchAll(/'([a-z]+)'/g)].map((n) => n[1]!)),
      );
      return callers
        .filter(([pattern, program]) => pattern.test(text) && !named.has(program))
        .map(([, program]) => `${relative(repoRoot, file)} calls ${program}`);
    });
    expect(uncovered).toEqual([]);
  });
});
