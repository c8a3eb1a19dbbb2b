/**
 * The JSON Schema editors use to check a form as it is typed, generated from
 * the zod schema (never written by hand). schema/evidence-form.schema.json is
 * this, committed; a test fails when it is out of date.
 */
import { z } from 'zod';
import { form } from './schema.js';

/** Where the committed copy lives, relative to the package root. */
export const jsonSchemaFile = 'schema/evidence-form.schema.json';

let cached: Record<string, unknown> | undefined;

/** The evidence form's JSON Schema (draft-07, the input side of the zod schema), built once per process. */
export function evidenceFormJsonSchema(): Record<string, unknown> {
  cached ??= {
    ...z.toJSONSchema(form, { io: 'input', target: 'draft-7', unrepresentable: 'any' }),
    title: 'Monitoring inspection evidence form',
    description:
      'One requires-improvement monitoring visit: the school, the section 5 inspection, the visit, the evidence and the findings. Generated from the zod schema of monitoring-letter.',
  };
  return cached;
}

/** The schema as the committed file holds it: two-space JSON and a final newline. */
export function evidenceFormJsonSchemaText(): string {
  return `${JSON.stringify(evidenceFormJsonSchema(), null, 2)}\n`;
}
