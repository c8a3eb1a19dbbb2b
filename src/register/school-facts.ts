/**
 * The school's facts for a command that takes `<form>`, `--urn N --register FILE`,
 * or both (the form's facts win; disagreements are warnings). An input edge:
 * reads the form and the register, returns data and diagnostics.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasErrors, placeDiagnostics, type Diagnostic, type Locate } from '../ground/diagnostics.js';
import { loadFormFile } from '../evidence/load.js';
import { isUnreadableFile } from '../evidence/unreadable.js';
import type { EvidenceForm, School } from '../evidence/schema.js';
import { findSchoolInRegister } from './index.js';
import { mergeRegister } from './merge.js';

/** The headteacher as the form gives them. */
type Headteacher = NonNullable<EvidenceForm['headteacher']>;

export interface SchoolFactsRequest {
  form?: string | undefined;
  urn?: string | undefined;
  register?: string | undefined;
  /** Relative paths are resolved against this. */
  cwd: string;
}

export interface SchoolFacts {
  school: School;
  headteacher?: Headteacher;
  form?: EvidenceForm;
  /** Warnings (and, in a SchoolFactsError, errors) from the form and the register. */
  diagnostics: Diagnostic[];
}

/** Why no school facts could be had: 'usage' (the command was used wrongly) or 'invalid' (the input is wrong). */
export class SchoolFactsError extends Error {
  constructor(
    message: string,
    readonly kind: 'usage' | 'invalid',
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'SchoolFactsError';
  }
}

/** The school's facts from the form, the register, or both merged. */
export async function loadSchoolFacts(request: SchoolFactsRequest): Promise<SchoolFacts> {
  const { form: formFile, register } = request;
  const urnOption = request.urn?.trim();
  if (formFile === undefined && urnOption === undefined) {
    throw new SchoolFactsError('name a form, or a school with --urn N --register FILE', 'usage');
  }
  if (urnOption !== undefined && register === undefined) {
    throw new SchoolFactsError('--urn needs --register FILE, the GIAS extract to look the school up in', 'usage');
  }
  const diagnostics: Diagnostic[] = [];
  let form: EvidenceForm | undefined;
  let locate: Locate = () => undefined;
  if (formFile !== undefined) {
    const loaded = loadFormFile(resolve(request.cwd, formFile), formFile);
    if (loaded.diagnostics.some(isUnreadableFile)) {
      throw new SchoolFactsError(
        loaded.diagnostics[0]?.message ?? `cannot read ${formFile}`,
        'usage',
        loaded.diagnostics,
      );
    }
    if (!loaded.form || hasErrors(loaded.diagnostics)) {
      throw new SchoolFactsError(
        `${formFile} is not a valid form (run \`monitoring-letter validate ${formFile}\`)`,
        'invalid',
        loaded.diagnostics,
      );
    }
    form = loaded.form;
    locate = loaded.locate;
    diagnostics.push(...loaded.diagnostics);
  }
  if (register === undefined) {
    return {
      school: form!.school,
      ...(form!.headteacher ? { headteacher: form!.headteacher } : {}),
      form: form!,
      diagnostics,
    };
  }

  const urn = urnOption ?? String(form!.school.urn);
  if (form && urnOption !== undefined && urnOption !== String(form.school.urn)) {
    throw new SchoolFactsError(
      `--urn ${urnOption} is not the form's URN (${form.school.urn}); give one or the other`,
      'usage',
    );
  }
  const registerPath = resolve(request.cwd, register);
  if (!existsSync(registerPath) || statSync(registerPath).isDirectory()) {
    throw new SchoolFactsError(`cannot read the register ${register}: no such file`, 'usage');
  }
  const found = await findSchoolInRegister(registerPath, urn);
  if (!found) {
    if (!form) throw new SchoolFactsError(`URN ${urn} is not in the register ${register}`, 'invalid');
    diagnostics.push({
      severity: 'warning',
      message: `URN ${urn} is not in the register ${register}; the form's facts alone are used`,
      path: ['school', 'urn'],
      rule: 'register/not-found',
      file: formFile,
    });
    return { school: form.school, ...(form.headteacher ? { headteacher: form.headteacher } : {}), form, diagnostics };
  }
  const registerDiagnostics = found.diagnostics.map((d) => ({ ...d, file: register }));
  if (!form) {
    diagnostics.push(...registerDiagnostics);
    if (hasErrors(diagnostics)) {
      throw new SchoolFactsError(`the register's facts for URN ${urn} cannot be used`, 'invalid', diagnostics);
    }
    return { school: found.school, ...(found.headteacher ? { headteacher: found.headteacher } : {}), diagnostics };
  }
  const merged = mergeRegister(form, { ...found, diagnostics: registerDiagnostics }, formFile);
  // The form's disagreements point at the form's lines; the register's own findings at the register.
  diagnostics.push(...merged.diagnostics.map((d) => (d.file === formFile ? placeDiagnostics([d], locate)[0]! : d)));
  if (hasErrors(diagnostics)) {
    throw new SchoolFactsError(`the facts for URN ${urn} cannot be used`, 'invalid', diagnostics);
  }
  const school = merged.form.school;
  const headteacher = merged.form.headteacher;
  return { school, ...(headteacher ? { headteacher } : {}), form: merged.form, diagnostics };
}
