// Empties dist/ before a build, so a file moved or deleted in src/ leaves no stale copy behind that an
// import could still find (tsc only adds and overwrites).
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
