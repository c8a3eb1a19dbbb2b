/**
 * Generates varied, complete and valid evidence forms (nothing para 16 asks
 * for is missing: every letter comes out complete, the path users time) for the benchmark and volume tests:
 * different kinds of school, governance, sixth forms, visit numbers and
 * narrative lengths, deterministic for a seed. Needs nothing beyond the repo.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { EvidenceForm } from '../src/evidence/schema.js';
import { addDays } from '../src/ground/calendar.js';
import { englandBankHolidays } from '../src/rules/holidays.js';
import { isWorkingDay } from '../src/rules/working-days.js';

const holidays = englandBankHolidays();

/** A small deterministic PRNG (mulberry32), so a run can be repeated from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Names as schools have them: accents, apostrophes (typed straight and curly), hyphens, long names. */
const firstNames = [
  'Zoë',
  'Siân',
  'Łukasz',
  'Aoife',
  'Oluwaseun',
  'Priya',
  'Dafydd',
  'Chloé',
  'Tomasz',
  'Mary',
  'John',
  'Ștefan',
  'Rhŷs',
  'Anne-Marie',
  'Jiří',
  'Seán',
  'Bartholomew-Maximilian',
  'Nuala',
];
const lastNames = [
  'Hughes',
  'Ó Súilleabháin',
  'Nowak',
  'Patel',
  'Adeyemi',
  'Williams',
  'Brontë',
  'Smith',
  'Dvořák',
  "O'Brien",
  'D’Souza',
  'Țurcanu',
  'Fitzgerald-Montgomery-Ashworth',
  'Wolstenholme-Featherstonehaugh',
  'Nic Giolla Phádraig',
  'Ferreira da Conceição',
];
const las = ['Norfolk', 'Kent', 'Leeds', 'Hampshire', 'Isle of Wight', 'Birmingham', 'Cumbria', 'Devon', 'Camden'];
const sentences = [
  'Leaders have acted with urgency since the inspection, and staff share their ambition for the school.',
  'Teachers now use assessment information to plan work that challenges the most able pupils, although this is not yet consistent across the school.',
  'Governors ask more searching questions about pupils’ progress and visit the school regularly to see the actions in the plan for themselves.',
  'Pupils’ books show that they write at greater length, and boys’ presentation has improved since January.',
  'The school improvement plan is sharply focused on the areas for improvement, with clear timescales and measures of success.',
  'Subject leaders have begun to check the quality of teaching in their subjects, but their reports describe activity rather than impact.',
  'Attendance has improved this term, and the proportion of pupils who are persistently absent has fallen.',
  'The “marking for progress” policy is applied consistently — pupils respond to teachers’ comments and correct their errors.',
];

function narrative(rnd: () => number, min: number, max: number): string {
  const n = min + Math.floor(rnd() * (max - min + 1));
  return Array.from({ length: n }, () => sentences[Math.floor(rnd() * sentences.length)]!).join(' ');
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

type Kind = { type: string; phase: string; sixthForm: boolean; governance: string; academy: boolean; faith: boolean };
const kinds: Kind[] = [
  { type: 'community', phase: 'primary', sixthForm: false, governance: 'governing-body', academy: false, faith: false },
  {
    type: 'voluntary-aided',
    phase: 'primary',
    sixthForm: false,
    governance: 'governing-body',
    academy: false,
    faith: true,
  },
  {
    type: 'voluntary-controlled',
    phase: 'primary',
    sixthForm: false,
    governance: 'governing-body',
    academy: false,
    faith: true,
  },
  {
    type: 'foundation',
    phase: 'secondary',
    sixthForm: true,
    governance: 'governing-body',
    academy: false,
    faith: false,
  },
  {
    type: 'academy-converter',
    phase: 'secondary',
    sixthForm: true,
    governance: 'academy-trust',
    academy: true,
    faith: false,
  },
  {
    type: 'academy-sponsor-led',
    phase: 'secondary',
    sixthForm: false,
    governance: 'academy-trust',
    academy: true,
    faith: false,
  },
  { type: 'free-school', phase: 'primary', sixthForm: false, governance: 'academy-trust', academy: true, faith: false },
  {
    type: 'community-special',
    phase: 'not-applicable',
    sixthForm: false,
    governance: 'interim-executive-board',
    academy: false,
    faith: false,
  },
];

/** One generated form; `i` makes it unique, `seed` makes a run repeatable. */
export function generateForm(i: number, seed = 1): EvidenceForm {
  const rnd = random(seed * 100_003 + i);
  const kind = pick(rnd, kinds);
  const la = pick(rnd, las);
  const published = addDays('2014-01-06', Math.floor(rnd() * 300));
  const visitDate = addDays(published, 35 + Math.floor(rnd() * 40));
  let visit = visitDate; // a working day: not a weekend, not a bank holiday
  while (!isWorkingDay(visit, holidays)) visit = addDays(visit, 1);
  const areas = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => narrative(rnd, 1, 2));
  const long = rnd() < 0.2; // one letter in five is long (three pages or more)
  const effective = rnd() < 0.8;
  const recommended = { pupilPremium: rnd() < 0.3, governance: rnd() < 0.2 };
  const review = () => ({
    commissioned: addDays(published, 7),
    completed: addDays(published, 30), // before the visit (35 days or more after publication)
    impact: narrative(rnd, 1, 2),
  });
  const form = {
    school: {
      name: `${pick(rnd, ['St Bede’s', 'Oakfield', 'Riverside', 'Hillcrest', "St Mary's", 'Brontë', 'Our Lady of Lourdes and St Thérèse of Lisieux Catholic Voluntary Aided'])} ${kind.phase === 'secondary' ? 'Academy' : 'Primary School'} ${i}`,
      urn: String(100000 + ((i * 7919) % 899999)),
      address: { lines: [`${1 + (i % 200)} School Lane`], town: 'Norwich', postcode: 'NR1 2DH' },
      localAuthority: { name: la },
      type: kind.type,
      phase: kind.phase,
      sixthForm: kind.sixthForm,
      ...(kind.faith
        ? {
            religiousCharacter: 'Church of England',
            dioceses: ['Diocese of Norwich'],
            foundation: { name: 'The Norwich Diocesan Board of Education' },
          }
        : {}),
      ...(kind.academy ? { trust: 'The Wensum Trust' } : {}),
      boarding: false,
      governance: {
        body: kind.governance,
        chair: { title: 'Mr', firstName: pick(rnd, firstNames), lastName: pick(rnd, lastNames) },
      },
    },
    headteacher: {
      title: pick(rnd, ['Mrs', 'Mr', 'Ms', 'Dr']),
      firstName: pick(rnd, firstNames),
      lastName: pick(rnd, lastNames),
    },
    inspection: {
      endDate: addDays(published, -14),
      publishedDate: published,
      overallEffectiveness: 'requires-improvement',
      leadershipAndManagement: 'requires-improvement',
      areasForImprovement: areas,
      reviewsRecommended: recommended,
    },
    visit: {
      dates: [visit],
      number: 1,
      act: 'section-8',
      inspector: { name: `${pick(rnd, firstNames)} ${pick(rnd, lastNames)}` },
    },
    evidence: {
      meetings: [
        'the headteacher',
        'the Chair of the Governing Body and two other governors',
        'a representative of the local authority',
      ],
      documents: ['the school improvement plan', 'minutes of governing body meetings'],
    },
    context: narrative(rnd, 1, long ? 6 : 3),
    judgement: effective ? 'effective' : 'not-effective',
    findings: {
      progress: areas.map((_, k) => ({ area: k + 1, progress: narrative(rnd, 1, long ? 5 : 2) })),
      teachingAndLearning: narrative(rnd, 2, long ? 8 : 4),
      leadership: narrative(rnd, 2, long ? 8 : 4),
      governance: narrative(rnd, 1, long ? 6 : 3),
      plans: narrative(rnd, 1, 3),
    },
    reviews: {
      ...(recommended.pupilPremium ? { pupilPremium: review() } : {}),
      ...(recommended.governance ? { governance: review() } : {}),
    },
    externalSupport: {
      summary: narrative(rnd, 1, 2),
      qualityAndImpact: narrative(rnd, 1, 2),
      providers: [
        {
          name: `${la} local authority`,
          support: narrative(rnd, 1, 2),
          qualityAndImpact: narrative(rnd, 1, 2),
          brokeredEffectively: true,
        },
      ],
    },
    actions: { school: [narrative(rnd, 1, 1), narrative(rnd, 1, 1)] },
    priorities: [],
    // A school not taking effective action has HMI's concerns, each with recommendations (para 14), and a further visit (para 21).
    ...(effective
      ? {}
      : {
          concerns: [
            {
              about: 'urgency',
              concern: narrative(rnd, 1, 2),
              recommendations: [narrative(rnd, 1, 1), narrative(rnd, 1, 1)],
            },
          ],
        }),
    nextSteps: { furtherMonitoring: !effective },
  };
  return form as unknown as EvidenceForm;
}

/** Writes `count` generated forms as YAML into `dir`; returns their paths. */
export function writeForms(dir: string, count: number, seed = 1): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const path = join(dir, `form-${String(i).padStart(5, '0')}.yaml`);
    writeFileSync(path, stringify(generateForm(i, seed)));
    paths.push(path);
  }
  return paths;
}

// `node dist/bench/generate-forms.js DIR COUNT [SEED]`: the benchmark generates its forms in a
// process of its own, so their garbage is not counted in the batch's memory.
if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const [dir, count, seed] = process.argv.slice(2);
  writeForms(String(dir), Number(count), seed === undefined ? 1 : Number(seed));
}
