import { readFileSync } from 'node:fs';

/** The package's version, read once from package.json. */
export const toolVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** "monitoring-letter 0.1.0": recorded in every output (PITFALLS 8). */
export const generatorName = `monitoring-letter ${toolVersion}`;
