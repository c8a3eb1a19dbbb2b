/**
 * The whole of `validate` as data in, data out: a loaded form's own
 * diagnostics followed by the domain checks' (src/rules/check-form.ts),
 * placed on the form's source.
 */
import { placeDiagnostics, type Diagnostic } from '../ground/diagnostics.js';
import { checkForm, type CheckOptions } from '../rules/check-form.js';
import type { LoadResult } from '../evidence/load.js';

/** Every diagnostic for a loaded form: loading's, then (when the form loaded) the domain checks', positioned. */
export function validateLoaded(loaded: LoadResult, file: string, options: CheckOptions): Diagnostic[] {
  if (!loaded.form) return loaded.diagnostics;
  const checks = placeDiagnostics(checkForm(loaded.form, options), loaded.locate, file);
  // In the order of the source, as a compiler lists them (a stable sort keeps each rule's own order on a line).
  return [...loaded.diagnostics, ...checks].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
