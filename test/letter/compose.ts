/** Test helper: a fixture form, composed into a letter with the bundled (or given) templates. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { form as formSchema, type EvidenceForm } from '../../src/evidence/schema.js';
import { prepareTemplates, type PreparedTemplates } from '../../src/letter/templates.js';
import { composeLetter, type ComposedLetter } from '../../src/workflow/pipeline.js';
import { englandBankHolidays } from '../../src/rules/holidays.js';

export const fixturesDir = new URL('../../fixtures/forms/', import.meta.url);

export function fixture(name: string): EvidenceForm {
  return formSchema.parse(parse(readFileSync(new URL(`${name}.yaml`, fixturesDir), 'utf8')));
}

const holidays = englandBankHolidays();

export function compose(
  form: EvidenceForm,
  status: 'draft' | 'final' = 'draft',
  templates: PreparedTemplates = prepareTemplates(),
): ComposedLetter {
  return composeLetter(form, { status, templates, holidays, toolVersion: '0.0.0-test' });
}
