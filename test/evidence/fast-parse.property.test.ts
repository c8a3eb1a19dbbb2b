import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { editedText } from '../support/text-edits.js';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { generateForm } from '../../bench/generate-forms.js';
import { readValuesFast } from '../../src/evidence/fast-parse.js';
import { loadForm } from '../../src/evidence/load.js';
import { englandBankHolidays } from '../../src/rules/holidays.js';
import { validateLoaded } from '../../src/workflow/validate.js';

const holidays = englandBankHolidays();
const fixtures = new URL('../../fixtures/', import.meta.url);

/** Every form-like file under fixtures/ (forms, invalid forms, finalise drafts, contacts). */
function fixtureFiles(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const folder of readdirSync(fixtures)) {
    const dir = new URL(`${folder}/`, fixtures);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => /\.(ya?ml|json)$/.test(n) && !n.endsWith('.expected.json'))) {
      out.push({ name: `${folder}/${name}`, text: readFileSync(new URL(name, dir), 'latin1') });
    }
  }
  return out;
}

/** The fast way (positions only when asked) and the full way (positions always) give the same form and diagnostics. */
function expectSameBothWays(text: string, file: string): void {
  const fast = loadForm(text, file);
  const full = loadForm(text, file, { fast: false });
  expect(fast.form).toEqual(full.form);
  expect(fast.diagnostics).toEqual(full.diagnostics);
  expect(fast.text).toEqual(full.text);
  // The rules' findings are placed through `locate`: the same lines and columns either way.
  expect(validateLoaded(fast, file, { holidays })).toEqual(validateLoaded(full, file, { holidays }));
}

const example = readFileSync(new URL('forms/example.yaml', fixtures), 'utf8');

describe('reading a form fast, with positions only when a finding needs one', { timeout: 240_000 }, () => {
  it('takes the fast way for a valid form (the example, generated forms)', () => {
    expect(readValuesFast(example)).toBeDefined();
    expect(readValuesFast(stringify(generateForm(1, 3)))).toBeDefined();
  });

  it('gives the same values and diagnostics as the full way for every fixture', () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(40);
    for (const { name, text } of files) {
      const decoded = new TextDecoder().decode(Buffer.from(text, 'latin1'));
      expectSameBothWays(decoded, name);
    }
  });

  it('the same for generated forms with random text in their fields, as YAML and JSON', () => {
    const awkward = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom(
        "O'Brien",
        'D’Souza',
        ' *very* good',
        'a & b',
        '!important',
        '# not a comment',
        'key: value',
        '- item',
        '2014-03-12',
        'yes',
        '0x1F',
        '0o17',
        '1_000',
        '.inf',
        '~',
        'null',
        '"quoted"',
        '|',
        '>-',
        '%YAML',
        '\t tab',
        'line\nbreak',
        '  leading',
        'trailing  ',
        '\u2028',
      ),
    );
    fc.assert(
      fc.property(fc.nat(5000), awkward, awkward, fc.boolean(), (i, a, b, asJson) => {
        const form = generateForm(i, 11) as unknown as Record<string, Record<string, unknown>>;
        form.headteacher!.lastName = a;
        form.findings!.leadership = b;
        form.context = `${a} ${b}` as never;
        const text = asJson ? JSON.stringify(form, null, 2) : stringify(form);
        expectSameBothWays(text, asJson ? 'form.json' : 'form.yaml');
      }),
      { numRuns: 300 },
    );
  });

  it('the same for the example text with characters inserted, deleted or replaced', () => {
    fc.assert(
      fc.property(editedText(example, 3), (text) => expectSameBothWays(text, 'form.yaml')),
      { numRuns: 400 },
    );
  });
});
