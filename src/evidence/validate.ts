/**
 * The whole of `validate` as data in, data out: a loaded form's own
 * diagnostics followed by the domain checks' (src/rules/check-form.ts),
 * placed on the form's source.
 */
import { placeDiagnostics, type Diagnostic } from '../diagnostics.js';
import { checkForm, type CheckOptions } from '../rules/check-form.js';
import type { LoadResult } from './load.js';

/** Every diagnostic for a loaded form: loading's, then (when the form loaded) the domain checks', positioned. */
export function validateLoaded(loaded: LoadResult, file: string, options: CheckOptions): Diagnostic[] {
  if (!loaded.form) return loaded.diagnostics;
  const checks = placeDiagnostics(checkForm(loaded.form, options), loaded.locate, file);
  return [...loaded.diagnostics, ...checks];
}
