/** The rest of a form the schema refused: each refused value treated as missing, every other value kept. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadForm } from '../../src/evidence/load.js';

const example = readFileSync(new URL('../../fixtures/forms/example.yaml', import.meta.url), 'utf8');

function edited(from: string, to: string): string {
  const out = example.replace(from, to);
  if (out === example) throw new Error(`${from} not in the example`);
  return out;
}

describe('partial form', () => {
  it('leaves out a blank list item and a progress entry whose area is empty, keeping the rest', () => {
    const text = edited('    - the headteacher\n', '    - \n').replace('    - area: 2\n', '    - area:\n');
    const loaded = loadForm(text, 'g.yaml');
    expect(loaded.form).toBeUndefined();
    expect(loaded.diagnostics.map((d) => d.rule)).toEqual(['schema/invalid-type', 'schema/invalid-type']);
    const partial = loaded.partial!;
    expect(partial.form.evidence?.meetings?.[0]).toBe('the deputy headteacher and the leader for English');
    expect(partial.form.findings?.progress?.map((p) => p.area)).toEqual([1, 3]);
    expect(partial.form.school.urn).toBe('121190');
    // Paths in the partial form lead back to the source.
    expect(partial.sourcePath(['findings', 'progress', 1, 'progress'])).toEqual([
      'findings',
      'progress',
      2,
      'progress',
    ]);
    expect(partial.sourcePath(['evidence', 'meetings', 0])).toEqual(['evidence', 'meetings', 1]);
    // Each refused value's marker goes in its list.
    expect(partial.gaps).toEqual([
      { source: ['evidence', 'meetings', 0], at: ['evidence', 'meetings'] },
      { source: ['findings', 'progress', 1, 'area'], at: ['findings', 'progress'] },
    ]);
  });

  it('leaves out a mistyped optional value, and a mapping whose required text is blank', () => {
    const text = edited('judgement: effective', 'judgement: perhaps').replace('    name: Norfolk\n', '    name: ""\n');
    const partial = loadForm(text, 'g.yaml').partial!;
    expect(partial.form.judgement).toBeUndefined();
    expect(partial.form.school.localAuthority).toBeUndefined();
    expect(partial.explained).toContainEqual(['school', 'localAuthority']);
    expect(partial.form.school.name).toBe('St Mary’s Church of England Voluntary Aided Primary School');
  });

  it('blanks an area for improvement, so the areas keep their numbers', () => {
    const area = /areasForImprovement:\n {4}- [^\n]*\n/.exec(example)![0];
    const text = edited(area, 'areasForImprovement:\n    - 42\n');
    const partial = loadForm(text, 'g.yaml').partial!;
    expect(partial.form.inspection.areasForImprovement[0]).toBe('');
    expect(partial.form.inspection.areasForImprovement).toHaveLength(3);
  });

  it('blanks the lead inspector’s name: the form has nowhere else to put it', () => {
    const name = /inspector:\n {4}name: [^\n]*\n/.exec(example)![0];
    const partial = loadForm(edited(name, 'inspector:\n    name: [1, 2]\n'), 'g.yaml').partial!;
    expect(partial.form.visit.inspector.name).toBe('');
  });

  it('gives no partial form when a value the form cannot do without is refused', () => {
    expect(loadForm(edited('urn: 121190', 'urn: 12'), 'g.yaml').partial).toBeUndefined();
    expect(loadForm(edited('endDate: ', 'endDate: not a date #'), 'g.yaml').partial).toBeUndefined();
  });
});
