#!/usr/bin/env node
// `npm test`: the type-check, then every test, whatever the type-check said, ending with one line
// `N passed, N failed, N skipped` for the whole run (a failed type-check counts as one failure).
// Arguments are passed to vitest (`npm test -- -u`, `npm test -- test/cli`).
import { spawn, spawnSync } from 'node:child_process';

const typecheck = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], {
  stdio: 'inherit',
});
if (typecheck.status !== 0) process.stdout.write('\ntype-check failed (above); running the tests anyway\n');

// The summary reporter (test/support/summary-reporter.ts) prints vitest's own count; it is held back and
// printed once, last, with the type-check added.
const summary = /^(\d+) passed, (\d+) failed, (\d+) skipped$/;
let counts;
let pending = '';
const vitest = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], {
  stdio: ['inherit', 'pipe', 'inherit'],
});
vitest.stdout.setEncoding('utf8');
vitest.stdout.on('data', (chunk) => {
  const lines = (pending + chunk).split('\n');
  pending = lines.pop();
  for (const line of lines) {
    const found = summary.exec(line);
    if (found) counts = found.slice(1).map(Number);
    else process.stdout.write(`${line}\n`);
  }
});
const status = await new Promise((resolve) => vitest.on('close', (code) => resolve(code ?? 1)));
if (pending) process.stdout.write(pending);
if (!counts) process.stdout.write('\nvitest ended without its summary line (see above): counted as one failure\n');
const [passed, failed, skipped] = counts ?? [0, 1, 0];
const total = failed + (typecheck.status === 0 ? 0 : 1);
process.stdout.write(`\n${passed} passed, ${total} failed, ${skipped} skipped\n`);
process.exit(typecheck.status === 0 && status === 0 ? 0 : 1);
