// para 14: HMI's concerns are identified clearly, each with specific recommendations.
import { defineRule, type Finding } from '../rule.js';
import { said } from './form-facts.js';

const aboutWords = {
  leadership: 'leadership and management',
  governance: 'governance',
  urgency: 'the lack of urgency',
  other: 'the school',
} as const;

export const concernRecommendations = defineRule(
  { id: 'para-14/recommendations', paragraph: '14', severity: 'error' },
  (form) => {
    const findings: Finding[] = [];
    const concerns = form.concerns ?? [];
    concerns.forEach((concern, index) => {
      if ((concern.recommendations ?? []).some(said)) return;
      findings.push({
        message: `a concern about ${aboutWords[concern.about]} is recorded without specific recommendations; expected concerns[${index}].recommendations to list at least one`,
        path: concern.recommendations === undefined ? ['concerns', index] : ['concerns', index, 'recommendations'],
      });
    });
    // A school not taking effective action is one HMI have concerns about (paras 11, 14).
    if (form.judgement === 'not-effective' && concerns.length === 0) {
      findings.push({
        severity: 'warning',
        message:
          'the judgement is not-effective but no concerns are recorded; HMI\u2019s concerns about leadership, governance or urgency should be identified clearly, each with specific recommendations (concerns is empty)',
        path: ['concerns'],
      });
    }
    return findings;
  },
);
