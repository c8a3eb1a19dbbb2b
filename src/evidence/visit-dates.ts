/**
 * A form's visit dates in order: the one place they are sorted. Letters,
 * histories and deadlines are named after the last visit day; the visit
 * window is judged from the first (ISO dates sort as text).
 */
import type { EvidenceForm } from './schema.js';

type Visit = Pick<EvidenceForm, 'visit'>;

/** The visit dates, earliest first, without repeats. */
export function sortedVisitDates(form: Visit): string[] {
  return [...new Set(form.visit.dates)].sort();
}

/** The earliest visit day ('' when the form gives none). */
export function firstVisitDay(form: Visit): string {
  return sortedVisitDates(form)[0] ?? '';
}

/** The latest visit day ('' when the form gives none). */
export function lastVisitDay(form: Visit): string {
  return sortedVisitDates(form).at(-1) ?? '';
}
