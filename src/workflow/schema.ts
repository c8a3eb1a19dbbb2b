/** `schema` as one workflow step: the JSON Schema editors check a form against, generated from the form's zod schema. */
import { evidenceFormJsonSchemaText } from '../evidence/json-schema.js';

/** The evidence form's JSON Schema, as text. */
export function formSchemaText(): string {
  return evidenceFormJsonSchemaText();
}
