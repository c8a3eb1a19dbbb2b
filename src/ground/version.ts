import { existsSync, readFileSync } from 'node:fs';

// package.json is two folders up from src/ground/version.ts and three up from dist/src/ground/version.js.
const packageJson = ['../../package.json', '../../../package.json']
  .map((path) => new URL(path, import.meta.url))
  .find(
    (url) =>
      existsSync(url) && (JSON.parse(readFileSync(url, 'utf8')) as { name?: string }).name === 'monitoring-letter',
  );

/** The package's version, read once from package.json. */
export const toolVersion: string = packageJson
  ? (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version
  : '0.0.0';

/** "monitoring-letter 0.1.0": recorded in every output (PITFALLS 8). */
export const generatorName = `monitoring-letter ${toolVersion}`;
