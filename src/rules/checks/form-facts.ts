/** Facts about a form that several checks ask for, named once. */
import type { EvidenceForm } from '../../evidence/schema.js';
import { establishmentTypeById, type EstablishmentType } from '../../evidence/establishment.js';

// The visit's first and last days, sorted in one place (src/evidence/visit-dates.ts).
export { firstVisitDay, lastVisitDay } from '../../evidence/visit-dates.js';

/** A subsequent monitoring inspection: visit.number above 1 (paras 21–22). */
export function isSubsequentVisit(form: EvidenceForm): boolean {
  return (form.visit.number ?? 1) > 1;
}

/** A visit under section 117 of the Education and Inspections Act 2006 (para 26). */
export function isSection117(form: EvidenceForm): boolean {
  return form.visit.act === 'section-117';
}

/** The school's type of establishment, when the form gives one. */
export function establishmentOf(form: EvidenceForm): EstablishmentType | undefined {
  return form.school.type === undefined ? undefined : establishmentTypeById(form.school.type);
}

/** The register's name for the school's type, for messages: "Voluntary aided school". */
export function typeLabel(type: EstablishmentType): string {
  return type.gias[0] ?? type.id;
}

/** True for narrative text that says something. */
export function said(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
