// footnote 6: commissioning a pupil premium review starts within 2 weeks of its recommendation; the review is done within 8 weeks.
// A review of governance has no such period; for both, dates that cannot be true are reported.
// Whether the commissioning date is given at all is para 16 completeness (completeness.ts).
import { formatLongDate } from '../../ground/dates-in-words.js';
import { describeRecommendedOn, isRecommended, reviewDueDates, reviewKinds } from '../review-dates.js';
import { defineRule, type Finding } from '../rule.js';
import { lastVisitDay } from './form-facts.js';

export const reviewTiming = defineRule(
  { id: 'footnote-6/review-timing', paragraph: '16, footnote 6', severity: 'warning' },
  (form, { arrangements }) => {
    const findings: Finding[] = [];
    const { recommended, commissionBy, completeBy } = reviewDueDates(form, arrangements);
    const recommendedOn = describeRecommendedOn(recommended);
    const lastDay = lastVisitDay(form);
    for (const kind of reviewKinds) {
      const { key } = kind;
      const review = form.reviews?.[key];
      if (!isRecommended(form, kind) || review === undefined) continue;
      const { completed } = review;
      const path = (field: string) => ['reviews', key, field];
      // commissioned: false, "not commissioned by the visit", has no date to check.
      const commissioned = review.commissioned === false ? undefined : review.commissioned;
      const words = {
        review: key,
        ...(commissioned !== undefined ? { commissioned: formatLongDate(commissioned) } : {}),
        ...(completed !== undefined ? { completed: formatLongDate(completed) } : {}),
      };
      if (commissioned !== undefined && kind.timed && commissioned > commissionBy) {
        findings.push({
          code: 'commissioned-late',
          params: {
            ...words,
            weeks: arrangements.reviewCommissionWeeks,
            recommendedOn,
            commissionBy: formatLongDate(commissionBy),
          },
          path: path('commissioned'),
        });
      }
      // footnote 6: a review not commissioned (or not completed) by a visit after its deadline is late too.
      if (review.commissioned === false && kind.timed && lastDay > commissionBy) {
        findings.push({
          code: 'not-commissioned-by-visit',
          params: {
            ...words,
            visit: formatLongDate(lastDay),
            weeks: arrangements.reviewCommissionWeeks,
            recommendedOn,
            commissionBy: formatLongDate(commissionBy),
            completionDue: lastDay > completeBy,
            completeBy: formatLongDate(completeBy),
          },
          path: path('commissioned'),
        });
      } else if (commissioned !== undefined && completed === undefined && kind.timed && lastDay > completeBy) {
        findings.push({
          code: 'not-completed-by-visit',
          params: {
            ...words,
            visit: formatLongDate(lastDay),
            weeks: arrangements.reviewCompletionWeeks,
            recommendedOn,
            completeBy: formatLongDate(completeBy),
          },
          path: path('completed'),
        });
      }
      if (completed !== undefined && review.commissioned === false) {
        findings.push({
          severity: 'error',
          code: 'completed-not-commissioned',
          params: words,
          path: path('commissioned'),
        });
      } else if (completed !== undefined && commissioned !== undefined && completed < commissioned) {
        findings.push({
          severity: 'error',
          code: 'completed-before-commissioned',
          params: words,
          path: path('completed'),
        });
      } else if (completed !== undefined && kind.timed && completed > completeBy) {
        findings.push({
          code: 'completed-late',
          params: {
            ...words,
            weeks: arrangements.reviewCompletionWeeks,
            recommendedOn,
            completeBy: formatLongDate(completeBy),
          },
          path: path('completed'),
        });
      }
      if (completed !== undefined && completed > lastDay) {
        findings.push({
          code: 'completed-after-visit',
          params: { ...words, visit: formatLongDate(lastDay) },
          path: path('completed'),
        });
      }
      if (commissioned !== undefined && commissioned > lastDay) {
        findings.push({
          code: 'commissioned-after-visit',
          params: { ...words, visit: formatLongDate(lastDay) },
          path: path('commissioned'),
        });
      }
    }
    return findings;
  },
);
