// para 4: for a school with residential or boarding provision, the lead inspector informs the Senior HMI for the welfare inspection of boarding schools.
import { defineRule } from '../rule.js';

export const boarding = defineRule({ id: 'para-4/boarding', paragraph: '4', severity: 'info' }, (form) => {
  if (form.school.boarding !== true) return [];
  return [{ code: 'boarding', path: ['school', 'boarding'] }];
});
