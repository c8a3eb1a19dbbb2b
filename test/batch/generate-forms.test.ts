import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generateForm } from '../../bench/generate-forms.js';
import { form } from '../../src/evidence/schema.js';
import { prepareTemplates } from '../../src/letter/templates.js';
import { englandBankHolidays } from '../../src/rules/holidays.js';
import { draftLetter } from '../../src/workflow/draft.js';
import { loadAndValidateText } from '../../src/workflow/load.js';

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

  it('generates complete forms: every letter is made with no gap, no error and no warning (the path the bench times)', async () => {
    const templates = prepareTemplates();
    const holidays = englandBankHolidays();
    const names = new Set<string>();
    for (let i = 0; i < 150; i += 1) {
      const load = await loadAndValidateText(stringify(generateForm(i, 42)), `form-${i}.yaml`, { cwd: '/' });
      expect(load.diagnostics.map((d) => d.message)).toEqual([]);
      if (!load.ok) throw new Error(`form ${i} did not load`);
      // The PDF too: every name the generator writes is one the letter's font can draw.
      const outcome = await draftLetter(
        { form: load.form },
        { status: 'draft', formats: ['pdf'], templates, holidays },
      );
      expect(outcome.diagnostics.map((d) => `${d.severity} ${d.message}`)).toEqual([]);
      expect(outcome.ok && outcome.gaps).toEqual([]);
      names.add(`${load.form.headteacher?.firstName} ${load.form.headteacher?.lastName}`);
    }
    // Realistic names: accents, apostrophes and long names all occur.
    const all = [...names].join('|');
    expect(all).toMatch(/[À-ž]/);
    expect(all).toMatch(/['’]/);
    expect([...names].some((n) => n.length >= 30)).toBe(true);
  });

  it('is repeatable for a seed', () => {
    expect(generateForm(3, 9)).toEqual(generateForm(3, 9));
    expect(generateForm(3, 9)).not.toEqual(generateForm(3, 10));
  });
});
