import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generateForm } from '../../bench/generate-forms.js';
import { form } from '../../src/evidence/schema.js';

describe('benchmark form generator', () => {
  it('generates forms that pass the schema, varied in kind of school', () => {
    const types = new Set<string>();
    for (let i = 0; i < 300; i += 1) {
      const generated = parse(stringify(generateForm(i, 7))) as unknown;
      const result = form.safeParse(generated);
      expect(result.error?.issues ?? []).toEqual([]);
      if (result.success && result.data.school.type) types.add(result.data.school.type);
    }
    expect(types.size).toBeGreaterThanOrEqual(6);
  });

  it('is repeatable for a seed', () => {
    expect(generateForm(3, 9)).toEqual(generateForm(3, 9));
    expect(generateForm(3, 9)).not.toEqual(generateForm(3, 10));
  });
});
