// The build's stamp: a SHA-256 of everything `npm run build` reads (sources, build scripts, templates,
// TypeScript settings, the lockfile). `npm run build` writes it into dist/ last; the tests' global setup
// (test/support/global-setup.ts) rebuilds only when dist/ has no stamp or another one, so the tests never
// run a stale build and never pay for a build that is already there.
//   node scripts/build-stamp.mjs --write   records the stamp of the tree as it is now
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const inputs = ['src', 'bench', 'scripts', 'templates', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function files(path) {
  if (!existsSync(path)) return [];
  const entries = readdirSync(path, { withFileTypes: true });
  return entries.flatMap((entry) => {
    const full = join(path, entry.name);
    return entry.isDirectory() ? files(full) : entry.isFile() ? [full] : [];
  });
}

/** The stamp of the tree at `root` as it is now. */
export function buildStamp(root) {
  const hash = createHash('sha256');
  for (const input of inputs) {
    const path = join(root, input);
    const list = existsSync(path) && !input.includes('.') ? files(path).sort() : existsSync(path) ? [path] : [];
    for (const file of list)
      hash
        .update(`${relative(root, file)}\0`)
        .update(readFileSync(file))
        .update('\0');
  }
  return hash.digest('hex');
}

export const stampPath = (root) => join(root, 'dist', '.build-stamp');

/** Whether dist/ was built from the tree as it is now. */
export const builtFromHere = (root) =>
  existsSync(stampPath(root)) && readFileSync(stampPath(root), 'utf8') === buildStamp(root);

if (process.argv[2] === '--write') {
  const root = fileURLToPath(new URL('..', import.meta.url));
  writeFileSync(stampPath(root), buildStamp(root));
}
