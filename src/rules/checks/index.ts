/** Every domain check, in the order their diagnostics are reported. */
import type { Rule } from '../rule.js';
import { additionalPriorities } from './additional-priorities.js';
import { boarding } from './boarding.js';
import { completeness } from './completeness.js';
import { concernRecommendations } from './concerns.js';
import { academyTrust } from './consistency/academy-trust.js';
import { appropriateAuthority } from './consistency/appropriate-authority.js';
import { copyList } from './consistency/copy-list.js';
import { diocese } from './consistency/diocese.js';
import { section117Visit } from './consistency/section-117-visit.js';
import { sixthForm } from './consistency/sixth-form.js';
import { eligibility } from './eligibility.js';
import { furtherMonitoring } from './further-monitoring.js';
import { inspectionDates } from './inspection-dates.js';
import { letterDate } from './letter-date.js';
import { notificationCall } from './notification-call.js';
import { reviewTiming } from './review-timing.js';
import { sampleText } from './sample-text.js';
import { seriousConcerns } from './serious-concerns.js';
import { subsequentVisit } from './subsequent-visit.js';
import { visitAfterInspection } from './visit-after-inspection.js';
import { visitDays } from './visit-days.js';
import { visitWindow } from './visit-window.js';

export const rules: readonly Rule[] = [
  sampleText,
  eligibility,
  inspectionDates,
  visitDays,
  visitAfterInspection,
  visitWindow,
  notificationCall,
  completeness,
  subsequentVisit,
  additionalPriorities,
  concernRecommendations,
  seriousConcerns,
  furtherMonitoring,
  reviewTiming,
  letterDate,
  boarding,
  section117Visit,
  academyTrust,
  diocese,
  sixthForm,
  appropriateAuthority,
  copyList,
];
