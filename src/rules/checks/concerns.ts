// para 14: HMI's concerns are identified clearly, each with specific recommendations.
import { defineRule, type Finding } from '../rule.js';
import { said } from './form-facts.js';

export const concernRecommendations = defineRule(
  { id: 'para-14/recommendations', paragraph: '14', severity: 'error' },
  (form) => {
    const findings: Finding[] = [];
    const concerns = form.concerns ?? [];
    concerns.forEach((concern, index) => {
      if ((concern.recommendations ?? []).some(said)) return;
      findings.push({
        code: 'no-recommendations',
        params: { about: concern.about, index },
        path: concern.recommendations === undefined ? ['concerns', index] : ['concerns', index, 'recommendations'],
      });
    });
    // A school not taking effective action is one HMI have concerns about (paras 11, 14).
    if (form.judgement === 'not-effective' && concerns.length === 0) {
      findings.push({ severity: 'warning', code: 'no-concerns', path: ['concerns'] });
    }
    return findings;
  },
);
