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
      const kind = concern.safeguarding === true ? 'a serious concern about safeguarding' : 'a serious concern';
      findings.push({
        message: `${kind} is recorded but not marked as reported to Ofsted; report it to Ofsted and set seriousConcerns[${index}].reportedToOfsted: true`,
        path: ['seriousConcerns', index, 'reportedToOfsted'],
      });
    });
    if (form.nextSteps?.readyForSection5 !== true) {
      findings.push({
        severity: 'info',
        message: `${concerns.length} serious concern${concerns.length === 1 ? ' is' : 's are'} recorded: consider whether the next section 5 inspection should be brought forward, and record the decision in nextSteps`,
        path: ['seriousConcerns'],
      });
    }
    return findings;
  },
);
