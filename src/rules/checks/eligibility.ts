// paras 2, 24: a monitoring inspection is for a school that requires improvement whose leadership and management also require improvement.
import { defineRule, type Finding } from '../rule.js';
import { establishmentOf, typeLabel } from './form-facts.js';

export const eligibility = defineRule({ id: 'para-2/eligibility', paragraph: '2, 24', severity: 'error' }, (form) => {
  const findings: Finding[] = [];
  const { overallEffectiveness: overall, leadershipAndManagement: leadership } = form.inspection;
  const overallPath = ['inspection', 'overallEffectiveness'];
  const leadershipPath = ['inspection', 'leadershipAndManagement'];

  if (overall === 'inadequate' || leadership === 'inadequate') {
    findings.push({
      code: 'category-of-concern',
      params: { which: overall === 'inadequate' ? 'overall' : 'leadership' },
      path: overall === 'inadequate' ? overallPath : leadershipPath,
    });
  } else if (overall !== 'requires-improvement') {
    findings.push({ code: 'not-requires-improvement', params: { grade: overall }, path: overallPath });
  } else if (leadership !== 'requires-improvement') {
    findings.push({
      severity: 'warning',
      paragraph: '2',
      code: 'leadership-not-requires-improvement',
      params: { grade: leadership },
      path: leadershipPath,
    });
  }

  const type = establishmentOf(form);
  if (type !== undefined && !type.section5) {
    findings.push({ code: 'not-section-5', params: { type: typeLabel(type) }, path: ['school', 'type'] });
  }
  return findings;
});
