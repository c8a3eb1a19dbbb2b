/**
 * Loading a form, the same way for every command (validate, draft, finalise,
 * send, deadlines, status, batch): read it, validate it against the schema,
 * and with a register fill the school's facts through `mergeRegister`.
 *
 * One classification of what went wrong, so every command exits alike:
 * - the path names no readable file (not found, a folder, permission
 *   refused): the command was used wrongly, exit 2;
 * - the file was read but is not a valid form (UTF-16, binary, not UTF-8,
 *   too large, bad YAML or JSON, wrong content): the input is invalid, exit 1.
 * A UTF-16 form is the right file in the wrong encoding: the user puts the
 * file right, not the command, so it is exit 1 everywhere.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasErrors, placeDiagnostics, type Diagnostic } from '../ground/diagnostics.js';
import { loadForm, loadFormFile, type LoadResult } from '../evidence/load.js';
import type { EvidenceForm } from '../evidence/schema.js';
import type { PartialForm } from '../evidence/partial-form.js';
import { exitCodes } from '../ground/exit-codes.js';
import { isUnreadableFile } from '../evidence/unreadable.js';

/** The exit code for diagnostics that stopped a form being used: 2 for a file that cannot be read, else 1. */
export function formFailureExitCode(
  diagnostics: readonly Diagnostic[],
): typeof exitCodes.usage | typeof exitCodes.invalid {
  return diagnostics.some(isUnreadableFile) ? exitCodes.usage : exitCodes.invalid;
}

export interface LoadRequest {
  /** The form's path as the user gave it (shown in messages). */
  file: string;
  /** Relative paths are resolved against this. */
  cwd: string;
  /** A GIAS register extract (CSV) to fill the school's facts from. */
  register?: string | undefined;
  /** The name diagnostics give the form (default: `file`); a batch names each form by its file name. */
  displayName?: string;
}

/** A form that can be used, with every diagnostic met loading it (warnings only). */
export interface LoadedForm {
  ok: true;
  file: string;
  /** The form, with the register's facts merged in when a register was given. */
  form: EvidenceForm;
  /** The file as loaded: its text (for source excerpts) and positions. */
  loaded: LoadResult;
  /** Loading's and the register's diagnostics, placed on the form's lines. */
  diagnostics: Diagnostic[];
}

/** A form that cannot be used: why, and the exit code every command gives for it. */
export interface UnusableForm {
  ok: false;
  file: string;
  loaded: LoadResult;
  diagnostics: Diagnostic[];
  exitCode: typeof exitCodes.usage | typeof exitCodes.invalid;
  /**
   * A form the schema refused: the rest of it, as if each refused value were missing (with the register's
   * facts merged in when a register was given). `validate`, `draft` and the drafting page check and
   * preview it; nothing final is made from it.
   */
  partial?: PartialForm;
}

export type FormLoad = LoadedForm | UnusableForm;

/** Reads, validates and (with a register) completes one form; never throws for a user's mistake. */
export async function loadAndValidate(request: LoadRequest): Promise<FormLoad> {
  const shown = request.displayName ?? request.file;
  const loaded = loadFormFile(resolve(request.cwd, request.file), shown);
  return completeLoad(loaded, { ...request, file: shown });
}

/** The same for a form's text already in hand (a web form, a test): `file` names it in diagnostics. */
export async function loadAndValidateText(
  text: string,
  file: string,
  options: { cwd: string; register?: string | undefined },
): Promise<FormLoad> {
  return completeLoad(loadForm(text, file), { ...options, file });
}

async function completeLoad(loaded: LoadResult, request: LoadRequest): Promise<FormLoad> {
  const { file } = request;
  if (!loaded.form || hasErrors(loaded.diagnostics)) {
    const failed: UnusableForm = {
      ok: false,
      file,
      loaded,
      diagnostics: loaded.diagnostics,
      exitCode: formFailureExitCode(loaded.diagnostics),
    };
    const partial = loaded.partial;
    if (!partial || loaded.form) return failed;
    if (request.register === undefined) return { ...failed, partial };
    const facts = await withRegister({ ...loaded, form: partial.form }, file, request.register, request.cwd);
    const diagnostics = [...loaded.diagnostics, ...facts.diagnostics];
    return {
      ...failed,
      diagnostics,
      exitCode: formFailureExitCode(diagnostics),
      ...(facts.form ? { partial: { ...partial, form: facts.form } } : {}),
    };
  }
  if (request.register === undefined) {
    return { ok: true, file, form: loaded.form, loaded, diagnostics: loaded.diagnostics };
  }
  const facts = await withRegister({ ...loaded, form: loaded.form }, file, request.register, request.cwd);
  const diagnostics = [...loaded.diagnostics, ...facts.diagnostics];
  if (!facts.form || hasErrors(facts.diagnostics)) {
    return { ok: false, file, loaded, diagnostics, exitCode: formFailureExitCode(diagnostics) };
  }
  return { ok: true, file, form: facts.form, loaded, diagnostics };
}

/**
 * The form with the register's facts filled in by `mergeRegister` (the form's
 * own facts win; each disagreement is a warning at the form's line; the
 * register's own findings are reported against the register).
 */
async function withRegister(
  loaded: LoadResult & { form: EvidenceForm },
  file: string,
  register: string,
  cwd: string,
): Promise<{ form?: EvidenceForm; diagnostics: Diagnostic[] }> {
  const form = loaded.form;
  const urn = String(form.school.urn);
  const path = resolve(cwd, register);
  const problem = (rule: string, message: string): { diagnostics: Diagnostic[] } => ({
    diagnostics: [{ severity: 'error', message, path: [], rule, file: register }],
  });
  if (!existsSync(path)) return problem('register/unreadable', `cannot find the register ${register}: no such file`);
  if (statSync(path).isDirectory()) {
    return problem('register/unreadable', `the register ${register} is a folder: expected a GIAS CSV extract`);
  }
  // Loaded only when a register is given: a cold `validate` or `deadlines` never pays for the CSV reader.
  const { findSchoolInRegister, mergeRegister, RegisterError } = await import('../register/index.js');
  let found;
  try {
    found = await findSchoolInRegister(path, urn);
  } catch (error) {
    if (error instanceof RegisterError) return problem('register/invalid', `${register}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined) return problem('register/unreadable', `cannot read the register ${register}: ${code}`);
    throw error;
  }
  if (!found) {
    return {
      form,
      diagnostics: placeDiagnostics(
        [
          {
            severity: 'warning',
            message: `URN ${urn} is not in the register ${register}; the form's facts alone are used`,
            path: ['school', 'urn'],
            rule: 'register/not-found',
          },
        ],
        loaded.locate,
        file,
      ),
    };
  }
  const registerFindings = found.diagnostics.map((d) => ({ ...d, file: register }));
  const merged = mergeRegister(form, { ...found, diagnostics: registerFindings }, file);
  // The form's disagreements point at the form's lines; the register's own findings at the register.
  const diagnostics = merged.diagnostics.map((d) => (d.file === file ? placeDiagnostics([d], loaded.locate)[0]! : d));
  return { form: merged.form, diagnostics };
}
