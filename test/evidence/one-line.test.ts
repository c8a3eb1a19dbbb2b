import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadForm } from '../../src/evidence/load.js';

const example = readFileSync(new URL('../../fixtures/forms/example.yaml', import.meta.url), 'utf8');

describe('one-line fields', () => {
  it('a line break inside the school’s name is an error at the name, not a split heading', () => {
    const text = example.replace(
      'name: St Mary’s Church of England Voluntary Aided Primary School',
      'name: "St Mary’s Church of England\\n\\nVoluntary Aided Primary School"',
    );
    const loaded = loadForm(text, 'visit.yaml');
    expect(loaded.form).toBeUndefined();
    const d = loaded.diagnostics.find((x) => x.path.join('.') === 'school.name');
    expect(d?.message).toMatch(/one line of text.*line break/);
    expect(d?.line).toBe(text.split('\n').findIndex((l) => l.includes('St Mary’s Church of England\\n')) + 1);
  });

  it('a line break in a narrative is fine: it separates paragraphs', () => {
    const text = example.replace(
      /teachingAndLearning: .*/,
      'teachingAndLearning: "Teaching is improving.\\n\\nSecond paragraph."',
    );
    expect(loadForm(text, 'visit.yaml').form?.findings?.teachingAndLearning).toContain('\n\nSecond paragraph.');
  });

  it('a block scalar’s trailing newline is not a line break (values are trimmed)', () => {
    const text = example.replace('  lastName: Hughes', '  lastName: |\n    Hughes');
    expect(loadForm(text, 'visit.yaml').form?.headteacher?.lastName).toBe('Hughes');
  });
});
