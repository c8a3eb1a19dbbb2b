// para 15: serious concerns not identified before, safeguarding among them, are reported to Ofsted and may bring the section 5 inspection forward.
import { defineRule, type Finding } from '../rule.js';

export const seriousConcerns = defineRule(
  { id: 'para-15/serious-concerns', paragraph: '15', severity: 'warning' },
  (form) => {
    const concerns = form.seriousConcerns ?? [];
    if (concerns.length === 0) return [];
    const findings: Finding[] = [];
    concerns.forEach((concern, index) => {
      if (concern.reportedToOfsted === true) return;
      findings.push({
        code: 'not-reported',
        params: { safeguarding: concern.safeguarding === true, index },
        path: ['seriousConcerns', index, 'reportedToOfsted'],
      });
    });
    if (form.nextSteps?.readyForSection5 !== true) {
      findings.push({
        severity: 'info',
        code: 'consider-section-5',
        params: { count: concerns.length },
        path: ['seriousConcerns'],
      });
    }
    return findings;
  },
);
