/**
 * When the external reviews a section 5 inspection recommends are due
 * (para 16, footnote 6). One answer for both `validate` (checks/review-timing.ts)
 * and `deadlines` (deadlines.ts), so the two can never disagree.
 */
import type { EvidenceForm } from '../evidence/schema.js';
import type { Arrangements, CountedFrom } from './arrangements.js';
import { addDays } from '../ground/calendar.js';
import { formatLongDate } from '../ground/dates-in-words.js';

/**
 * The reviews para 16 reports on: the form's key, the deadline id's stem, how a message names it, and
 * whether footnote 6 times it. Footnote 6 quotes the DfE's guidance on pupil premium reviews ("start the
 * process of commissioning a review within 2 weeks … completed within 8 weeks"); it sets no period for a
 * review of governance, whose timeliness the letter reports without a fixed deadline.
 */
export const reviewKinds = [
  { key: 'pupilPremium', id: 'pupil-premium-review', what: 'review of the use of the pupil premium', timed: true },
  { key: 'governance', id: 'governance-review', what: 'external review of governance', timed: false },
] as const;

export type ReviewKind = (typeof reviewKinds)[number];

/** The day a review was recommended, and what stands for that day. */
export interface RecommendedOn {
  date: string;
  from: CountedFrom;
}

/**
 * footnote 6: when the inspection's reviews were recommended. The recommendation
 * reaches the school with the published report, so its publication date; the
 * inspection's end stands in when the form does not give it.
 */
export function reviewRecommendedOn(form: Pick<EvidenceForm, 'inspection'>): RecommendedOn {
  const { publishedDate, endDate } = form.inspection;
  return publishedDate !== undefined
    ? { date: publishedDate, from: 'publication' }
    : { date: endDate, from: 'inspection-end' };
}

/** footnote 6: commissioning starts within 2 weeks of the recommendation; the review is done within 8. */
export interface ReviewDueDates {
  recommended: RecommendedOn;
  commissionBy: string;
  completeBy: string;
}

/** The days by which a recommended review should be commissioned and completed. */
export function reviewDueDates(form: Pick<EvidenceForm, 'inspection'>, arrangements: Arrangements): ReviewDueDates {
  const recommended = reviewRecommendedOn(form);
  return {
    recommended,
    commissionBy: addDays(recommended.date, arrangements.reviewCommissionWeeks * 7),
    completeBy: addDays(recommended.date, arrangements.reviewCompletionWeeks * 7),
  };
}

/** Whether the section 5 inspection recommended this review. */
export function isRecommended(form: Pick<EvidenceForm, 'inspection'>, kind: ReviewKind): boolean {
  return form.inspection.reviewsRecommended?.[kind.key] === true;
}

/** How a message names the day counted from: "its recommendation in the section 5 report published on 3 February 2014". */
export function describeRecommendedOn(recommended: RecommendedOn): string {
  return recommended.from === 'publication'
    ? `its recommendation in the section 5 report published on ${formatLongDate(recommended.date)}`
    : `the end of the section 5 inspection on ${formatLongDate(recommended.date)} (the report\u2019s publication date, inspection.publishedDate, is not given)`;
}
