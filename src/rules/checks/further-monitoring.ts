// para 21: a further monitoring inspection is the usual consequence of judging that the school is not taking effective action.
import { defineRule } from '../rule.js';
import { said } from './form-facts.js';

export const furtherMonitoring = defineRule(
  { id: 'para-21/further-monitoring', paragraph: '21', severity: 'warning' },
  (form) => {
    if (form.judgement !== 'not-effective' || form.nextSteps?.furtherMonitoring === true) return [];
    // HMI may decide otherwise; a reason in nextSteps.note is the answer the warning asks for.
    if (form.nextSteps?.furtherMonitoring === false && said(form.nextSteps.note)) return [];
    return [
      {
        code: 'not-recommended',
        params: { stated: form.nextSteps?.furtherMonitoring === false },
        path: form.nextSteps === undefined ? ['nextSteps'] : ['nextSteps', 'furtherMonitoring'],
      },
    ];
  },
);
