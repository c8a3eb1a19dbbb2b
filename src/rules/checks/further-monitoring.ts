// para 21: a further monitoring inspection is the usual consequence of judging that the school is not taking effective action.
import { defineRule } from '../rule.js';
import { said } from './form-facts.js';

export const furtherMonitoring = defineRule(
  { id: 'para-21/further-monitoring', paragraph: '21', severity: 'warning' },
  (form) => {
    if (form.judgement !== 'not-effective' || form.nextSteps?.furtherMonitoring === true) return [];
    // HMI may decide otherwise; a reason in nextSteps.note is the answer the warning asks for.
    if (form.nextSteps?.furtherMonitoring === false && said(form.nextSteps.note)) return [];
    const found =
      form.nextSteps?.furtherMonitoring === false
        ? 'nextSteps.furtherMonitoring is false'
        : 'nextSteps.furtherMonitoring is missing';
    return [
      {
        message: `the school is judged not to be taking effective action, but no further monitoring inspection is recommended (${found}); a further visit is expected in this case: set it to true, or explain why not in nextSteps.note`,
        path: form.nextSteps === undefined ? ['nextSteps'] : ['nextSteps', 'furtherMonitoring'],
      },
    ];
  },
);
