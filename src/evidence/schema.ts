/**
 * The visit-evidence form: the single source of truth for its shape.
 * TypeScript types are inferred from it and the editors' JSON Schema is
 * generated from it (src/evidence/json-schema.ts). Field names follow the
 * guidance's own words (paras 10–17).
 *
 * Most narrative fields are optional here: an HMI fills the form in during
 * the visit. Whether the letter is complete is a rule (para 16), checked in
 * src/rules/, not a schema constraint, so a draft can render with markers.
 */
import { internationalAddressProblem } from '../ground/international-address.js';
import { z } from 'zod';
import { establishmentTypeIds } from './establishment.js';

/** How a date is written in the form: YYYY-MM-DD. */
export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A URN as written: six digits, 100000–999999. */
export const urnPattern = /^[1-9]\d{5}$/;

/** A calendar date written YYYY-MM-DD that exists (no 30 February). */
export const isoDate = z
  .string({ error: 'expected a date written YYYY-MM-DD, e.g. 2014-03-12' })
  // abort: a date not written YYYY-MM-DD gets one message, not also "not a date on the calendar".
  .regex(isoDatePattern, { error: 'expected a date written YYYY-MM-DD, e.g. 2014-03-12', abort: true })
  .refine(isRealDate, { error: (issue) => `${String(issue.input)} is not a date on the calendar` })
  .meta({ description: 'A calendar date, YYYY-MM-DD', examples: ['2014-03-12'] });

/** True for a YYYY-MM-DD string naming a real calendar day. */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/**
 * A character no letter can print, which only an escape (JSON's \u0000, YAML's "\x1b") brings into a form:
 * C0 and C1 controls but tab, line feed and carriage return; a lone UTF-16 surrogate; U+FFFE and U+FFFF.
 */
export const unprintableCharacter =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Says which unprintable character a text holds, and where, without printing it. */
function unprintableMessage(value: string): string {
  const match = unprintableCharacter.exec(value);
  const code = (match?.[0] ?? '').charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `expected text a letter can print; found the unprintable character U+${code} at character ${(match?.index ?? 0) + 1}: delete it, or write what it stood for`;
}

const text = z
  .string()
  .trim()
  .min(1, { error: 'expected some text, found an empty value' })
  .refine((v) => !unprintableCharacter.test(v), { error: (issue) => unprintableMessage(String(issue.input)) });
/** One line of text: names, titles, the school's name. A line break would split a heading or an address line. */
const line = text.refine((v) => !/[\r\n\u2028\u2029]/.test(v), {
  error: 'expected one line of text (a name or title); found a line break: join the lines',
});
const narrative = text.meta({
  description:
    'Narrative as it should read in the letter. Separate paragraphs with a blank line. Printed exactly as typed.',
});

/** Unique reference number: six digits, 100000–999999. */
export const urn = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(urnPattern, { error: 'expected a URN: six digits, e.g. 121234' }))
  .meta({ description: 'Unique reference number from the register (six digits)' });

export const person = z
  .strictObject({
    title: line.optional().meta({ description: 'Mr, Mrs, Ms, Miss, Dr…; leave out where the person uses none' }),
    firstName: line.optional(),
    lastName: line,
  })
  .meta({ description: 'A person, named as they write their name' });

export const grade = z
  .enum(['outstanding', 'good', 'requires-improvement', 'inadequate'])
  .meta({ description: 'A section 5 grade: outstanding (1), good (2), requires-improvement (3), inadequate (4)' });

export const governingBody = z
  .enum([
    'governing-body',
    'interim-executive-board',
    'academy-trust',
    'sponsor',
    'proprietor',
    'management-board',
    // A pupil referral unit is governed by a management committee, its appropriate authority (para 17).
    'management-committee',
  ])
  .meta({ description: 'Who is responsible for the school (the appropriate authority, para 17)' });

export const establishmentType = z.enum(establishmentTypeIds).meta({
  description: 'Type of establishment, as in the register (TypeOfEstablishment)',
});

export const phase = z.enum([
  'nursery',
  'primary',
  'middle-deemed-primary',
  'middle-deemed-secondary',
  'secondary',
  'all-through',
  '16-plus',
  'not-applicable',
]);

const address = z.strictObject({
  lines: z
    .array(line)
    .min(1, { error: 'expected at least one address line' })
    .meta({ description: 'Street lines, without town or postcode' }),
  town: line.optional(),
  postcode: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/, { error: 'expected a UK postcode, e.g. NR1 2DH' })
    .optional(),
});

export const school = z.strictObject({
  name: line.optional().meta({ description: 'The school\u2019s name; may be left out when --register supplies it' }),
  urn,
  address: address.optional(),
  localAuthority: z
    .strictObject({
      name: line.meta({ description: 'The local authority as the register names it, e.g. Norfolk' }),
      copyTo: line.optional().meta({
        description:
          'Whom the copy is addressed to, exactly as it should be written, e.g. "the Director of Children\u2019s Services for Hampshire and the Isle of Wight". Defaults to the Director of Children\u2019s Services for the authority.',
      }),
    })
    .optional(),
  type: establishmentType.optional(),
  phase: phase.optional(),
  sixthForm: z.boolean().optional().meta({ description: 'Has a sixth form (the EFA is copied, para 17)' }),
  religiousCharacter: line
    .optional()
    .meta({ description: 'e.g. Church of England, Roman Catholic; leave out for none' }),
  dioceses: z
    .array(line)
    .optional()
    .meta({ description: 'Each diocese, e.g. "Diocese of Norwich"; two for a joint-faith school' }),
  foundation: z
    .strictObject({
      name: line.meta({
        description: 'The foundation or trust, e.g. "The Ely Diocesan Board of Education" or "The Wensum Trust"',
      }),
      appointedBy: line
        .optional()
        .meta({ description: 'The person or body that appoints foundation governors, if not the foundation itself' }),
    })
    .optional()
    .meta({ description: 'The school has a foundation (its appointing body is copied, para 17)' }),
  trust: line.optional().meta({ description: 'The academy trust, for academies' }),
  boarding: z.boolean().optional().meta({ description: 'Has residential or boarding provision (para 4)' }),
  governance: z
    .strictObject({
      body: governingBody,
      name: line
        .optional()
        .meta({ description: 'The body\u2019s own name where it is not the usual one, e.g. "Management Board"' }),
      chair: person
        .extend({
          email: z
            .email({
              error: (issue) =>
                internationalAddressProblem(issue.input) ?? 'expected an e-mail address, e.g. chair@example.org',
            })
            .optional()
            .meta({ description: 'Where the copy to the chair is e-mailed (send); or give it in the contacts file' }),
        })
        .optional(),
    })
    .optional(),
  supportContractor: z
    .strictObject({
      name: line.meta({ description: 'A contractor providing support services on behalf of the local authority' }),
      copyTo: line.optional(),
    })
    .optional(),
});

export const headteacher = person.extend({
  role: line
    .optional()
    .meta({ description: 'How the head is styled: Headteacher (default), Principal, Executive Headteacher…' }),
  email: z
    .email({
      error: (issue) => internationalAddressProblem(issue.input) ?? 'expected an e-mail address, e.g. head@example.org',
    })
    .optional()
    .meta({ description: 'Where the letter is e-mailed (send, confirm); or give it in the contacts file' }),
});

export const inspection = z.strictObject({
  startDate: isoDate.optional(),
  endDate: isoDate.meta({ description: 'The last day of the section 5 inspection' }),
  publishedDate: isoDate.optional().meta({ description: 'When the section 5 report was published' }),
  overallEffectiveness: grade,
  leadershipAndManagement: grade,
  areasForImprovement: z
    .array(narrative)
    .min(1, { error: 'expected at least one area for improvement from the section 5 report' }),
  reviewsRecommended: z
    .strictObject({
      governance: z.boolean().optional(),
      pupilPremium: z.boolean().optional(),
    })
    .optional()
    .meta({ description: 'External reviews recommended at the section 5 inspection (para 10, footnote 6)' }),
});

const inspector = z.strictObject({
  name: line,
  role: line.optional().meta({ description: 'Defaults to Her Majesty\u2019s Inspector' }),
  email: z
    .email({ error: (issue) => internationalAddressProblem(issue.input) ?? 'expected an e-mail address' })
    .optional(),
});

export const visit = z.strictObject({
  dates: z
    .array(isoDate)
    .min(1, { error: 'expected the date of at least one visit day' })
    .meta({ description: 'The day(s) of the monitoring inspection, in order' }),
  number: z
    .number()
    .int()
    .min(1)
    .max(9)
    .optional()
    .meta({ description: '1 for the first monitoring inspection, 2 for the second, and so on' }),
  act: z.enum(['section-8', 'section-117']).optional().meta({
    description:
      'section-8: Education Act 2005 (published); section-117: Education and Inspections Act 2006, a visit to assist improvement (not published, para 26)',
  }),
  inspector: inspector.meta({ description: 'The lead inspector, who signs the letter' }),
  team: z
    .array(inspector)
    .optional()
    .meta({ description: 'Team inspectors who took part in the visit, named in the letter after the lead inspector' }),
  notificationCall: isoDate.optional().meta({ description: 'The date HMI telephoned the school (para 7)' }),
  previous: z
    .strictObject({
      date: isoDate,
      judgement: z.enum(['effective', 'not-effective']).optional(),
      priorities: z.array(narrative).optional(),
    })
    .optional()
    .meta({ description: 'The previous monitoring inspection, for a subsequent visit (paras 21–22)' }),
  focus: z.array(narrative).optional().meta({ description: 'Any specific focus agreed (para 8)' }),
});

export const evidence = z.strictObject({
  meetings: z
    .array(text)
    .optional()
    .meta({ description: 'With whom, e.g. "the headteacher", "a representative of the local authority"' }),
  observations: z
    .array(narrative)
    .optional()
    .meta({ description: 'Lessons visited, observation of the school at work' }),
  workScrutiny: z.array(narrative).optional(),
  documents: z.array(text).optional().meta({ description: 'Documents evaluated, e.g. "the school improvement plan"' }),
  parentView: narrative.optional(),
  other: narrative.optional(),
});

const review = z.strictObject({
  commissioned: z
    .union([isoDate, z.literal(false)])
    .optional()
    .meta({
      description:
        'The date the school started commissioning the review, or false if it had not been commissioned by the visit (para 16: its timeliness)',
    }),
  completed: isoDate.optional(),
  impact: narrative.optional(),
});

export const findings = z.strictObject({
  progress: z
    .array(
      z.strictObject({
        area: z.number().int().min(1).meta({ description: 'Which area for improvement, counting from 1' }),
        progress: narrative,
      }),
    )
    .optional()
    .meta({ description: 'Progress on each area for improvement from the section 5 inspection' }),
  teachingAndLearning: narrative.optional(),
  leadership: narrative.optional(),
  governance: narrative.optional(),
  performanceManagement: narrative.optional().meta({ description: 'Management of teachers\u2019 performance' }),
  barriers: narrative.optional(),
  plans: narrative.optional().meta({ description: 'Suitability of the school\u2019s plans (para 16)' }),
  previousRecommendations: narrative
    .optional()
    .meta({ description: 'Response to the recommendations of a previous monitoring inspection' }),
  previousPriorities: z
    .array(
      z.strictObject({
        priority: z.number().int().min(1).meta({
          description:
            'Which priority of the previous monitoring inspection (visit.previous.priorities), counting from 1',
        }),
        response: narrative,
      }),
    )
    .optional()
    .meta({
      description:
        'The school\u2019s response to each priority set at the previous monitoring inspection (paras 21\u201322)',
    }),
});

export const externalSupport = z.strictObject({
  none: z
    .boolean()
    .optional()
    .meta({ description: 'true when the school has had no external support since the section 5 inspection' }),
  summary: narrative.optional().meta({ description: 'What external support the school has had, and from whom' }),
  qualityAndImpact: narrative.optional().meta({
    description: 'The quality and impact of the support, overall (para 16); or give each provider’s qualityAndImpact',
  }),
  brokering: narrative.optional().meta({
    description:
      'Whether the support is being brokered effectively, in your words (para 16); or give each provider’s brokeredEffectively',
  }),
  providers: z
    .array(
      z.strictObject({
        name: line,
        support: narrative.meta({ description: 'What it provides' }),
        qualityAndImpact: narrative.optional(),
        brokeredEffectively: z.boolean().optional(),
      }),
    )
    .optional(),
});

export const form = z.strictObject({
  $schema: z.string().optional(),
  school,
  headteacher: headteacher.optional(),
  inspection,
  visit,
  evidence: evidence.optional(),
  context: narrative.optional().meta({ description: 'The context of the school' }),
  judgement: z
    .enum(['effective', 'not-effective'])
    .optional()
    .meta({ description: 'The single overarching judgement (para 11)' }),
  findings: findings.optional(),
  reviews: z
    .strictObject({ pupilPremium: review.optional(), governance: review.optional() })
    .optional()
    .meta({ description: 'External reviews of the use of the pupil premium and of governance (para 16, footnote 6)' }),
  externalSupport: externalSupport.optional(),
  actions: z
    .strictObject({
      school: z.array(narrative).optional(),
      localAuthority: z.array(narrative).optional(),
      trust: z.array(narrative).optional(),
    })
    .optional()
    .meta({ description: 'What the school (and the LA or trust) should take further action to do' }),
  priorities: z
    .array(narrative)
    .optional()
    .meta({ description: 'Additional priorities for improvement (para 16, 22)' }),
  concerns: z
    .array(
      z.strictObject({
        about: z.enum(['leadership', 'governance', 'urgency', 'other']),
        concern: narrative,
        recommendations: z.array(narrative).optional(),
      }),
    )
    .optional()
    .meta({ description: 'HMI concerns, each with specific recommendations (para 14)' }),
  seriousConcerns: z
    .array(
      z.strictObject({
        concern: narrative,
        safeguarding: z.boolean().optional(),
        reportedToOfsted: z.boolean().optional(),
      }),
    )
    .optional()
    .meta({ description: 'Serious concerns not found before, safeguarding among them (para 15)' }),
  nextSteps: z
    .strictObject({
      furtherMonitoring: z.boolean().optional(),
      readyForSection5: z.boolean().optional(),
      note: narrative.optional(),
    })
    .optional(),
  letter: z
    .strictObject({
      date: isoDate.optional().meta({ description: 'The date on the letter; defaults to the last visit day' }),
      provider: z
        .strictObject({
          name: line,
          addressLines: z.array(line).optional(),
          phone: line.optional(),
          email: z
            .email({ error: (issue) => internationalAddressProblem(issue.input) ?? 'expected an e-mail address' })
            .optional(),
        })
        .optional()
        .meta({ description: 'The inspection service provider, for the letterhead' }),
    })
    .optional(),
});

/** A visit-evidence form, as validated. */
export type EvidenceForm = z.infer<typeof form>;
export type School = z.infer<typeof school>;
export type Person = z.infer<typeof person>;
export type Grade = z.infer<typeof grade>;
export type Judgement = NonNullable<EvidenceForm['judgement']>;
export type GoverningBody = z.infer<typeof governingBody>;
