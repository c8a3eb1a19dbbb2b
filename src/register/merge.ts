/**
 * Fills a form's school facts from the register. Facts in the form win; a
 * fact both give differently is a warning at the form's field, so the HMI
 * sees which to check. A form that names only its URN gets every fact the
 * register has.
 */
import type { Diagnostic, FormPath } from '../ground/diagnostics.js';
import type { EvidenceForm, School } from '../evidence/schema.js';
import { normaliseBodyName } from '../ground/names.js';
import { findLocalAuthority } from './local-authority-names.js';
import type { RegisterSchool } from './map.js';

/** The headteacher as the form gives them. */
type Headteacher = NonNullable<EvidenceForm['headteacher']>;

/** Values compared the way a person would: case, spacing, accents, apostrophes, a leading "the", postcode spaces ignored. */
function comparable(value: unknown): string {
  if (Array.isArray(value)) return value.map(comparable).join('|');
  if (typeof value === 'string') {
    // The register is Windows-1252: "Małgorzata" is "Malgorzata" there, not a different name.
    const folded = value
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[łŁ]/g, 'l')
      .replace(/[øØ]/g, 'o')
      .replace(/[đĐ]/g, 'd');
    return normaliseBodyName(folded).replace(/\s/g, '');
  }
  return JSON.stringify(value);
}

const shown = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value));

function disagreement(path: FormPath, ours: unknown, theirs: unknown, file: string | undefined): Diagnostic {
  const d: Diagnostic = {
    severity: 'warning',
    message: `the form gives "${shown(ours)}" but the register gives "${shown(theirs)}"; the form's value is used`,
    path,
    rule: 'register/disagrees',
  };
  return file === undefined ? d : { ...d, file };
}

/** Two values for one fact agree: a local authority by who it is ("Hull City Council" is "Kingston upon Hull, City of"), anything else as a person reads it. */
function agree(path: FormPath, key: string, ours: unknown, theirs: unknown): boolean {
  if (path.at(-1) === 'localAuthority' && key === 'name' && typeof ours === 'string' && typeof theirs === 'string') {
    const a = findLocalAuthority(ours);
    if (a !== undefined && a === findLocalAuthority(theirs)) return true;
  }
  return comparable(ours) === comparable(theirs);
}

/** Merges one level of plain facts: the form's own values kept, the register's filling the gaps. */
function mergeFacts<T extends object>(
  ours: T | undefined,
  theirs: T,
  path: FormPath,
  diagnostics: Diagnostic[],
  file: string | undefined,
  nested: ReadonlySet<string> = new Set(),
): T {
  const merged: Record<string, unknown> = { ...(ours ?? {}) };
  for (const [key, value] of Object.entries(theirs) as [string, unknown][]) {
    if (value === undefined) continue;
    const own = merged[key];
    if (own === undefined) merged[key] = value;
    else if (nested.has(key) && typeof own === 'object' && !Array.isArray(own)) {
      merged[key] = mergeFacts(own as object, value as object, [...path, key], diagnostics, file);
    } else if (!agree(path, key, own, value)) {
      diagnostics.push(disagreement([...path, key], own, value, file));
    }
  }
  return merged as T;
}

/** The form with the register's facts filled in, and a warning for each fact the two give differently. */
export function mergeRegister(
  form: EvidenceForm,
  register: RegisterSchool,
  file?: string,
): { form: EvidenceForm; diagnostics: Diagnostic[] } {
  if (String(form.school.urn) !== register.urn) {
    throw new Error(`mergeRegister: the form is for URN ${form.school.urn}, the register row for URN ${register.urn}`);
  }
  const diagnostics: Diagnostic[] = [];
  for (const d of register.diagnostics) {
    // An unknown register type does not matter when the form gives the type itself.
    if (d.rule === 'register/unknown-type' && form.school.type !== undefined) continue;
    // The second diocese of a joint-faith school is the form's to give; once given, nothing is missing.
    if (d.rule === 'register/joint-faith-diocese' && (form.school.dioceses?.length ?? 0) >= 2) continue;
    diagnostics.push(d);
  }
  const school = mergeFacts<School>(
    form.school,
    register.school,
    ['school'],
    diagnostics,
    file,
    new Set(['address', 'localAuthority', 'foundation']),
  );
  const merged: EvidenceForm = { ...form, school };
  if (register.headteacher) {
    merged.headteacher = mergeFacts<Headteacher>(
      form.headteacher,
      register.headteacher,
      ['headteacher'],
      diagnostics,
      file,
    ) as EvidenceForm['headteacher'];
  }
  return { form: merged, diagnostics };
}
