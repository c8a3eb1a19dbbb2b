/**
 * The outside programs a test calls, decided in one place: a test names every program it runs, and where
 * any is missing the test is skipped with a title that names what is missing and the Debian package that
 * brings it (`.ci/run` installs them all). No test checks for one program and then calls another.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, it } from 'vitest';

/** Every outside program a test may call, with the Debian package that installs it. */
export const programs = {
  pdfinfo: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdffonts: 'poppler-utils',
  qpdf: 'qpdf',
  soffice: 'libreoffice-writer-nogui',
  chromium: 'chromium',
} as const;

export type Program = keyof typeof programs;

/** Where the browser tests find chromium: `CHROMIUM_PATH`, else Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether `name` is an executable file on `path` (a PATH-style list); nothing is run. */
function onPath(name: string, path: string): boolean {
  return path.split(delimiter).some((dir) => dir !== '' && executable(join(dir, name)));
}

function installed(program: Program, env: NodeJS.ProcessEnv): boolean {
  if (program === 'chromium') return executable(env.CHROMIUM_PATH ?? '/usr/bin/chromium');
  if (!onPath(program, env.PATH ?? '')) return false;
  // soffice can be a wrapper left behind by a removed LibreOffice: ask it to run.
  if (program === 'soffice')
    return spawnSync('soffice', ['--version'], { stdio: 'ignore', env, timeout: 60_000 }).status === 0;
  return true;
}

const seen = new Map<Program, boolean>();

/** The programs among `wanted` that cannot be run here (with `env`'s PATH; the answer for this process is cached). */
export function missingPrograms(wanted: readonly Program[], env: NodeJS.ProcessEnv = process.env): Program[] {
  return wanted.filter((program) => {
    if (env !== process.env) return !installed(program, env);
    if (!seen.has(program)) seen.set(program, installed(program, env));
    return !seen.get(program);
  });
}

/** The words a skipped test carries: which programs are missing and how to install them. */
export function missingNote(missing: readonly Program[]): string {
  const packages = [...new Set(missing.map((program) => programs[program]))];
  return `skipped: ${missing.join(', ')} not installed (apt-get install ${packages.join(' ')})`;
}

/**
 * `it` and `describe` for tests that call `wanted`: the real ones where every program is here, otherwise
 * skipping ones whose titles say what is missing, and one warning on stderr per file.
 */
export function needs(...wanted: Program[]): { it: typeof it; describe: typeof describe; missing: Program[] } {
  const missing = missingPrograms(wanted);
  if (missing.length === 0) return { it, describe, missing };
  const note = missingNote(missing);
  process.stderr.write(`${note}\n`);
  const skipIt = ((name: string, ...rest: unknown[]) =>
    (it.skip as (...args: unknown[]) => void)(`${name} [${note}]`, ...rest)) as unknown as typeof it;
  const skipDescribe = ((name: string, ...rest: unknown[]) =>
    (describe.skip as (...args: unknown[]) => void)(`${name} [${note}]`, ...rest)) as unknown as typeof describe;
  return { it: skipIt, describe: skipDescribe, missing };
}
