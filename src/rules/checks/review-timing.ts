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
    const recommendedWords = describeRecommendedOn(recommended);
    const lastDay = lastVisitDay(form);
    for (const kind of reviewKinds) {
      const { key } = kind;
      const what = `the ${kind.what}`;
      const review = form.reviews?.[key];
      if (!isRecommended(form, kind) || review === undefined) continue;
      const { completed } = review;
      const path = (field: string) => ['reviews', key, field];
      // commissioned: false, "not commissioned by the visit", has no date to check.
      const commissioned = review.commissioned === false ? undefined : review.commissioned;
      if (commissioned !== undefined && kind.timed && commissioned > commissionBy) {
        findings.push({
          message: `${what} was commissioned on ${formatLongDate(commissioned)}, later than ${arrangements.reviewCommissionWeeks} weeks after ${recommendedWords}; commissioning should start by ${formatLongDate(commissionBy)}`,
          path: path('commissioned'),
        });
      }
      const visitWords = `the visit on ${formatLongDate(lastDay)}`;
      // footnote 6: a review not commissioned (or not completed) by a visit after its deadline is late too.
      if (review.commissioned === false && kind.timed && lastDay > commissionBy) {
        const completion =
          lastDay > completeBy ? ` (and the review be completed by ${formatLongDate(completeBy)})` : '';
        findings.push({
          message: `${what} had not been commissioned by ${visitWords}, though commissioning should start within ${arrangements.reviewCommissionWeeks} weeks of ${recommendedWords}, by ${formatLongDate(commissionBy)}${completion}`,
          path: path('commissioned'),
        });
      } else if (commissioned !== undefined && completed === undefined && kind.timed && lastDay > completeBy) {
        findings.push({
          message: `${what} had not been completed by ${visitWords}, though it should be completed within ${arrangements.reviewCompletionWeeks} weeks of ${recommendedWords}, by ${formatLongDate(completeBy)}; give reviews.${key}.completed if it has been`,
          path: path('completed'),
        });
      }
      if (completed !== undefined && review.commissioned === false) {
        findings.push({
          severity: 'error',
          message: `${what} is recorded as completed on ${formatLongDate(completed)}, but as not commissioned (commissioned: false); expected the date commissioning started`,
          path: path('commissioned'),
        });
      } else if (completed !== undefined && commissioned !== undefined && completed < commissioned) {
        findings.push({
          severity: 'error',
          message: `${what} is recorded as completed on ${formatLongDate(completed)}, before it was commissioned on ${formatLongDate(commissioned)}; expected completion on or after commissioning`,
          path: path('completed'),
        });
      } else if (completed !== undefined && kind.timed && completed > completeBy) {
        findings.push({
          message: `${what} was completed on ${formatLongDate(completed)}, later than ${arrangements.reviewCompletionWeeks} weeks after ${recommendedWords}; it should be completed by ${formatLongDate(completeBy)}`,
          path: path('completed'),
        });
      }
      if (completed !== undefined && completed > lastDay) {
        findings.push({
          message: `${what} is recorded as completed on ${formatLongDate(completed)}, after the visit on ${formatLongDate(lastDay)}; if it is only planned, leave completed out and say so in reviews.${key}.impact`,
          path: path('completed'),
        });
      }
      if (commissioned !== undefined && commissioned > lastDay) {
        findings.push({
          message: `${what} is recorded as commissioned on ${formatLongDate(commissioned)}, after the visit on ${formatLongDate(lastDay)}; expected a date the school had already started commissioning by the visit`,
          path: path('commissioned'),
        });
      }
    }
    return findings;
  },
);
