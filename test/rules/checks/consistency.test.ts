import { academyTrust } from '../../../src/rules/checks/consistency/academy-trust.js';
import { appropriateAuthority } from '../../../src/rules/checks/consistency/appropriate-authority.js';
import { copyList } from '../../../src/rules/checks/consistency/copy-list.js';
import { diocese } from '../../../src/rules/checks/consistency/diocese.js';
import { section117Visit } from '../../../src/rules/checks/consistency/section-117-visit.js';
import { sixthForm } from '../../../src/rules/checks/consistency/sixth-form.js';
import type { EvidenceForm } from '../../../src/evidence/schema.js';
import { changed, ruleTable } from './support.js';

function voluntaryAided(f: EvidenceForm): void {
  f.school.type = 'voluntary-aided';
  f.school.religiousCharacter = 'Church of England';
  f.school.dioceses = ['Diocese of Norwich'];
  f.school.foundation = { name: 'The Norwich Diocesan Board of Education' };
}

ruleTable(section117Visit, {
  ok: [
    {
      name: 'para 26: a section 117 visit following the first monitoring inspection',
      form: changed((f) => {
        f.visit.act = 'section-117';
        f.visit.number = 2;
      }),
    },
  ],
  notOk: [
    {
      name: 'para 26: a section 117 visit marked as the first section 8 monitoring inspection',
      form: changed((f) => {
        f.visit.act = 'section-117';
      }),
      expected: [{ severity: 'warning', path: ['visit', 'number'], code: 'first-visit' }],
    },
  ],
});

ruleTable(academyTrust, {
  ok: [
    {
      name: 'para 17: an academy with its trust',
      form: changed((f) => {
        f.school.type = 'academy-sponsor-led';
        f.school.trust = 'The Wensum Trust';
      }),
    },
  ],
  notOk: [
    {
      name: 'para 17: an academy without a trust',
      form: changed((f) => {
        f.school.type = 'free-school';
      }),
      expected: [{ severity: 'warning', path: ['school', 'trust'], code: 'trust-missing' }],
    },
    {
      name: 'para 17: a trust given for a maintained foundation school belongs in school.foundation',
      form: changed((f) => {
        f.school.type = 'foundation';
        f.school.trust = 'The Waveney Learning Trust';
      }),
      expected: [{ severity: 'warning', path: ['school', 'trust'], code: 'trust-not-academy' }],
    },
  ],
});

ruleTable(diocese, {
  ok: [
    { name: 'para 17: a community school needs no diocese', form: changed(() => {}) },
    { name: 'para 17: a voluntary aided school with its diocese and foundation', form: changed(voluntaryAided) },
    {
      name: 'para 17: a joint Catholic and Church of England school with two dioceses',
      form: changed((f) => {
        voluntaryAided(f);
        f.school.religiousCharacter = 'Roman Catholic/Church of England';
        f.school.dioceses = ['Diocese of Liverpool', 'Archdiocese of Liverpool'];
      }),
    },
    {
      name: 'para 17: a Sikh voluntary aided school has no diocese, and its form names who appoints foundation governors',
      form: changed((f) => {
        f.school.type = 'voluntary-aided';
        f.school.religiousCharacter = 'Sikh';
        f.school.foundation = { name: 'The Guru Nanak Sikh Trust' };
      }),
    },
    {
      name: 'para 17: a voluntary controlled school whose foundation is a non-diocesan trust',
      form: changed((f) => {
        f.school.type = 'voluntary-controlled';
        f.school.foundation = { name: 'The Sir John Moore Foundation' };
      }),
    },
  ],
  notOk: [
    {
      name: 'para 17: a joint-faith school with one diocese',
      form: changed((f) => {
        voluntaryAided(f);
        f.school.religiousCharacter = 'Roman Catholic and Church of England';
      }),
      expected: [{ severity: 'warning', path: ['school', 'dioceses'], code: 'two-faiths-one-diocese' }],
    },
    {
      name: 'para 17: a voluntary aided school without a foundation: its diocese is taken to appoint, and asked to confirm',
      form: changed((f) => {
        voluntaryAided(f);
        delete f.school.foundation;
      }),
      expected: [
        {
          severity: 'warning',
          path: ['school', 'foundation'],
          code: 'copy-list-warning',
        },
      ],
    },
    {
      name: 'para 17: a Jewish voluntary aided school without school.foundation: asked for who appoints its foundation governors, not for a diocese',
      form: changed((f) => {
        f.school.type = 'voluntary-aided';
        f.school.religiousCharacter = 'Jewish';
      }),
      expected: [
        {
          severity: 'warning',
          path: ['school', 'foundation'],
          code: 'copy-list-warning',
        },
      ],
    },
    {
      name: 'para 17: a voluntary controlled school with neither diocese nor religious character nor foundation',
      form: changed((f) => {
        f.school.type = 'voluntary-controlled';
      }),
      expected: [
        { severity: 'warning', path: ['school', 'dioceses'], code: 'copy-list-warning' },
        { severity: 'warning', path: ['school', 'foundation'], code: 'copy-list-warning' },
      ],
    },
  ],
});

ruleTable(sixthForm, {
  ok: [
    {
      name: 'para 17: a secondary school with a sixth form',
      form: changed((f) => {
        f.school.phase = 'secondary';
        f.school.sixthForm = true;
      }),
    },
  ],
  notOk: [
    {
      name: 'para 17: a secondary school whose sixth form is not known: the EFA copy cannot be decided',
      form: changed((f) => {
        f.school.phase = 'secondary';
        delete f.school.sixthForm;
      }),
      expected: [
        {
          severity: 'warning',
          path: ['school', 'sixthForm'],
          code: 'copy-list-warning',
        },
      ],
    },
    {
      name: 'para 17: an all-through school whose sixth form is not known',
      form: changed((f) => {
        f.school.phase = 'all-through';
        delete f.school.sixthForm;
      }),
      expected: [{ severity: 'warning', path: ['school', 'sixthForm'], code: 'copy-list-warning' }],
    },
    {
      name: 'para 17: a primary school marked as having a sixth form',
      form: changed((f) => {
        f.school.sixthForm = true;
      }),
      expected: [{ severity: 'warning', path: ['school', 'sixthForm'], code: 'no-sixth-form-phase' }],
    },
  ],
});

ruleTable(appropriateAuthority, {
  ok: [
    { name: 'paras 11, 17: a maintained school with a governing body', form: changed(() => {}) },
    {
      name: 'para 17: a pupil referral unit governed by its management committee',
      form: changed((f) => {
        f.school.type = 'pupil-referral-unit';
        f.school.governance = { body: 'management-committee' };
      }),
    },
    {
      name: 'paras 11, 17: a maintained school with an interim executive board',
      form: changed((f) => {
        f.school.governance = { body: 'interim-executive-board' };
      }),
    },
    {
      name: 'paras 11, 17: an academy governed by its "Management Board"',
      form: changed((f) => {
        f.school.type = 'academy-converter';
        f.school.governance = { body: 'management-board', name: 'Management Board' };
      }),
    },
  ],
  notOk: [
    {
      name: 'paras 11, 17: an academy cannot have an interim executive board',
      form: changed((f) => {
        f.school.type = 'academy-converter';
        f.school.governance = { body: 'interim-executive-board' };
      }),
      expected: [
        {
          severity: 'error',
          path: ['school', 'governance', 'body'],
          code: 'academy-with-ieb',
        },
      ],
    },
    {
      name: 'paras 11, 17: a community school is not governed by an academy trust',
      form: changed((f) => {
        f.school.governance = { body: 'academy-trust' };
      }),
      expected: [{ severity: 'error', path: ['school', 'governance', 'body'], code: 'maintained-academy-body' }],
    },
    {
      name: 'para 17: a pupil referral unit is governed by a management committee, not a governing body',
      form: changed((f) => {
        f.school.type = 'pupil-referral-unit';
      }),
      expected: [
        {
          severity: 'warning',
          path: ['school', 'governance', 'body'],
          code: 'pru-governing-body',
        },
      ],
    },
    {
      name: 'paras 11, 17: who governs the school is missing',
      form: changed((f) => {
        delete f.school.governance;
      }),
      expected: [{ severity: 'warning', path: ['school', 'governance'], code: 'governance-missing' }],
    },
  ],
});

ruleTable(copyList, {
  ok: [
    { name: 'para 17: headteacher and local authority given', form: changed(() => {}) },
    {
      name: 'para 17: a type not inspected under section 5 is the eligibility rule\u2019s to say, not said twice',
      form: changed((f) => {
        f.school.type = 'independent';
      }),
    },
  ],
  notOk: [
    {
      name: 'para 17: no local authority: it is always copied, so a final letter cannot be made',
      form: changed((f) => {
        delete f.school.localAuthority;
      }),
      expected: [{ severity: 'error', path: ['school', 'localAuthority'], code: 'cannot-decide' }],
    },
    {
      name: 'para 17: a Church of England voluntary controlled school without a diocese',
      form: changed((f) => {
        voluntaryAided(f);
        f.school.type = 'voluntary-controlled';
        delete f.school.dioceses;
      }),
      expected: [
        {
          severity: 'error',
          path: ['school', 'dioceses'],
          code: 'cannot-decide',
        },
      ],
    },
  ],
});
