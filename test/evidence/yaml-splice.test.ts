/**
 * A field edit changes only that field's lines (issue 15 §1): on the commented form `init` writes,
 * random field edits leave every other line byte-identical, comments and commented examples included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { readFileSync } from 'node:fs';
import { initFormUrl } from '../../src/evidence/sample.js';
import { schemaKeyOrder } from '../../src/workflow/page-form-schema.js';
import { applyEdits, formData, type EditPath, type FieldEdit } from '../../src/evidence/yaml-edit.js';

const initForm = readFileSync(initFormUrl(), 'utf8');
const edit = (text: string, e: FieldEdit) => applyEdits(text, [e], 'yaml', schemaKeyOrder);

/** The lines `after` changed from `before`: what is left of `before` once the lines both share at the start and end are taken off. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { removed: a.slice(start, a.length - end), added: b.slice(start, b.length - end) };
}

/** How many lines the field at `path` spans in `text` (its key's line to its value's end); 0 when absent. */
function fieldLines(text: string, path: EditPath): number {
  const doc = parseDocument(text, { version: '1.2', schema: 'core' });
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  let from: Node | undefined;
  let to: Node | undefined;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last) as Pair<Node, Node> | undefined;
    from = pair?.key;
    to = pair?.value ?? pair?.key;
  } else if (isSeq(parent) && typeof last === 'number') from = to = parent.items[last] as Node | undefined;
  if (!from?.range || !to?.range) return 0;
  return text.slice(from.range[0], to.range[1]).replace(/\n$/, '').split('\n').length;
}

/** The line where the list at `path` starts. */
function listLine(text: string, path: EditPath): string {
  const node = parseDocument(text, { version: '1.2', schema: 'core' }).getIn(path, true) as Node | undefined;
  const at = node?.range?.[0] ?? 0;
  return text.slice(text.lastIndexOf('\n', at) + 1, text.indexOf('\n', at));
}

/** Every leaf (text, number, true/false) and list of the form, by path. */
function leaves(data: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (Array.isArray(data)) return [{ path, value: data }, ...data.flatMap((v, i) => leaves(v, [...path, i]))];
  if (data !== null && typeof data === 'object') {
    return Object.entries(data).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return path.length > 0 ? [{ path, value: data }] : [];
}

function setIn(data: unknown, path: EditPath, value: unknown): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  path.slice(0, -1).forEach((p) => (at = at[p] as Record<string | number, unknown>));
  const last = path[path.length - 1] as string | number;
  if (value === undefined) {
    if (Array.isArray(at)) at.splice(last as number, 1);
    else delete at[last];
  } else at[last] = value;
  return copy;
}

const typed = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    'Teaching is improving: pupils # know',
    '2014-03-13',
    '131234',
    'yes',
    "'quoted'",
    '[not a list]',
    'First paragraph.\n\nSecond: with a colon.',
    '- a dash',
    '',
  ),
);

describe('serve: a field edit changes only its own lines', () => {
  it('random edits on the commented init form keep every other line byte-identical', () => {
    const data = formData(initForm);
    const fields = leaves(data);
    const scalars = fields.filter((f) => !Array.isArray(f.value));
    const lists = fields.filter((f) => Array.isArray(f.value));
    const maps = fields
      .map((f) => f.path.slice(0, -1))
      .filter((p) => typeof p[p.length - 1] !== 'number')
      .filter((p, i, all) => all.findIndex((q) => JSON.stringify(q) === JSON.stringify(p)) === i)
      .filter((p) => {
        const at = p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], data);
        return at !== null && typeof at === 'object' && !Array.isArray(at);
      });
    const kind = fc.oneof(
      fc.record({ at: fc.constantFrom(...scalars), value: typed }).map(({ at, value }) => ({ path: at.path, value })),
      fc.constantFrom(...scalars).map((at) => ({ path: at.path, value: undefined })),
      fc.record({ at: fc.constantFrom(...lists), value: typed }).map(({ at, value }) => ({
        path: [...at.path, (at.value as unknown[]).length],
        value,
      })),
      fc
        .record({ at: fc.constantFrom(...maps), n: fc.nat(), value: typed })
        .map(({ at, n, value }) => {
          const missing = (schemaKeyOrder(at) ?? []).filter(
            (k) =>
              (formData(initForm) as Record<string, unknown>) &&
              !fields.some((f) => f.path.join('.') === [...at, k].join('.')),
          );
          return { path: [...at, missing[n % Math.max(1, missing.length)] ?? 'zzz'], value };
        })
        .filter(({ path }) => !fields.some((f) => f.path.join('.').startsWith(path.join('.')))),
    );
    fc.assert(
      fc.property(kind, ({ path, value }) => {
        const after = edit(initForm, { path, value });
        // It means what was asked…
        expect(formData(after)).toEqual(setIn(data, path, value));
        // …and only the field's own lines changed.
        const { removed } = changedLines(initForm, after);
        // (A list or group whose last item goes becomes `key: []`: its key's line is the field's too.)
        const holder = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], data);
        const emptied = value === undefined && Object.keys(holder as object).length === 1;
        // (An item added to a `[a, b]` list changes that list's line.)
        const flowList = Array.isArray(holder) && /\[[^\]\n]*\]/.test(listLine(initForm, path.slice(0, -1)));
        // (`- area: 3` removed: the item's next key moves up beside the dash, a line of the item's own.)
        const firstOfItem = value === undefined && typeof path[path.length - 2] === 'number';
        const span =
          emptied || flowList || firstOfItem ? fieldLines(initForm, path.slice(0, -1)) : fieldLines(initForm, path);
        expect(removed.length).toBeLessThanOrEqual(span);
        const comments = (text: string) => text.split('\n').filter((l) => l.trim().startsWith('#'));
        expect(comments(after)).toEqual(comments(initForm));
      }),
      { numRuns: 200 },
    );
  });

  it('adds headteacher.email on its own line: the comment blocks after it stay where they were', () => {
    const after = edit(initForm, { path: ['headteacher', 'email'], value: 'head@riverside.example' });
    expect(changedLines(initForm, after)).toEqual({ removed: [], added: ['  email: head@riverside.example'] });
  });

  it('adds a team inspector: the commented `# team:` example stays in place, and the new list is block style', () => {
    const withTeam = edit(initForm, { path: ['visit', 'team'], value: [{}] });
    const after = edit(withTeam, { path: ['visit', 'team', 0, 'name'], value: 'Tom Ndlovu' });
    expect(changedLines(initForm, after).removed).toEqual([]);
    expect(after).toContain('  # team:                            # any team inspectors');
    expect((formData(after) as { visit: { team: unknown } }).visit.team).toEqual([{ name: 'Tom Ndlovu' }]);
  });

  it('puts a removed section back where it was, and keeps the `# barriers:` hint', () => {
    const text = (formData(initForm) as { context: string }).context;
    const cleared = edit(initForm, { path: ['context'] });
    const again = edit(cleared, { path: ['context'], value: text });
    expect(again.search(/^context:/m)).toBeLessThan(again.search(/^judgement:/m));
    expect(again.search(/^context:/m)).toBeGreaterThan(again.search(/^evidence:/m));
    const barriers = edit(initForm, { path: ['findings', 'barriers'], value: 'Staff absence.' });
    expect(changedLines(initForm, barriers)).toEqual({ removed: [], added: ['  barriers: Staff absence.'] });
    expect(barriers).toContain('  # barriers: Anything that has held up improvement.\n');
  });

  it('refills an emptied section as block lines, never a one-line {…} map', () => {
    let text = initForm;
    for (const key of ['title', 'firstName', 'lastName']) text = edit(text, { path: ['headteacher', key] });
    text = edit(text, { path: ['headteacher', 'firstName'], value: 'Amira' });
    text = edit(text, { path: ['headteacher', 'lastName'], value: 'Khan' });
    expect(text).toMatch(/headteacher:\n {2}firstName: Amira\n {2}lastName: Khan\n/);
    expect(text).not.toMatch(/headteacher: \{/);
  });
});
