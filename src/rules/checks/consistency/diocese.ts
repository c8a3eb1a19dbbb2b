// para 17: the diocese is copied for voluntary aided and voluntary controlled schools (two for a joint-faith school), and the person or body that appoints their foundation governors.
import { defineRule, type Finding } from '../../rule.js';
import { establishmentOf } from '../form-facts.js';
import { copyListWarnings } from './copy-list-warnings.js';

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
  const character = form.school.religiousCharacter;
  // A diocese missing where the religious character needs one is the copy list's error (consistency/copy-list.ts).
  if (character !== undefined && namesTwoFaiths(character) && dioceses.length === 1) {
    findings.push({
      code: 'two-faiths-one-diocese',
      params: { character },
      path: ['school', 'dioceses'],
    });
  }
  // Neither diocese nor religious character; every voluntary school's foundation: the copy list's own warnings.
  findings.push(...copyListWarnings(form, ['diocese', 'foundation-body']));
  return findings;
});
