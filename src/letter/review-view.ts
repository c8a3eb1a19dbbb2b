/**
 * The external reviews paragraph of the letter model (para 16: "the
 * timeliness and impact of any external review of governance and/or use of
 * the pupil premium"): its dates, and whether it was timely. A pupil premium
 * review is timed by footnote 6 (commissioned within 2 weeks of the
 * recommendation, completed within 8); a review of governance has no period,
 * so the letter says how soon after the recommendation it was commissioned.
 */
import type { ContentKey } from '../rules/types.js';
import { daysBetween } from '../ground/calendar.js';
import { formatLongDate } from '../ground/dates-in-words.js';
import type { EvidenceForm } from '../evidence/schema.js';
import { arrangementsForDates } from '../rules/arrangements.js';
import { lastVisitDay } from '../evidence/visit-dates.js';
import { reviewDueDates, reviewKinds } from '../rules/review-dates.js';

/** How timely a review was, as flags a template chooses its words by. */
export interface ReviewTiming {
  /** footnote 6 times it: a recommended pupil premium review. */
  timed: boolean;
  commissionedInTime: boolean;
  commissionedLate: boolean;
  completedInTime: boolean;
  completedLate: boolean;
  /** Not commissioned by a visit after the 2 weeks. */
  commissioningOverdue: boolean;
  /** Commissioned, not completed by a visit after the 8 weeks. */
  completionOverdue: boolean;
  /** A review with no period: commissioned within a week of the recommendation. */
  withinAWeek: boolean;
  /** A review with no period: commissioned within this many weeks of the recommendation (2 or more; 0 when not known or within a week). */
  withinWeeks: number;
}

/** What a text field of the model needs: the value, or a gap where the completeness rule says it is missing. */
export type Content<T> = (key: ContentKey, value: string) => T;

/** The reviews the letter reports on, in para 16's words' order: the pupil premium's, then governance's. */
export function buildReviews<T>(form: EvidenceForm, content: Content<T>, optional: (v: string | undefined) => string) {
  const visitDay = lastVisitDay(form);
  const due = reviewDueDates(form, arrangementsForDates(form.visit.dates));
  return reviewKinds
    .filter(({ key }) => form.inspection.reviewsRecommended?.[key] === true || form.reviews?.[key] !== undefined)
    .map((kind) => {
      const { key } = kind;
      const review = form.reviews?.[key];
      const recommended = form.inspection.reviewsRecommended?.[key] === true;
      const commissioned = typeof review?.commissioned === 'string' ? review.commissioned : undefined;
      const completed = review?.completed;
      const timed = recommended && kind.timed;
      const untimedDays =
        recommended && !kind.timed && commissioned !== undefined
          ? Math.max(0, daysBetween(due.recommended.date, commissioned))
          : undefined;
      const timing: ReviewTiming = {
        timed,
        commissionedInTime: timed && commissioned !== undefined && commissioned <= due.commissionBy,
        commissionedLate: timed && commissioned !== undefined && commissioned > due.commissionBy,
        completedInTime: timed && completed !== undefined && completed <= due.completeBy,
        completedLate: timed && completed !== undefined && completed > due.completeBy,
        commissioningOverdue: timed && review?.commissioned === false && visitDay > due.commissionBy,
        completionOverdue: timed && commissioned !== undefined && completed === undefined && visitDay > due.completeBy,
        withinAWeek: untimedDays !== undefined && untimedDays <= 7,
        withinWeeks: untimedDays !== undefined && untimedDays > 7 ? Math.ceil(untimedDays / 7) : 0,
      };
      return {
        pupilPremium: key === 'pupilPremium',
        governance: key === 'governance',
        recommended,
        commissioned: commissioned !== undefined ? formatLongDate(commissioned) : '',
        notCommissioned: review?.commissioned === false,
        commissionedMissing: content(`reviews.${key}.commissioned`, ''),
        completed: completed ? formatLongDate(completed) : '',
        impact: content(`reviews.${key}.impact`, optional(review?.impact)),
        timing,
      };
    });
}
