/**
 * The property behind "a refused value is a gap, not a cascade": on any valid fixture, one leaf blanked
 * or given a value of the wrong type is reported by the schema, nothing crashes, and every other check
 * finds exactly what it finds when that value is simply missing from the form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadForm } from '../../src/evidence/load.js';
import { formatPath, type Diagnostic, type FormPath } from '../../src/ground/diagnostics.js';
import { englandBankHolidays } from '../../src/rules/holidays.js';
import { validateLoaded } from '../../src/workflow/validate.js';
import { draftInput, draftLetter } from '../../src/workflow/draft.js';
import { loadAndValidateText } from '../../src/workflow/load.js';
import { prepareTemplates } from '../../src/letter/templates.js';
import { repoRoot } from '../support/fake-io.js';

const holidays = englandBankHolidays();
const folder = join(repoRoot, 'fixtures/forms');
const fixtures = readdirSync(folder)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ name, data: parse(readFileSync(join(folder, name), 'utf8')) as unknown }));

type Path = (string | number)[];

/** Every path to a scalar (text, number, true or false) in the data. */
function leaves(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...prefix, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...prefix, key]));
  }
  return prefix[0] === '$schema' ? [] : [prefix];
}

const cases = fixtures.flatMap(({ name, data }) => leaves(data).map((path) => ({ name, data, path })));

/** A value of the wrong type for what is there: text for a number or a flag, a number or a mapping for text. */
function retyped(value: unknown, choice: number): unknown {
  if (typeof value === 'string') return choice % 2 === 0 ? 42 : { text: value };
  if (typeof value === 'number') return 'twelve';
  return 'yes, probably';
}

function edited(
  data: unknown,
  path: Path,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
) {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let parent = copy;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  change(parent, path[path.length - 1]!);
  return copy;
}

/** What validate finds, and whether the checks beyond the schema ran (on the form, or on the rest of it). */
function validate(data: unknown): { diagnostics: Diagnostic[]; explained: FormPath[]; checked: boolean } {
  const loaded = loadForm(stringify(data), 'form.yaml');
  return {
    diagnostics: validateLoaded(loaded, 'form.yaml', { holidays }),
    explained: loaded.partial?.explained ?? [],
    checked: loaded.form !== undefined || loaded.partial !== undefined,
  };
}

const findingKeys = (diagnostics: Diagnostic[], leave: Set<string>, shift: (path: FormPath) => FormPath): string[] =>
  diagnostics
    .filter((d) => !d.rule.startsWith('schema/'))
    .map((d) => ({ ...d, path: shift(d.path) }))
    .filter((d) => !leave.has(formatPath(d.path)))
    .map((d) => `${d.rule} ${'code' in d ? String(d.code) : ''} ${formatPath(d.path)} ${d.severity}`)
    .sort();

const numberedLists = ['inspection.areasForImprovement', 'visit.previous.priorities'];

describe('a refused value is checked as if it were missing', { timeout: 240_000 }, () => {
  it('one leaf blanked or retyped: the schema names it, nothing crashes, the rest finds what a missing value finds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.integer({ min: 0, max: 2 }), ({ name, data, path }, choice) => {
        const broken = edited(data, path, (parent, key) => {
          parent[key] = choice === 0 ? null : retyped(parent[key], choice);
        });
        const refused = validate(broken);
        const here = formatPath(path);
        // The schema reports the value itself (or, for a value its mapping cannot be without, somewhere above it).
        const schema = refused.diagnostics.filter((d) => d.rule.startsWith('schema/'));
        expect(schema.length).toBeGreaterThan(0);
        expect(schema.some((d) => here.startsWith(formatPath(d.path)))).toBe(true);

        // The same form with the value missing: the key left out, or the list item taken out.
        const listPath = path.slice(0, -1);
        const index = path[path.length - 1];
        const inList = typeof index === 'number';
        if (inList && numberedLists.includes(listPath.join('.'))) return; // taking one out renumbers the rest
        const missing = validate(
          edited(data, path, (parent, key) => {
            if (Array.isArray(parent)) parent.splice(Number(key), 1);
            else delete parent[key];
          }),
        );
        // Only a value the form cannot do without (the URN, a visit date…) stops the checks, refused or missing.
        expect(refused.checked, `checks ran with ${here} refused`).toBe(missing.checked);
        if (!refused.checked) return;
        // Findings after a taken-out item point one further on in the source.
        const shift = (p: FormPath): FormPath => {
          if (!inList || p.length <= listPath.length) return p;
          if (formatPath(p.slice(0, listPath.length)) !== formatPath(listPath)) return p;
          const at = p[listPath.length];
          return typeof at === 'number' && at >= index ? [...listPath, at + 1, ...p.slice(listPath.length + 1)] : p;
        };
        // Where the refusal stands, it speaks alone; everywhere else the two agree.
        const leave = new Set([here, ...refused.explained.map(formatPath), ...schema.map((d) => formatPath(d.path))]);
        expect(
          findingKeys(refused.diagnostics, leave, (p) => p),
          `${name}: ${here} refused`,
        ).toEqual(findingKeys(missing.diagnostics, leave, shift));
      }),
      { numRuns: 400 },
    );
  });
});

describe('a draft from a form with a refused value', { timeout: 240_000 }, () => {
  const templates = prepareTemplates();
  it('renders, never crashes or prints "undefined", and a marker is not reported again as a missing item', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases),
        fc.integer({ min: 0, max: 2 }),
        async ({ name, data, path }, choice) => {
          const broken = edited(data, path, (parent, key) => {
            parent[key] = choice === 0 ? null : retyped(parent[key], choice);
          });
          const load = await loadAndValidateText(stringify(broken), 'form.yaml', { cwd: repoRoot });
          const input = draftInput(load);
          if (!input) return;
          const made = await draftLetter(input, { status: 'draft', formats: ['md'], templates, holidays });
          expect(made.ok, `${name}: ${formatPath(path)}`).toBe(true);
          if (!made.ok) return;
          const md = String(made.files[0]?.content);
          expect(md).not.toMatch(/undefined|\[object Object\]/);
          // The schema's error is the finding for a refused value's marker; no "letter needs" finding repeats it.
          for (const gap of made.letter.model.gaps.filter((g) => g.refused)) {
            expect(
              made.diagnostics.some(
                (d) => d.rule === 'letter/missing-item' && formatPath(d.path) === formatPath(gap.path),
              ),
            ).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
