import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { editedText } from '../support/text-edits.js';
import { describe, it, expect } from 'vitest';
import { stringify } from 'yaml';
import type { Diagnostic } from '../../src/ground/diagnostics.js';
import { loadForm } from '../../src/evidence/load.js';
import { validateLoaded } from '../../src/workflow/validate.js';
import { englandBankHolidays } from '../../src/rules/holidays.js';

const exampleText = readFileSync(new URL('../../fixtures/forms/example.yaml', import.meta.url), 'utf8');
const example = loadForm(exampleText, 'example.yaml').form as unknown;
const holidays = englandBankHolidays();

type Path = Array<string | number>;

/** Every path in the example's data, so mutations can reach any value. */
function allPaths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...allPaths(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...allPaths(item, [...prefix, key]));
  }
  return out;
}
const paths = allPaths(example).filter((p) => p.length > 0);

/** Loads and validates like the `validate` command; returns every broken invariant (none expected). */
function problems(text: string, file: string): string[] {
  const loaded = loadForm(text, file);
  const diagnostics: Diagnostic[] = validateLoaded(loaded, file, { holidays });
  if (!Array.isArray(diagnostics)) return ['diagnostics is not an array'];
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split('\n');
  const out: string[] = [];
  for (const d of diagnostics) {
    const where = `${d.rule} at ${String(d.line)}:${String(d.column)}`;
    if (!['error', 'warning', 'info'].includes(d.severity)) out.push(`${where}: severity ${d.severity}`);
    if (d.message.length === 0) out.push(`${where}: no message`);
    if (!/^[a-z0-9-]+\/[a-z0-9-]+/.test(d.rule)) out.push(`${where}: rule id`);
    if (d.line === undefined || d.column === undefined) {
      out.push(`${where}: no position`);
      continue;
    }
    const line = lines[d.line - 1];
    if (line === undefined) out.push(`${where}: line outside the text (${lines.length} lines)`);
    else if (d.column < 1 || d.column > line.length + 1)
      out.push(`${where}: column outside line ${JSON.stringify(line)}`);
  }
  if (loaded.form === undefined && !diagnostics.some((d) => d.severity === 'error')) out.push('no form and no error');
  return out;
}

function check(text: string, file: string): void {
  expect(problems(text, file)).toEqual([]);
}

const randomValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2014-02-30', '2014-3-5', '1899-12-31', 'yes', 'requires improvement', '', '   ', '12345'),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);

const mutation = fc.record({
  path: fc.constantFrom(...paths),
  kind: fc.constantFrom('delete', 'replace', 'rename'),
  value: randomValue,
  name: fc.string({ minLength: 1, maxLength: 12 }),
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(data: unknown, m: Mutation): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const part of m.path.slice(0, -1)) {
    const next = parent[part];
    // An earlier mutation may have removed or replaced this part: nothing left to mutate.
    if (next === null || typeof next !== 'object') return copy;
    parent = next as Record<string | number, unknown>;
  }
  const last = m.path[m.path.length - 1] as string | number;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.kind === 'replace') {
    parent[last] = m.value;
  } else if (!Array.isArray(parent)) {
    parent[m.name] = parent[last];
    delete parent[last];
  }
  return copy;
}

// About 3,300 generated inputs in all; the machine may be busy, hence the generous timeout.
describe(
  'loading and validating never throws and always places its diagnostics inside the text',
  { timeout: 240_000 },
  () => {
    it('forms built from the example with mutations, as YAML and as JSON', () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (mutations, asJson) => {
          const data = mutations.reduce<unknown>((d, m) => mutate(d, m), example);
          const text = asJson ? JSON.stringify(data, null, 2) : stringify(data);
          check(text, asJson ? 'form.json' : 'form.yaml');
        }),
        { numRuns: 800 },
      );
    });

    it('the example text with characters inserted, deleted or replaced', () => {
      fc.assert(
        fc.property(editedText(exampleText, 4), (text) => check(text, 'form.yaml')),
        { numRuns: 1000 },
      );
    });

    it('random text, random bytes and random YAML-looking text', () => {
      const yamlish = fc
        .array(
          fc.constantFrom(
            'school',
            'urn',
            ':',
            ' ',
            '\n',
            '  ',
            '- ',
            '[',
            ']',
            '{',
            '}',
            ',',
            '"',
            '1',
            '2014-03-12',
            '&x',
            '*x',
            '?',
            '|',
            '>',
            '%YAML 1.1',
            '!!str',
            '\t',
          ),
          { maxLength: 40 },
        )
        .map((parts) => parts.join(''));
      const bytes = fc.uint8Array({ maxLength: 200 }).map((b) => new TextDecoder().decode(b));
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ unit: 'binary' }), bytes, yamlish),
          fc.constantFrom('x.yaml', 'x.json'),
          (text, file) => {
            check(text, file);
          },
        ),
        { numRuns: 1500 },
      );
    });
  },
);
