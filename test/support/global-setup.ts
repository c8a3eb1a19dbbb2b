import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildStamp, builtFromHere, stampPath } from '../../scripts/build-stamp.mjs';

/**
 * Builds dist/ before the tests when it was not built from the tree as it is now (scripts/build-stamp.mjs),
 * so tests that run the real CLI as a child process (or worker threads, which need compiled JavaScript) use
 * the code under test, never a stale build: tsc's output for the library and worker threads, the precompiled
 * templates, then the command-line bundle in dist/cli/ (scripts/bundle.mjs). A build that is already there
 * (`npm install` builds) is not paid for twice.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (builtFromHere(root)) return;
  execFileSync(process.execPath, ['scripts/clean-dist.mjs'], { cwd: root, stdio: 'pipe' });
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch (error) {
    // Type errors are reported by `npm run typecheck`; tsc still emits the JavaScript.
    const out = (error as { stdout?: Buffer }).stdout?.toString() ?? '';
    process.stderr.write(`global-setup: tsc reported problems (emitted anyway):\n${out.slice(0, 2000)}\n`);
  }
  for (const script of ['scripts/precompile-templates.mjs', 'scripts/bundle.mjs']) {
    execFileSync(process.execPath, [script], { cwd: root, stdio: 'pipe' });
  }
  writeFileSync(stampPath(root), buildStamp(root));
}
