// paras 2, 24: a monitoring inspection is for a school that requires improvement whose leadership and management also require improvement.
import type { Grade } from '../../evidence/schema.js';
import { defineRule, type Finding } from '../rule.js';
import { establishmentOf, typeLabel } from './form-facts.js';

const gradeWords: Record<Grade, string> = {
  outstanding: 'outstanding (grade 1)',
  good: 'good (grade 2)',
  'requires-improvement': 'requires improvement (grade 3)',
  inadequate: 'inadequate (grade 4)',
};

export const eligibility = defineRule({ id: 'para-2/eligibility', paragraph: '2, 24', severity: 'error' }, (form) => {
  const findings: Finding[] = [];
  const { overallEffectiveness: overall, leadershipAndManagement: leadership } = form.inspection;
  const overallPath = ['inspection', 'overallEffectiveness'];
  const leadershipPath = ['inspection', 'leadershipAndManagement'];

  if (overall === 'inadequate' || leadership === 'inadequate') {
    const which = overall === 'inadequate' ? 'overall effectiveness' : 'leadership and management';
    findings.push({
      message: `${which} was judged ${gradeWords.inadequate} at the section 5 inspection: the school is in a category of concern (special measures or serious weaknesses), which is monitored under a different regime, not as a school that requires improvement; expected requires improvement (grade 3)`,
      path: overall === 'inadequate' ? overallPath : leadershipPath,
    });
  } else if (overall !== 'requires-improvement') {
    findings.push({
      message: `overall effectiveness was judged ${gradeWords[overall]}, so the school does not require improvement and is not monitored under this guidance; expected requires improvement (grade 3)`,
      path: overallPath,
    });
  } else if (leadership !== 'requires-improvement') {
    findings.push({
      severity: 'warning',
      paragraph: '2',
      message: `leadership and management were judged ${gradeWords[leadership]}: a school that requires improvement with ${leadership} leadership is not usually visited (para 2); a monitoring inspection is expected where leadership and management also require improvement`,
      path: leadershipPath,
    });
  }

  const type = establishmentOf(form);
  if (type !== undefined && !type.section5) {
    findings.push({
      message: `a school of type "${typeLabel(type)}" is not inspected under section 5 of the Education Act 2005, so it cannot have been judged to require improvement at a section 5 inspection; expected a maintained school or an academy`,
      path: ['school', 'type'],
    });
  }
  return findings;
});
