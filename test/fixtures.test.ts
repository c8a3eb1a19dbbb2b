/**
 * Every bundled evidence form parses, passes the schema and gives exactly the
 * domain-check diagnostics listed for it here (most are clean).
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { formatPath } from '../src/ground/diagnostics.js';
import { form as formSchema } from '../src/evidence/schema.js';
import { arrangementsForDates } from '../src/rules/arrangements.js';
import { checkForm } from '../src/rules/check-form.js';
import { englandBankHolidays } from '../src/rules/holidays.js';

const folder = new URL('../fixtures/forms/', import.meta.url);
const firstLine = '# yaml-language-server: $schema=../../schema/evidence-form.schema.json';

/** Each fixture's expected diagnostics, as `rule severity path`, in the order checkForm reports them. */
const expected: Record<string, string[]> = {
  'example.yaml': [],
  'community-primary.yaml': [],
  'voluntary-aided-primary.yaml': [],
  'voluntary-controlled-primary.yaml': [],
  'foundation-school-trust.yaml': [],
  'academy-converter-sixth-form.yaml': [],
  'academy-sponsor-led.yaml': [],
  'free-school.yaml': [],
  'community-special.yaml': [],
  'interim-executive-board.yaml': [],
  'boarding-school.yaml': ['para-4/boarding info school.boarding'],
  'subsequent-visit-not-effective.yaml': [
    'para-22/additional-priorities info priorities',
    'para-15/serious-concerns info seriousConcerns',
  ],
  'section-117-visit.yaml': [],
  'visit-2013-arrangements.yaml': [],
  'joint-faith-voluntary-aided.yaml': [],
  'support-contractor.yaml': [],
  'management-board-academy.yaml': [],
  'draft-during-visit.yaml': [
    'para-2/visit-window warning visit.dates[0]',
    'para-16/completeness error judgement',
    'para-16/completeness error actions',
    'para-16/completeness error findings.governance',
    'para-16/completeness error findings.progress',
    'para-16/completeness error externalSupport',
    'para-16/completeness warning priorities',
  ],
};

const files = readdirSync(folder)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

function load(name: string) {
  const text = readFileSync(new URL(name, folder), 'utf8');
  return { text, result: formSchema.safeParse(parse(text)) };
}

describe('bundled evidence forms (fixtures/forms)', () => {
  it('every fixture has its expected diagnostics listed, and every listed fixture exists', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it('there are at least 12 fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  for (const name of files) {
    describe(name, () => {
      it('starts with the line that points editors at the JSON Schema', () => {
        expect(load(name).text.split('\n')[0]).toBe(firstLine);
      });

      it('parses and passes the schema', () => {
        const { result } = load(name);
        expect(result.success ? [] : result.error.issues).toEqual([]);
      });

      it(`gives exactly the expected diagnostics (${(expected[name] ?? []).length})`, () => {
        const { result } = load(name);
        if (!result.success) throw new Error(`${name} does not pass the schema`);
        const found = checkForm(result.data, { holidays: englandBankHolidays() });
        expect(found.map((d) => `${d.rule} ${d.severity} ${formatPath(d.path)}`)).toEqual(expected[name]);
      });
    });
  }
});

describe('what the fixtures cover', () => {
  const forms = files.map((name) => {
    const { result } = load(name);
    if (!result.success) throw new Error(`${name} does not pass the schema`);
    return result.data;
  });
  const types = new Set(forms.map((f) => f.school.type));

  it('covers the kinds of school the issue lists', () => {
    for (const type of [
      'community',
      'voluntary-aided',
      'voluntary-controlled',
      'foundation',
      'academy-converter',
      'academy-sponsor-led',
      'free-school',
      'community-special',
    ]) {
      expect(types).toContain(type);
    }
  });

  it('covers an interim executive board, a Management Board, boarding, a support contractor and two dioceses', () => {
    expect(forms.some((f) => f.school.governance?.body === 'interim-executive-board')).toBe(true);
    expect(forms.some((f) => f.school.governance?.name === 'Management Board')).toBe(true);
    expect(forms.some((f) => f.school.boarding === true)).toBe(true);
    expect(forms.some((f) => f.school.supportContractor !== undefined)).toBe(true);
    expect(forms.some((f) => (f.school.dioceses ?? []).length === 2)).toBe(true);
  });

  it('paras 21, 26: covers a subsequent visit judged not effective and a section 117 visit', () => {
    expect(forms.some((f) => (f.visit.number ?? 1) > 1 && f.judgement === 'not-effective')).toBe(true);
    expect(forms.some((f) => f.visit.act === 'section-117')).toBe(true);
  });

  it('2012 arrangements: covers a visit judged by the 2012 rules', () => {
    expect(forms.some((f) => arrangementsForDates(f.visit.dates).id === '2012')).toBe(true);
  });

  it('uses names with accents', () => {
    const text = files.map((name) => load(name).text).join('\n');
    for (const letter of ['ë', 'â', 'Ł', 'Ó', 'á']) expect(text).toContain(letter);
  });
});
