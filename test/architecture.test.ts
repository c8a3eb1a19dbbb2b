/**
 * The wall and the imports (README, "Architecture"): every import of every
 * file under src/ runs downwards through the floors, and each folder imports
 * only what its row of the table allows:
 *
 *   ground/        diagnostics, dates, names, history, io types: imports nothing above it
 *   evidence/      the form                        (no rule, no letter, …)
 *   register/      GIAS facts                      (no rule)
 *   rules/         checks, recipients, deadlines   (no letter, writer, distribution, workflow, front end)
 *   letter/        model and templates             (no writer)
 *   writers/       bytes of each format            (decide nothing: no rules; send nothing: no distribution)
 *   check-copy/    reading received letters
 *   distribution/  mail                            (no workflow, no front end)
 *   workflow/      one function per user action    (no front end)
 *   cli/, serve/   front ends: only workflow, the ground floor and their own presentation helpers
 *
 * Nothing imports a front end (one exception: the `serve` command starts the
 * page's server), and no files import each other in a circle.
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

/** Each module a file imports (static, dynamic, re-exported, type-only), as a path under src/ ending .ts. */
export function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((s) => relative(src, join(file, '..', s)).replace(/\.js$/, '.ts'));
}

/** The floors, lowest first; a file may import its own floor or any below it. */
const floors: Record<string, number> = {
  ground: 0,
  evidence: 1,
  register: 2,
  rules: 3,
  letter: 4,
  writers: 5,
  'check-copy': 5,
  distribution: 6,
  workflow: 7,
  cli: 8,
  serve: 8,
  'index.ts': 9,
};

/** What each folder may import besides itself, when narrower than "anything below". */
const allowed: Record<string, readonly string[]> = {
  ground: [],
  evidence: ['ground'],
  register: ['ground', 'evidence'],
  rules: ['ground', 'evidence', 'register'],
  letter: ['ground', 'evidence', 'register', 'rules'],
  writers: ['ground', 'letter'],
  'check-copy': ['ground', 'evidence', 'register', 'rules'],
  distribution: ['ground', 'evidence', 'register', 'rules', 'letter', 'writers'],
  cli: ['ground', 'workflow'],
  serve: ['ground', 'workflow'],
};

/** The one kind of import of a front end: the `serve` command opens the page servers. */
const exceptions = new Set([
  'cli/commands/serve.ts -> serve/server.ts',
  'cli/commands/serve.ts -> serve/workspace/folder.ts',
  'cli/commands/serve.ts -> serve/workspace/server.ts',
]);

function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.indexOf('/')) : path;
}

/** Every import that breaks the table, as "file -> target: why". */
export function brokenImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const broken: string[] = [];
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    for (const target of targets) {
      const to = folderOf(target);
      if (from === to || exceptions.has(`${file} -> ${target}`)) continue;
      const fromFloor = floors[from];
      const toFloor = floors[to];
      if (fromFloor === undefined) broken.push(`${file}: src/${from} has no floor in the table`);
      else if (toFloor === undefined) broken.push(`${file} -> ${target}: src/${to} has no floor in the table`);
      else if (toFloor >= fromFloor && !(from === 'index.ts'))
        broken.push(`${file} -> ${target}: runs up or across (${from} to ${to})`);
      else if (allowed[from] && !allowed[from]!.includes(to))
        broken.push(`${file} -> ${target}: ${from} may import only ${allowed[from]!.join(', ') || 'itself'}`);
    }
  }
  return broken;
}

/** Every circle of imports, each as the files in it. */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open') found.push(stack.slice(stack.indexOf(target)));
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

function srcGraph(): Map<string, string[]> {
  return new Map(files(src).map((file) => [relative(src, file), importsOf(file)]));
}

describe('the wall and the imports', () => {
  const graph = srcGraph();

  it('reads the imports of every folder in the table', () => {
    const folders = new Set([...graph.keys()].map(folderOf));
    expect([...folders].sort()).toEqual(Object.keys(floors).sort());
  });

  it('every import runs downwards and keeps to its folder’s row of the table', () => {
    const broken = brokenImports(graph).map((b) => b.slice(0, b.indexOf(':')));
    expect(broken).toEqual([]);
  });

  it('no files import each other in a circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('catches a planted import that breaks the table, and a planted circle', () => {
    const planted = new Map(graph);
    planted.set('rules/planted.ts', ['letter/model.ts']);
    planted.set('cli/commands/planted.ts', ['rules/recipients.ts']);
    planted.set('ground/planted.ts', ['workflow/draft.ts']);
    planted.set('writers/planted.ts', ['distribution/message.ts']);
    planted.set('workflow/planted-a.ts', ['workflow/planted-b.ts']);
    planted.set('workflow/planted-b.ts', ['workflow/planted-a.ts']);
    const broken = brokenImports(planted).filter((b) => b.includes('planted'));
    expect(broken.map((b) => b.slice(0, b.indexOf(':')))).toEqual([
      'rules/planted.ts -> letter/model.ts',
      'cli/commands/planted.ts -> rules/recipients.ts',
      'ground/planted.ts -> workflow/draft.ts',
      'writers/planted.ts -> distribution/message.ts',
    ]);
    expect(circles(planted)).toContainEqual(['workflow/planted-a.ts', 'workflow/planted-b.ts']);
  });

  it('reads static, dynamic, re-exported and type-only imports', () => {
    const text = [
      "import { a } from '../rules/a.js';",
      "import type { B } from '../letter/b.js';",
      "export { c } from './c.js';",
      "const d = await import('../writers/d.js');",
    ].join('\n');
    expect(importsOf(join(src, 'workflow', 'x.ts'), text)).toEqual([
      'rules/a.ts',
      'letter/b.ts',
      'workflow/c.ts',
      'writers/d.ts',
    ]);
  });

  it('only src/workflow/ composes the pipeline', () => {
    const composing = files(src)
      .filter((file) => readFileSync(file, 'utf8').includes('composeLetter('))
      .map((file) => relative(src, file));
    expect(composing.filter((file) => !file.startsWith('workflow/'))).toEqual([]);
  });
});
