import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `readers`, the tests that read our output back with outside programs (poppler, qpdf,
 * LibreOffice, chromium: test/support/programs.ts) or run the built command as a process, and `unit`, the
 * rest, which run in seconds. `npm test` runs both; `npx vitest run --project unit` is the quick loop.
 * A file is a reader when it names an outside program (`needs(…)`), drives the browser, or starts a Node process of its own.
 */
const readerMarks =
  /\bneeds\(|browser-support|playwright-core|(?:spawnSync|spawn|execFileSync|execFile)\(\s*process\.execPath|dist\/cli\/bin\.js|'bin\.js'/;

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testFiles(path) : /\.test\.ts$/.test(name) ? [path] : [];
  });
}

const readers = testFiles('test').filter((file) => readerMarks.test(readFileSync(file, 'utf8')));

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two at a time on this two-core machine: many tests wait on a browser, LibreOffice or a child process.
    maxWorkers: 2,
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: readers } },
      { extends: true, test: { name: 'readers', include: readers } },
    ],
  },
});
