// para 16: the letter's eight contents, each present before it can be final; teaching and learning, leadership and governance in all cases.
import type { FormPath, Severity } from '../../ground/diagnostics.js';
import type { EvidenceForm } from '../../evidence/schema.js';
import type { MessageParams } from '../../ground/message-catalogue.js';
import { defineRule, type Finding } from '../rule.js';
import { said } from './form-facts.js';
import { previousPriorityResponses } from './previous-priorities.js';

/**
 * One item para 16 requires that the form does not give. The single source of
 * truth for "missing": `validate` reports these (the rule below) and the
 * letter model (src/letter/model.ts) puts a marker «label: not yet written»
 * where each error belongs, so `validate` and `draft --final` always agree.
 */
export interface MissingContent {
  /** Where the letter model looks it up: 'findings.plans', 'findings.progress.2', 'reviews.pupilPremium.commissioned'… */
  key: string;
  /** The marker's words in a draft: «label: not yet written». */
  label: string;
  /** Its message in the catalogue (templates/messages/en.yaml, under para-16/completeness), with the parameters. */
  code: string;
  params?: MessageParams;
  path: FormPath;
  /** 'error' unless said otherwise; only errors are gaps in the letter. */
  severity?: Severity;
  /** The guidance paragraph, where not 16. */
  paragraph?: string;
}

/**
 * The letter's addressee (para 17: sent to the headteacher) and heading: the school's name and the
 * headteacher, from the form or, with --register, from the register before the checks run.
 */
function addressee(form: EvidenceForm): MissingContent[] {
  const found: MissingContent[] = [];
  if (!said(form.school.name)) {
    found.push({
      key: 'school.name',
      label: 'school name',
      code: 'school-name',
      params: { urn: form.school.urn },
      path: ['school', 'name'],
    });
  }
  if (form.headteacher === undefined) {
    found.push({
      key: 'headteacher',
      label: 'headteacher',
      code: 'headteacher',
      path: ['headteacher'],
      paragraph: '17',
    });
  }
  return found;
}

/** 1. the date of the inspection and whether it was a first or subsequent one (the date is a schema requirement). */
function firstOrSubsequent(form: EvidenceForm): MissingContent[] {
  // para 26: a section 117 visit to assist improvement is not a monitoring inspection, so it has no place in the count.
  if (form.visit.number !== undefined || form.visit.act === 'section-117') return [];
  return [
    {
      key: 'visit.number',
      label: 'which monitoring inspection (first or subsequent)',
      code: 'visit-number',
      path: ['visit', 'number'],
    },
  ];
}

/** 2. a summary of the type of evidence gathered, and the context of the school. */
function evidenceAndContext(form: EvidenceForm): MissingContent[] {
  const found: MissingContent[] = [];
  const e = form.evidence;
  const lists = [e?.meetings, e?.observations, e?.workScrutiny, e?.documents];
  const anyEvidence = lists.some((list) => (list ?? []).some(said)) || said(e?.parentView) || said(e?.other);
  if (!anyEvidence) {
    found.push({
      key: 'evidence',
      label: 'evidence',
      code: 'evidence',
      path: ['evidence'],
    });
  }
  if (!said(form.context)) {
    found.push({
      key: 'context',
      label: 'context of the school',
      code: 'context',
      path: ['context'],
    });
  }
  return found;
}

/** 3. the judgement (para 11). */
function judgement(form: EvidenceForm): MissingContent[] {
  // para 26: a section 117 visit to assist improvement is not a monitoring inspection and makes no judgement.
  if (form.judgement !== undefined || form.visit.act === 'section-117') return [];
  return [
    {
      key: 'judgement',
      label: 'judgement',
      code: 'judgement',
      path: ['judgement'],
    },
  ];
}

/** What the school should do next: real letters list it under "The school should take further action to:". */
function schoolActions(form: EvidenceForm): MissingContent[] {
  if (form.actions?.school !== undefined) return [];
  return [
    {
      key: 'actions.school',
      label: 'what the school should take further action to do',
      code: 'school-actions',
      path: form.actions === undefined ? ['actions'] : ['actions', 'school'],
    },
  ];
}

/** 4. relevance, urgency and early impact: teaching and learning, leadership and governance in all cases. */
function alwaysAddressed(form: EvidenceForm): MissingContent[] {
  const required = [
    ['teachingAndLearning', 'teaching and learning', 'teaching-and-learning'],
    ['leadership', 'leadership', 'leadership'],
    ['governance', 'governance', 'governance'],
  ] as const;
  return required
    .filter(([field]) => !said(form.findings?.[field]))
    .map(([field, label, code]) => ({
      key: `findings.${field}`,
      label,
      code,
      path: ['findings', field],
    }));
}

/** 4. … with reference to the inspection findings: progress on every area for improvement. */
function areaProgress(form: EvidenceForm): MissingContent[] {
  const areas = form.inspection.areasForImprovement.length;
  const progress = form.findings?.progress ?? [];
  const path: FormPath = form.findings === undefined ? ['findings'] : ['findings', 'progress'];
  const covered = new Set(progress.filter((entry) => said(entry.progress)).map((entry) => entry.area));
  const uncovered = form.inspection.areasForImprovement
    .map((area, index) => ({ area, number: index + 1 }))
    .filter(({ number }) => !covered.has(number));
  return uncovered.map(({ area, number }) => ({
    key: `findings.progress.${number}`,
    label: `progress on area for improvement ${number}`,
    code: progress.length === 0 ? 'area-progress-none' : 'area-progress',
    params: { areas, area: number, text: abbreviate(area) },
    path,
  }));
}

/** 5. the suitability of the school's plans (a previous visit's recommendations: paras 21–22 rule). */
function plans(form: EvidenceForm): MissingContent[] {
  if (said(form.findings?.plans)) return [];
  return [
    {
      key: 'findings.plans',
      label: 'the school\u2019s plans',
      code: 'plans',
      path: ['findings', 'plans'],
    },
  ];
}

/** The reviews para 16 reports on, as a marker names them. */
const reviewKinds = [
  { key: 'pupilPremium', label: 'pupil premium review' },
  { key: 'governance', label: 'review of governance' },
] as const;

/** 6. the timeliness (when it was commissioned) and impact of any external review recommended at the section 5 inspection. */
function reviews(form: EvidenceForm): MissingContent[] {
  const found: MissingContent[] = [];
  for (const { key, label } of reviewKinds) {
    const recommended = form.inspection.reviewsRecommended?.[key] === true;
    const review = form.reviews?.[key];
    if (recommended) {
      if (review?.commissioned === undefined) {
        found.push({
          key: `reviews.${key}.commissioned`,
          label: `when the ${label} was commissioned`,
          code: 'review-commissioned',
          params: { review: key },
          path: ['reviews', key, 'commissioned'],
        });
      }
      if (!said(review?.impact)) {
        found.push({
          key: `reviews.${key}.impact`,
          label,
          code: 'review-impact',
          params: { review: key },
          path: ['reviews', key, 'impact'],
        });
      }
    } else if (review !== undefined) {
      found.push({
        key: `reviews.${key}.not-recommended`,
        label,
        severity: 'warning',
        code: 'review-not-recommended',
        params: { review: key },
        path: ['inspection', 'reviewsRecommended', key],
      });
    }
  }
  return found;
}

/**
 * 7. the quality and impact of any external support, and whether it is being brokered effectively:
 * both, overall (externalSupport.qualityAndImpact, externalSupport.brokering) or for every provider.
 * A summary of what the support is says neither.
 */
function externalSupport(form: EvidenceForm): MissingContent[] {
  const support = form.externalSupport;
  const providers = support?.providers ?? [];
  if (support?.none === true) {
    if (providers.length === 0) return [];
    return [
      {
        key: 'externalSupport.none',
        label: 'external support',
        severity: 'warning',
        code: 'external-support-none-and-providers',
        params: { providers: providers.length },
        path: ['externalSupport', 'none'],
      },
    ];
  }
  if (!said(support?.summary) && providers.length === 0) {
    return [
      {
        key: 'externalSupport',
        label: 'external support',
        code: 'external-support',
        path: ['externalSupport'],
      },
    ];
  }
  const found: MissingContent[] = [];
  if (!said(support?.qualityAndImpact)) {
    if (providers.length === 0) {
      found.push({
        key: 'externalSupport.qualityAndImpact',
        label: 'the quality and impact of external support',
        code: 'external-support-quality',
        path: ['externalSupport', 'qualityAndImpact'],
      });
    }
    providers.forEach((provider, index) => {
      if (said(provider.qualityAndImpact)) return;
      found.push({
        key: `externalSupport.providers.${index}.qualityAndImpact`,
        label: `the quality and impact of the support from ${provider.name}`,
        code: 'provider-quality',
        params: { provider: provider.name, index },
        path: ['externalSupport', 'providers', index, 'qualityAndImpact'],
      });
    });
  }
  const everyProviderSays = providers.length > 0 && providers.every((p) => p.brokeredEffectively !== undefined);
  if (!said(support?.brokering) && !everyProviderSays) {
    const unsaid = providers.filter((p) => p.brokeredEffectively === undefined).map((p) => p.name);
    found.push({
      key: 'externalSupport.brokering',
      label: 'whether external support is being brokered effectively',
      code: 'external-support-brokering',
      params: { unsaidCount: unsaid.length, unsaid: unsaid.join(', ') },
      path: ['externalSupport', 'brokering'],
    });
  }
  return found;
}

/** 8. any additional priorities for improvement: none is a fine answer, no answer is not. */
function additionalPriorities(form: EvidenceForm): MissingContent[] {
  if (form.priorities !== undefined) return [];
  return [
    {
      key: 'priorities',
      label: 'additional priorities',
      severity: 'warning',
      code: 'priorities',
      path: ['priorities'],
    },
  ];
}

function abbreviate(text: string): string {
  const words = text.split(/\s+/);
  return words.length <= 10 ? text : `${words.slice(0, 10).join(' ')}\u2026`;
}

/** The eight contents, in the letter's order (the school's actions where real letters put them, after the judgement). */
export const contents = [
  addressee,
  firstOrSubsequent,
  evidenceAndContext,
  judgement,
  schoolActions,
  alwaysAddressed,
  areaProgress,
  previousPriorityResponses,
  plans,
  reviews,
  externalSupport,
  additionalPriorities,
] as const;

/** Every item para 16 requires that the form does not give, in the letter's order. Pure. */
export function missingContents(form: EvidenceForm): MissingContent[] {
  return contents.flatMap((content) => content(form));
}

/** Progress given on an area the inspection does not list: a mistake in the form, not a gap in the letter. */
function unknownAreas(form: EvidenceForm): Finding[] {
  const areas = form.inspection.areasForImprovement.length;
  return (form.findings?.progress ?? []).flatMap((entry, index) =>
    entry.area > areas
      ? [
          {
            code: 'unknown-area',
            params: { area: entry.area, areas },
            path: ['findings', 'progress', index, 'area'],
          },
        ]
      : [],
  );
}

export const completeness = defineRule({ id: 'para-16/completeness', paragraph: '16', severity: 'error' }, (form) => [
  ...unknownAreas(form),
  ...missingContents(form).map(({ code, params, path, severity, paragraph }): Finding => ({
    code,
    ...(params ? { params } : {}),
    path,
    ...(severity ? { severity } : {}),
    ...(paragraph ? { paragraph } : {}),
  })),
]);
