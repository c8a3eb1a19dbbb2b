/**
 * A character the PDF font cannot draw, as a diagnostic placed on the form
 * field that holds it: the writer knows the words around it, the form knows
 * the line. Used by every caller of the PDF writer (draft, finalise, batch).
 */
import type { Diagnostic, FormPath, Locate } from '../ground/diagnostics.js';
import type { MissingGlyphError } from './pdf/index.js';

/** The paths of every text value in a form (depth first, in key order) that contains `needle`. */
export function findTextInForm(value: unknown, needle: string, path: FormPath = []): FormPath[] {
  // The letter holds text in NFC: compare the form's text as the letter holds it.
  if (typeof value === 'string') return value.normalize('NFC').includes(needle) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => findTextInForm(item, needle, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findTextInForm(item, needle, [...path, key]));
  }
  return [];
}

/** The value at a path of the form. */
function valueAt(form: unknown, path: FormPath): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown> | undefined)?.[key], form);
}

/** Of the fields holding the character, the one whose word around it is in the writer's context. */
function fieldOf(form: unknown, error: MissingGlyphError): FormPath {
  const candidates = findTextInForm(form, error.character);
  const inContext = candidates.find((path) => {
    const word = String(valueAt(form, path))
      .normalize('NFC')
      .split(/\s+/)
      .find((w) => w.includes(error.character));
    return word !== undefined && error.context.includes(word);
  });
  return inContext ?? candidates[0] ?? [];
}

/** The error as a diagnostic on the form field holding the character (or on the form when a template holds it). */
export function missingGlyphDiagnostic(
  error: MissingGlyphError,
  form: unknown,
  locate: Locate,
  file: string,
): Diagnostic {
  const path = fieldOf(form, error);
  const at = path.length > 0 ? locate(path) : undefined;
  return {
    severity: 'error',
    message: error.message,
    path,
    rule: 'pdf/missing-glyph',
    file,
    ...(at ? { line: at.line, column: at.column } : {}),
  };
}
