/**
 * Reads the zod schema as data: which schema sits at a path in the form, which
 * keys a mapping allows, and how to describe what a value should be
 * ("a list of text", "a date written YYYY-MM-DD"). Used to word diagnostics.
 */
import type { z } from 'zod';
import type { FormPath } from '../ground/diagnostics.js';
import { isoDatePattern, urnPattern } from './schema.js';

/** The parts of a zod 4 definition this module reads. */
interface Definition {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: Array<{ _zod: { def: { check?: string; format?: string; pattern?: RegExp } } }>;
}

function definition(schema: z.ZodType): Definition {
  return (schema as unknown as { _zod: { def: Definition } })._zod.def;
}

const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema with optional/default wrappers taken off. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let i = 0; i < 20; i += 1) {
    const def = definition(current);
    if (wrappers.has(def.type) && def.innerType) current = def.innerType;
    else break;
  }
  return current;
}

/** The schema describing the value at `path`, or undefined when the path leaves the schema. */
export function schemaAt(root: z.ZodType, path: FormPath): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const part of path) {
    if (!current) return undefined;
    const def = definition(unwrap(current));
    // Own keys only: a key named `constructor` or `toString` is unknown, not Object's.
    if (def.type === 'object' && typeof part === 'string') current = ownField(def.shape, part);
    else if (def.type === 'array' && typeof part === 'number') current = def.element;
    else return undefined;
  }
  return current;
}

function ownField(shape: Record<string, z.ZodType> | undefined, key: string): z.ZodType | undefined {
  return shape !== undefined && Object.hasOwn(shape, key) ? shape[key] : undefined;
}

/** The keys a mapping schema allows, in the schema's order ([] when it is not a mapping). */
export function knownKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = definition(unwrap(schema));
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** The keys a mapping schema requires. */
export function requiredKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = definition(unwrap(schema));
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape)
    .filter(([, value]) => definition(value).type !== 'optional')
    .map(([key]) => key);
}

/** The values an enum schema allows, or undefined. */
export function enumValues(schema: z.ZodType | undefined): string[] | undefined {
  if (!schema) return undefined;
  const def = definition(unwrap(schema));
  if (def.type === 'enum' && def.entries) return Object.values(def.entries).map(String);
  if (def.type === 'literal' && def.values) return def.values.map(String);
  return undefined;
}

/** How to say what a value should be, for one value and for the items of a list. */
export interface Expectation {
  one: string;
  many: string;
}

function stringExpectation(def: Definition): Expectation {
  for (const check of def.checks ?? []) {
    const pattern = check._zod.def.pattern?.source;
    if (pattern === isoDatePattern.source)
      return { one: 'a date written YYYY-MM-DD', many: 'dates written YYYY-MM-DD' };
    if (pattern === urnPattern.source) return { one: 'a URN (six digits)', many: 'URNs' };
    if (check._zod.def.format === 'email') return { one: 'an e-mail address', many: 'e-mail addresses' };
  }
  return { one: 'text', many: 'text' };
}

/** Describes what the schema accepts, in the words of the form's user. */
export function describeSchema(schema: z.ZodType | undefined, depth = 0): Expectation {
  if (!schema || depth > 8) return { one: 'a value', many: 'values' };
  const def = definition(unwrap(schema));
  switch (def.type) {
    case 'string':
      return stringExpectation(def);
    case 'number':
      return { one: 'a number', many: 'numbers' };
    case 'boolean':
      return { one: 'true or false', many: 'true or false values' };
    case 'enum':
    case 'literal': {
      const values = (enumValues(schema) ?? []).join(', ');
      return { one: `one of: ${values}`, many: `values from: ${values}` };
    }
    case 'array': {
      const item = def.element ? describeSchema(def.element, depth + 1) : { one: 'a value', many: 'values' };
      return { one: `a list of ${item.many}`, many: `lists of ${item.many}` };
    }
    case 'object': {
      const keys = knownKeys(schema);
      const shown = keys
        .filter((k) => k !== '$schema')
        .slice(0, 4)
        .map((k) => `\`${k}\``)
        .join(', ');
      const more = keys.length > 4 ? ', …' : '';
      return { one: `a mapping (with keys such as ${shown}${more})`, many: `mappings (keys ${shown}${more})` };
    }
    case 'pipe': {
      // Describe a transform by what it produces when that is a known format (the URN), else by what it takes.
      const out = def.out ? describeSchema(def.out, depth + 1) : undefined;
      if (out && out.one !== 'text') return out;
      return def.in ? describeSchema(def.in, depth + 1) : { one: 'a value', many: 'values' };
    }
    case 'union': {
      const parts = (def.options ?? []).map((o) => describeSchema(o, depth + 1));
      return { one: parts.map((p) => p.one).join(' or '), many: parts.map((p) => p.many).join(' or ') };
    }
    default:
      return { one: 'a value', many: 'values' };
  }
}
