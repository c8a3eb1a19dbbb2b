// para 17: the letter goes to the headteacher and is always copied to the local authority, academies included.
import { defineRule, type Finding } from '../../rule.js';

export const addressees = defineRule({ id: 'consistency/addressees', paragraph: '17', severity: 'warning' }, (form) => {
  const findings: Finding[] = [];
  if (form.headteacher === undefined) {
    findings.push({
      message:
        'headteacher is missing: the letter is addressed to the headteacher by title and name; expected headteacher.lastName (and title, firstName), unless the register supplies them',
      path: ['headteacher'],
    });
  }
  if (form.school.localAuthority === undefined) {
    findings.push({
      message:
        'school.localAuthority is missing: the letter is always copied to the local authority, academies included; expected school.localAuthority.name, e.g. Norfolk',
      path: ['school', 'localAuthority'],
    });
  }
  return findings;
});
