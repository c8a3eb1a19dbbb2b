/**
 * The layers' import rule: the form (src/evidence), the register
 * (src/register) and the writers (src/writers) import nothing from the rules,
 * the command line or the workflow; only src/workflow/ composes the pipeline
 * for the commands.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/fake-io.js';

const src = join(repoRoot, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

/** Each module a file imports (static or dynamic), as a path under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((s) => relative(src, join(file, '..', s)));
}

describe('import rule', () => {
  for (const layer of ['evidence', 'register', 'writers']) {
    it(`src/${layer}/ imports nothing from src/rules, src/cli or src/workflow`, () => {
      const broken = files(join(src, layer)).flatMap((file) =>
        importsOf(file)
          .filter((target) => /^(rules|cli|workflow)\//.test(target))
          .map((target) => `${relative(src, file)} imports ${target}`),
      );
      expect(broken).toEqual([]);
    });
  }

  it('only src/workflow/ (and the batch worker it runs in) composes the pipeline; commands call the workflow', () => {
    const composing = files(src)
      .filter((file) => readFileSync(file, 'utf8').includes('composeLetter('))
      .map((file) => relative(src, file))
      .sort();
    expect(composing.every((file) => file === 'pipeline.ts' || file.startsWith('workflow/'))).toBe(true);
    const commands = files(join(src, 'cli', 'commands')).filter((file) =>
      /from '\.\.\/\.\.\/pipeline\.js'/.test(readFileSync(file, 'utf8')),
    );
    expect(commands.map((file) => relative(src, file))).toEqual([]);
  });
});
