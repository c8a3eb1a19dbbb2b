/**
 * The whole of `validate` as data in, data out: a loaded form's own
 * diagnostics followed by the domain checks' (src/rules/check-form.ts),
 * placed on the form's source; `validateForms` does it for every form named.
 */
import { hasErrors, placeDiagnostics, type Diagnostic } from '../ground/diagnostics.js';
import { exitCodes, type ExitCode } from '../ground/exit-codes.js';
import { checkForm, type CheckOptions } from '../rules/check-form.js';
import type { LoadResult } from '../evidence/load.js';
import { findingsBeyondRefusals } from '../evidence/partial-form.js';
import type { MessageCatalogue } from '../ground/message-catalogue.js';
import type { WorkflowContext } from './context.js';
import { formFailureExitCode, loadAndValidate } from './load.js';

/**
 * Every diagnostic for a loaded form: loading's, then the domain checks', positioned. A form the schema
 * refused is checked too, as if each refused value were missing; a check adds nothing where a refusal stands.
 */
export function validateLoaded(loaded: LoadResult, file: string, options: CheckOptions): Diagnostic[] {
  const form = loaded.form ?? loaded.partial?.form;
  if (!form) return loaded.diagnostics;
  const found = checkForm(form, options);
  const beyond =
    loaded.form || !loaded.partial ? found : findingsBeyondRefusals(found, loaded.partial, loaded.diagnostics);
  const checks = placeDiagnostics(beyond, loaded.locate, file);
  // In the order of the source, as a compiler lists them (a stable sort keeps each rule's own order on a line).
  return [...loaded.diagnostics, ...checks].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

export interface ValidateOutcome {
  /** Every form's diagnostics, form by form. */
  diagnostics: Diagnostic[];
  /** Each readable form's text, by the name it was given, for showing source lines. */
  sources: Map<string, string>;
  exitCode: ExitCode;
}

/** `validate`: every form checked (with the register's facts merged in when one is given). */
export async function validateForms(
  context: WorkflowContext,
  request: { files: readonly string[]; register?: string | undefined; messages?: MessageCatalogue | undefined },
): Promise<ValidateOutcome> {
  const holidays = context.holidays();
  const sources = new Map<string, string>();
  const all: Diagnostic[] = [];
  let usage = false;
  for (const file of request.files) {
    const load = await loadAndValidate({ file, cwd: context.io.cwd, register: request.register });
    if (load.loaded.text !== undefined) sources.set(file, load.loaded.text);
    if (load.ok) {
      // The domain checks run on the form as the letter would use it: with the register's facts merged in.
      const checked = validateLoaded({ ...load.loaded, form: load.form }, file, {
        holidays,
        ...(request.messages ? { messages: request.messages } : {}),
      });
      const registerFindings = load.diagnostics.filter((d) => !load.loaded.diagnostics.includes(d));
      all.push(...checked, ...registerFindings);
    } else if (load.partial) {
      // The schema refused some values: they are reported, and the rest of the form is checked without them.
      const checked = validateLoaded({ ...load.loaded, partial: load.partial }, file, {
        holidays,
        ...(request.messages ? { messages: request.messages } : {}),
      });
      const registerFindings = load.diagnostics.filter((d) => !load.loaded.diagnostics.includes(d));
      all.push(...checked, ...registerFindings);
    } else {
      all.push(...load.diagnostics);
      if (load.exitCode === exitCodes.usage) usage = true;
    }
  }
  const exitCode =
    usage || formFailureExitCode(all) === exitCodes.usage
      ? exitCodes.usage
      : hasErrors(all)
        ? exitCodes.invalid
        : exitCodes.ok;
  return { diagnostics: all, sources, exitCode };
}
