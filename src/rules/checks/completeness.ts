// para 16: the letter's eight contents, each present before it can be final; teaching and learning, leadership and governance in all cases.
import type { EvidenceForm } from '../../evidence/schema.js';
import { defineRule, type Finding } from '../rule.js';
import { said } from './form-facts.js';

const missing = (field: string) => `(${field} is missing)`;

/** 1. the date of the inspection and whether it was a first or subsequent one (the date is a schema requirement). */
function firstOrSubsequent(form: EvidenceForm): Finding[] {
  if (form.visit.number !== undefined) return [];
  return [
    {
      message: `the letter must say whether this is the first or a subsequent monitoring inspection ${missing('visit.number')}; expected 1 for the first, 2 for the second…`,
      path: ['visit', 'number'],
    },
  ];
}

/** 2. a summary of the type of evidence gathered, and the context of the school. */
function evidenceAndContext(form: EvidenceForm): Finding[] {
  const findings: Finding[] = [];
  const e = form.evidence;
  const lists = [e?.meetings, e?.observations, e?.workScrutiny, e?.documents];
  const anyEvidence = lists.some((list) => (list ?? []).some(said)) || said(e?.parentView) || said(e?.other);
  if (!anyEvidence) {
    findings.push({
      message: `the letter must summarise the evidence gathered ${missing('evidence')}; expected at least one of evidence.meetings, observations, workScrutiny, documents, parentView or other`,
      path: ['evidence'],
    });
  }
  if (!said(form.context)) {
    findings.push({
      message: `the letter must describe the context of the school ${missing('context')}`,
      path: ['context'],
    });
  }
  return findings;
}

/** 3. the judgement (para 11). */
function judgement(form: EvidenceForm): Finding[] {
  // para 26: a section 117 visit to assist improvement is not a monitoring inspection and makes no judgement.
  if (form.judgement !== undefined || form.visit.act === 'section-117') return [];
  return [
    {
      message: `the letter must give the single judgement of para 11 ${missing('judgement')}; expected effective or not-effective`,
      path: ['judgement'],
    },
  ];
}

/** 4. relevance, urgency and early impact: teaching and learning, leadership and governance in all cases. */
function alwaysAddressed(form: EvidenceForm): Finding[] {
  const required = [
    ['teachingAndLearning', 'how teaching and learning are being improved'],
    ['leadership', 'how effective school leadership is'],
    ['governance', 'how governance is being improved'],
  ] as const;
  return required
    .filter(([field]) => !said(form.findings?.[field]))
    .map(([field, what]) => ({
      message: `the letter must say ${what}, in all cases ${missing(`findings.${field}`)}`,
      path: ['findings', field],
    }));
}

/** 4. … with reference to the inspection findings: progress on every area for improvement, and no area that does not exist. */
function areaProgress(form: EvidenceForm): Finding[] {
  const areas = form.inspection.areasForImprovement.length;
  const progress = form.findings?.progress;
  if (progress === undefined || progress.length === 0) {
    return [
      {
        message: `the letter must report progress on each of the ${areas} area${areas === 1 ? '' : 's'} for improvement from the section 5 inspection ${missing('findings.progress')}`,
        path: form.findings === undefined ? ['findings'] : ['findings', 'progress'],
      },
    ];
  }
  const findings: Finding[] = [];
  progress.forEach((entry, index) => {
    if (entry.area > areas) {
      findings.push({
        message: `progress is given for area ${entry.area}, but the section 5 inspection lists ${areas} area${areas === 1 ? '' : 's'} for improvement; expected a number from 1 to ${areas}`,
        path: ['findings', 'progress', index, 'area'],
      });
    }
  });
  const covered = new Set(progress.map((entry) => entry.area));
  form.inspection.areasForImprovement.forEach((area, index) => {
    if (covered.has(index + 1)) return;
    findings.push({
      message: `the letter must report progress on area for improvement ${index + 1} ("${abbreviate(area)}") (no findings.progress entry has area: ${index + 1})`,
      path: ['findings', 'progress'],
    });
  });
  return findings;
}

/** 5. the suitability of the school's plans (a previous visit's recommendations: paras 21–22 rule). */
function plans(form: EvidenceForm): Finding[] {
  if (said(form.findings?.plans)) return [];
  return [
    {
      message: `the letter must say how suitable the school\u2019s plans are to tackle the areas requiring improvement ${missing('findings.plans')}`,
      path: ['findings', 'plans'],
    },
  ];
}

/** 6. the timeliness and impact of any external review recommended at the section 5 inspection. */
function reviews(form: EvidenceForm): Finding[] {
  const kinds = [
    ['pupilPremium', 'the review of the use of the pupil premium'],
    ['governance', 'the external review of governance'],
  ] as const;
  const findings: Finding[] = [];
  for (const [key, what] of kinds) {
    const recommended = form.inspection.reviewsRecommended?.[key] === true;
    const review = form.reviews?.[key];
    const saysSomething =
      review !== undefined &&
      (review.commissioned !== undefined || review.completed !== undefined || said(review.impact));
    if (recommended && !saysSomething) {
      findings.push({
        message: `${what} was recommended at the section 5 inspection, so the letter must say how promptly it was commissioned and what impact it has had ${missing(`reviews.${key}`)}`,
        path: ['reviews', key],
      });
    } else if (!recommended && review !== undefined) {
      findings.push({
        severity: 'warning',
        message: `reviews.${key} describes ${what}, but inspection.reviewsRecommended.${key} is not true; para 16 reports on reviews recommended at the section 5 inspection: set it to true if one was recommended`,
        path: ['inspection', 'reviewsRecommended', key],
      });
    }
  }
  return findings;
}

/** 7. the quality and impact of any external support, and whether it is brokered effectively. */
function externalSupport(form: EvidenceForm): Finding[] {
  const support = form.externalSupport;
  const providers = support?.providers ?? [];
  if (!said(support?.summary) && providers.length === 0) {
    return [
      {
        message: `the letter must describe the quality and impact of external support and whether it is brokered effectively, or say that there is none ${missing('externalSupport')}; expected externalSupport.summary or externalSupport.providers`,
        path: ['externalSupport'],
      },
    ];
  }
  if (said(support?.summary)) return [];
  const findings: Finding[] = [];
  providers.forEach((provider, index) => {
    if (!said(provider.qualityAndImpact)) {
      findings.push({
        severity: 'warning',
        message: `the letter should say what the quality and impact of the support from ${provider.name} are (externalSupport.providers[${index}].qualityAndImpact is missing, and there is no externalSupport.summary)`,
        path: ['externalSupport', 'providers', index, 'qualityAndImpact'],
      });
    }
  });
  if (providers.every((provider) => provider.brokeredEffectively === undefined)) {
    findings.push({
      severity: 'warning',
      message:
        'the letter should say whether external support is being brokered effectively (no provider has brokeredEffectively, and there is no externalSupport.summary)',
      path: ['externalSupport', 'providers'],
    });
  }
  return findings;
}

/** 8. any additional priorities for improvement: none is a fine answer, no answer is not. */
function additionalPriorities(form: EvidenceForm): Finding[] {
  if (form.priorities !== undefined) return [];
  return [
    {
      severity: 'warning',
      message:
        'the letter must give any additional priorities for improvement (priorities is missing); write priorities: [] if there are none',
      path: ['priorities'],
    },
  ];
}

function abbreviate(text: string): string {
  const words = text.split(/\s+/);
  return words.length <= 10 ? text : `${words.slice(0, 10).join(' ')}\u2026`;
}

/** The eight contents, in the letter's order. */
export const contents = [
  firstOrSubsequent,
  evidenceAndContext,
  judgement,
  alwaysAddressed,
  areaProgress,
  plans,
  reviews,
  externalSupport,
  additionalPriorities,
] as const;

export const completeness = defineRule({ id: 'para-16/completeness', paragraph: '16', severity: 'error' }, (form) =>
  contents.flatMap((content) => content(form)),
);
