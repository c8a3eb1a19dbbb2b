import { boarding } from '../../../src/rules/checks/boarding.js';
import { changed, ruleTable } from './support.js';

ruleTable(boarding, {
  ok: [
    { name: 'para 4: a day school (boarding false)', form: changed(() => {}) },
    {
      name: 'para 4: boarding not stated',
      form: changed((f) => {
        delete f.school.boarding;
      }),
    },
  ],
  notOk: [
    {
      name: 'para 4: boarding provision reminds the lead inspector to inform the Senior HMI for boarding welfare',
      form: changed((f) => {
        f.school.boarding = true;
      }),
      expected: [
        {
          severity: 'info',
          path: ['school', 'boarding'],
          code: 'boarding',
        },
      ],
    },
  ],
});
