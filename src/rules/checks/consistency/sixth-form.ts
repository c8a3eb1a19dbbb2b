// para 17: the Education Funding Agency is copied where the school has a sixth form; a primary school has none, and a secondary school must say.
import { defineRule } from '../../rule.js';
import { copyListWarnings } from './copy-list-warnings.js';

const noSixthForm = new Set(['nursery', 'primary', 'middle-deemed-primary']);

export const sixthForm = defineRule({ id: 'consistency/sixth-form', paragraph: '17', severity: 'warning' }, (form) => {
  const { sixthForm: has, phase } = form.school;
  if (has === undefined) return copyListWarnings(form, ['efa']);
  if (has !== true || phase === undefined || !noSixthForm.has(phase)) return [];
  return [{ code: 'no-sixth-form-phase', params: { phase }, path: ['school', 'sixthForm'] }];
});
