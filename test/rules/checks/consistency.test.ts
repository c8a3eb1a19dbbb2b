import { academyTrust } from '../../../src/rules/checks/consistency/academy-trust.js';
import { addressees } from '../../../src/rules/checks/consistency/addressees.js';
import { appropriateAuthority } from '../../../src/rules/checks/consistency/appropriate-authority.js';
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
      expected: [
        { severity: 'warning', path: ['visit', 'number'], message: 'the first section 8 monitoring inspection' },
      ],
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
      expected: [{ severity: 'warning', path: ['school', 'trust'], message: 'an academy (Free schools)' }],
    },
    {
      name: 'para 17: a trust given for a maintained foundation school belongs in school.foundation',
      form: changed((f) => {
        f.school.type = 'foundation';
        f.school.trust = 'The Waveney Learning Trust';
      }),
      expected: [{ severity: 'warning', path: ['school', 'trust'], message: 'school.foundation' }],
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
  ],
  notOk: [
    {
      name: 'para 17: a voluntary controlled school without a diocese',
      form: changed((f) => {
        voluntaryAided(f);
        f.school.type = 'voluntary-controlled';
        delete f.school.dioceses;
      }),
      expected: [
        {
          severity: 'warning',
          path: ['school', 'dioceses'],
          message: 'a voluntary controlled school is copied to its diocese',
        },
      ],
    },
    {
      name: 'para 17: a joint-faith school with one diocese',
      form: changed((f) => {
        voluntaryAided(f);
        f.school.religiousCharacter = 'Roman Catholic and Church of England';
      }),
      expected: [{ severity: 'warning', path: ['school', 'dioceses'], message: 'names two churches' }],
    },
    {
      name: 'para 17: a voluntary aided school without a foundation',
      form: changed((f) => {
        voluntaryAided(f);
        delete f.school.foundation;
      }),
      expected: [{ severity: 'warning', path: ['school', 'foundation'], message: 'appoints foundation governors' }],
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
      name: 'para 17: a primary school marked as having a sixth form',
      form: changed((f) => {
        f.school.sixthForm = true;
      }),
      expected: [
        { severity: 'warning', path: ['school', 'sixthForm'], message: 'primary school, which has no sixth form' },
      ],
    },
  ],
});

ruleTable(appropriateAuthority, {
  ok: [
    { name: 'paras 11, 17: a maintained school with a governing body', form: changed(() => {}) },
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
          message: 'cannot be governed by an interim executive board',
        },
      ],
    },
    {
      name: 'paras 11, 17: a community school is not governed by an academy trust',
      form: changed((f) => {
        f.school.governance = { body: 'academy-trust' };
      }),
      expected: [
        { severity: 'error', path: ['school', 'governance', 'body'], message: 'not governed by an academy trust' },
      ],
    },
    {
      name: 'paras 11, 17: who governs the school is missing',
      form: changed((f) => {
        delete f.school.governance;
      }),
      expected: [{ severity: 'warning', path: ['school', 'governance'], message: 'school.governance is missing' }],
    },
  ],
});

ruleTable(addressees, {
  ok: [{ name: 'para 17: headteacher and local authority given', form: changed(() => {}) }],
  notOk: [
    {
      name: 'para 17: no headteacher and no local authority',
      form: changed((f) => {
        delete f.headteacher;
        delete f.school.localAuthority;
      }),
      expected: [
        { severity: 'warning', path: ['headteacher'], message: 'addressed to the headteacher' },
        { severity: 'warning', path: ['school', 'localAuthority'], message: 'academies included' },
      ],
    },
  ],
});
