import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { evidenceFormJsonSchema, jsonSchemaFile } from '../../src/evidence/json-schema.js';

const root = new URL('../../', import.meta.url);

describe('the JSON Schema for editors', () => {
  it(`${jsonSchemaFile} is up to date with the zod schema (regenerate: node dist/cli/bin.js schema > ${jsonSchemaFile})`, () => {
    const committed = JSON.parse(readFileSync(new URL(jsonSchemaFile, root), 'utf8')) as unknown;
    expect(committed).toEqual(evidenceFormJsonSchema());
  });

  it('describes the input side: a URN may be written as a number or as text, and unknown keys are refused', () => {
    const schema = evidenceFormJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: { school: { properties: { urn: { type: string[] } } } };
    };
    expect(schema.properties.school.properties.urn.type).toEqual(['string', 'number']);
    expect(schema.required).toEqual(expect.arrayContaining(['school', 'inspection', 'visit']));
    expect(schema.additionalProperties).toBe(false);
  });

  it('the init template and the example point editors at the schema on their first line', () => {
    for (const file of ['templates/init-form.yaml', 'fixtures/forms/example.yaml']) {
      const first = readFileSync(new URL(file, root), 'utf8').split('\n')[0];
      expect(first).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+schema\/evidence-form\.schema\.json$/);
    }
  });
});
