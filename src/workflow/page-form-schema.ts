/**
 * The schema the page builds its fields from: the form's JSON Schema (the one
 * editors use), with each text field that may hold paragraphs marked
 * `x-multiline`, so the page offers a text area there and a one-line box for
 * names, found by asking the zod schema itself rather than a list kept by hand.
 */
import type { z } from 'zod';
import { evidenceFormJsonSchema } from '../evidence/json-schema.js';
import { form } from '../evidence/schema.js';

type JsonSchema = Record<string, unknown> & {
  type?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
};

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** The schema under optional(), default(), pipes and the like. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) break;
    current = inner;
  }
  return current;
}

const paragraphs = 'First paragraph.\n\nSecond paragraph.';

function annotate(json: JsonSchema, zod: z.ZodType): JsonSchema {
  const schema = unwrap(zod);
  const def = defOf(schema);
  if (json.type === 'object' && json.properties && def.shape) {
    const properties: Record<string, JsonSchema> = {};
    for (const [key, value] of Object.entries(json.properties)) {
      const inner = def.shape[key];
      properties[key] = inner ? annotate(value, inner) : value;
    }
    return { ...json, properties };
  }
  if (json.type === 'array' && json.items && def.element) return { ...json, items: annotate(json.items, def.element) };
  if (json.type === 'string' && def.type === 'string' && schema.safeParse(paragraphs).success) {
    return { ...json, 'x-multiline': true };
  }
  return json;
}

let cached: JsonSchema | undefined;

/** The form's JSON Schema with text areas marked, built once per process. */
export function pageFormSchema(): JsonSchema {
  cached ??= annotate(evidenceFormJsonSchema() as JsonSchema, form as unknown as z.ZodType);
  return cached;
}

/** The keys of the form's mapping at `path` (list indexes skipped) in the schema's order: where a new key goes. */
export function schemaKeyOrder(path: ReadonlyArray<string | number>): readonly string[] | undefined {
  let schema: JsonSchema | undefined = pageFormSchema();
  for (const part of path) {
    if (!schema) return undefined;
    schema = typeof part === 'number' ? schema.items : schema.properties?.[part];
  }
  return schema?.properties ? Object.keys(schema.properties) : undefined;
}
