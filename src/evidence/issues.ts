/**
 * Turns zod's issues into diagnostics: a stable rule id, the path, a message
 * from the catalogue saying what was found and what would be valid, and the
 * position of the value (of the key, for an unknown key; of the parent
 * mapping's key, for a missing one).
 */
import type { z } from 'zod';
import type { Diagnostic, FormPath, Locate } from '../ground/diagnostics.js';
import { formatPath } from '../ground/diagnostics.js';
import { numberBound, schemaMessages, typeHint } from './messages.js';
import { describeSchema, enumValues, knownKeys, schemaAt } from './schema-path.js';
import { isoDatePattern, urnPattern } from './schema.js';
import { suggest } from '../ground/suggest.js';

/** Where the loader places diagnostics. */
export interface Locators {
  locate: Locate;
  locateKey: Locate;
  locateParent: Locate;
}

type Issue = z.core.$ZodIssue;

/** The value at `path` in plain data, and whether it is there at all. */
export function valueAt(data: unknown, path: FormPath): { found: boolean; value: unknown } {
  let current: unknown = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return { found: false, value: undefined };
    if (!Object.prototype.hasOwnProperty.call(current, part)) return { found: false, value: undefined };
    current = (current as Record<string | number, unknown>)[part];
  }
  return { found: true, value: current };
}

function place(d: Omit<Diagnostic, 'severity'>, locate: Locate, file: string | undefined): Diagnostic {
  const range = locate(d.path);
  const placed: Diagnostic = { severity: 'error', ...d };
  if (range) Object.assign(placed, range);
  if (file !== undefined) placed.file = file;
  return placed;
}

/** Every schema diagnostic for the data, in the order of the source. */
export function issueDiagnostics(
  issues: readonly Issue[],
  root: z.ZodType,
  data: unknown,
  locators: Locators,
  file?: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // A misspelt required key is reported once, as the unknown key with its suggestion.
  const suggested = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const allowed = knownKeys(schemaAt(root, issue.path as FormPath));
    for (const key of issue.keys) {
      const suggestion = suggest(key, allowed);
      if (suggestion !== undefined) suggested.add(formatPath([...(issue.path as FormPath), suggestion]));
      out.push(
        place(
          {
            message: schemaMessages.unrecognized_keys({
              key,
              parent: formatPath(issue.path as FormPath),
              allowed,
              ...(suggestion !== undefined ? { suggestion } : {}),
            }),
            path: [...(issue.path as FormPath), key],
            rule: 'schema/unknown-key',
          },
          locators.locateKey,
          file,
        ),
      );
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = issue.path as FormPath;
    const { found, value } = valueAt(data, path);
    if (!found && path.length > 0 && suggested.has(formatPath(path))) continue;
    out.push(convert(issue, path, found, value, root, locators, file));
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function convert(
  issue: Issue,
  path: FormPath,
  found: boolean,
  value: unknown,
  root: z.ZodType,
  locators: Locators,
  file: string | undefined,
): Diagnostic {
  const schema = schemaAt(root, path);
  const expected = describeSchema(schema).one;
  const at = (message: string, rule: string, locate: Locate = locators.locate): Diagnostic =>
    place({ message, path, rule }, locate, file);

  if (!found && path.length > 0) {
    const key = String(path[path.length - 1]);
    return at(
      schemaMessages.missing({ key, parent: formatPath(path.slice(0, -1)), expected }),
      'schema/missing-key',
      locators.locateParent,
    );
  }
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_union': {
      const hint = typeHint(expected, value);
      return at(
        schemaMessages.invalid_type({ expected, found: value, ...(hint !== undefined ? { hint } : {}) }),
        'schema/invalid-type',
      );
    }
    case 'invalid_value': {
      const values = enumValues(schema) ?? issue.values.map(String);
      const suggestion = typeof value === 'string' ? suggest(value, values) : undefined;
      return at(
        schemaMessages.invalid_value({ found: value, values, ...(suggestion !== undefined ? { suggestion } : {}) }),
        'schema/invalid-value',
      );
    }
    case 'invalid_format': {
      const pattern = 'pattern' in issue && typeof issue.pattern === 'string' ? issue.pattern : '';
      const rule = pattern.includes(isoDatePattern.source)
        ? 'schema/invalid-date'
        : pattern.includes(urnPattern.source)
          ? 'schema/invalid-urn'
          : 'schema/invalid-format';
      return at(schemaMessages.invalid_format({ found: value, expected: issue.message }), rule);
    }
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'number' || issue.origin === 'int') {
        const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const text = numberBound(issue.code, Number(bound), issue.inclusive ?? true);
        return at(schemaMessages[issue.code]({ found: value, expected: text }), 'schema/out-of-range');
      }
      const rule = typeof value === 'string' ? 'schema/empty-value' : 'schema/too-few';
      return at(schemaMessages[issue.code]({ found: value, expected: issue.message }), rule);
    }
    case 'custom': {
      if (typeof value === 'string' && isoDatePattern.test(value)) {
        return at(schemaMessages.invalid_date({ found: value }), 'schema/invalid-date');
      }
      return at(schemaMessages.custom({ found: value, expected: issue.message }), 'schema/invalid');
    }
    default:
      return at(schemaMessages.custom({ found: value, expected: `expected ${expected}` }), 'schema/invalid');
  }
}
