// para 17: the diocese is copied for voluntary aided and voluntary controlled schools (two for a joint-faith school).
import { defineRule, type Finding } from '../../rule.js';
import { establishmentOf, typeLabel } from '../form-facts.js';

const voluntary = new Set(['voluntary-aided', 'voluntary-controlled']);

/** "Church of England/Roman Catholic", "Roman Catholic and Church of England": two faiths named. */
function namesTwoFaiths(character: string): boolean {
  return /\/| and /i.test(character);
}

export const diocese = defineRule({ id: 'consistency/diocese', paragraph: '17', severity: 'warning' }, (form) => {
  const type = establishmentOf(form);
  if (type === undefined || !voluntary.has(type.id)) return [];
  const findings: Finding[] = [];
  const dioceses = form.school.dioceses ?? [];
  if (dioceses.length === 0) {
    findings.push({
      message: `a ${typeLabel(type).toLowerCase()} is copied to its diocese, but school.dioceses is missing; expected e.g. [Diocese of Norwich]`,
      path: ['school', 'dioceses'],
    });
  }
  const character = form.school.religiousCharacter;
  if (character !== undefined && namesTwoFaiths(character) && dioceses.length === 1) {
    findings.push({
      message: `the religious character "${character}" names two churches, but school.dioceses lists one diocese; a joint-faith school usually has a diocese for each`,
      path: ['school', 'dioceses'],
    });
  }
  if (form.school.foundation === undefined) {
    findings.push({
      message: `a ${typeLabel(type).toLowerCase()} has a foundation whose appointing body is copied (the person or body that appoints foundation governors), but school.foundation is missing`,
      path: ['school', 'foundation'],
    });
  }
  return findings;
});
