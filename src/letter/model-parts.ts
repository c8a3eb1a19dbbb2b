/**
 * The parts of the letter model that take more than reading a field: who the
 * letter is to, what the visit's evidence was, the findings on each area for
 * improvement, the external support, the copy list and the governing body.
 * Each reads the form through one `LetterTexts`, which records every gap.
 */
import type { EvidenceForm, Person } from '../evidence/schema.js';
import type { FormPath } from '../ground/diagnostics.js';
import { copyListNames } from '../rules/recipients.js';
import type { ContentKey, LetterDecisions } from '../rules/types.js';
import { formTexts, type FormTexts, type Missing, type RefusedValue, type Text } from './gap.js';
import { joinList, midSentence } from './join.js';

/** How the letter model reads the form's words, recording each gap (in `gaps`, in the order found). */
export interface LetterTexts extends FormTexts {
  /** The value, or a gap named `missing` when it is not written. */
  need(value: string | undefined, missing: string, path: FormPath): Text;
  /** The value, or a gap where the completeness rule (para 16) says this item is missing. */
  content(key: ContentKey, value: string): Text;
  /** The value, or '' when it is not written. */
  optional(value: string | undefined): string;
  gaps: Missing[];
}

function said(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** The readers for one letter: what para 16 still needs comes from the decisions, made once for the letter. */
export function letterTexts(context: { decisions: LetterDecisions; refused?: readonly RefusedValue[] }): LetterTexts {
  const gaps: Missing[] = [];
  const required = new Map(
    context.decisions.missing.filter((item) => (item.severity ?? 'error') === 'error').map((item) => [item.key, item]),
  );
  return {
    ...formTexts(context.refused ?? [], gaps),
    need(value, missing, path) {
      if (said(value)) return value;
      const gap = { missing, path };
      gaps.push(gap);
      return gap;
    },
    content(key, value) {
      const item = required.get(key);
      if (item === undefined) return value;
      const gap = { missing: item.label, path: item.path };
      gaps.push(gap);
      return gap;
    },
    optional: (value) => (said(value) ? value : ''),
    gaps,
  };
}

function personName(p: Person | undefined): string {
  if (!p) return '';
  return [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');
}

export function schoolPart(form: EvidenceForm, t: LetterTexts) {
  const address = form.school.address;
  return {
    name: t.content('school.name', t.optional(form.school.name)),
    urn: form.school.urn,
    addressLines: [
      ...t.list(address?.lines, ['school', 'address', 'lines']),
      t.given(address?.town, ['school', 'address', 'town']),
      t.given(address?.postcode, ['school', 'address', 'postcode']),
    ].filter((line) => line !== ''),
  };
}

export function headteacherPart(form: EvidenceForm, t: LetterTexts) {
  const head = form.headteacher;
  const fullName = t.content('headteacher', personName(head));
  return {
    fullName,
    salutationName: head ? [head.title ?? head.firstName, head.lastName].filter(Boolean).join(' ') : fullName,
    role: t.given(head?.role, ['headteacher', 'role']),
  };
}

export function evidencePart(form: EvidenceForm, t: LetterTexts) {
  const e = form.evidence;
  return {
    meetings: t.phrase(e?.meetings, ['evidence', 'meetings']),
    documents: t.phrase(e?.documents, ['evidence', 'documents']),
    observations: t.list(e?.observations, ['evidence', 'observations']),
    workScrutiny: t.list(e?.workScrutiny, ['evidence', 'workScrutiny']),
    parentView: t.given(e?.parentView, ['evidence', 'parentView']),
    other: t.given(e?.other, ['evidence', 'other']),
    missing: t.content('evidence', ''),
  };
}

/** Progress on each area for improvement, the narratives, and the response to each previous priority (paras 16, 21–22). */
export function findingsPart(form: EvidenceForm, t: LetterTexts) {
  const f = form.findings;
  const progress = f?.progress ?? [];
  return {
    areas: form.inspection.areasForImprovement.map((area, index) => ({
      number: index + 1,
      area: t.given(area, ['inspection', 'areasForImprovement', index]),
      progress: t.content(
        `findings.progress.${index + 1}`,
        progress
          .filter((p) => p.area === index + 1 && said(p.progress))
          .map((p) => p.progress)
          .join('\n\n'),
      ),
    })),
    teachingAndLearning: t.content('findings.teachingAndLearning', t.optional(f?.teachingAndLearning)),
    leadership: t.content('findings.leadership', t.optional(f?.leadership)),
    governance: t.content('findings.governance', t.optional(f?.governance)),
    performanceManagement: t.given(f?.performanceManagement, ['findings', 'performanceManagement']),
    barriers: t.given(f?.barriers, ['findings', 'barriers']),
    plans: t.content('findings.plans', t.optional(f?.plans)),
    previousRecommendations: t.given(f?.previousRecommendations, ['findings', 'previousRecommendations']),
    previousPriorities: (form.visit.previous?.priorities ?? []).map((priority, index) => ({
      number: index + 1,
      priority: t.given(priority, ['visit', 'previous', 'priorities', index]),
      response: t.content(
        `findings.previousPriorities.${index + 1}`,
        (f?.previousPriorities ?? [])
          .filter((r) => r.priority === index + 1 && said(r.response))
          .map((r) => r.response)
          .join('\n\n'),
      ),
    })),
  };
}

export function externalSupportPart(form: EvidenceForm, t: LetterTexts) {
  const support = form.externalSupport;
  const none = support?.none === true;
  const providers = none
    ? []
    : (support?.providers ?? []).map((p, index) => ({
        name: t.given(p.name, ['externalSupport', 'providers', index, 'name']),
        support: t.given(p.support, ['externalSupport', 'providers', index, 'support']),
        qualityAndImpact: t.content(
          `externalSupport.providers.${index}.qualityAndImpact`,
          t.optional(p.qualityAndImpact),
        ),
      }));
  // The brokering judgement is printed once: the HMI's own words when given, else one sentence from the providers' flags.
  const ownBrokering = said(support?.brokering);
  const flagged = (value: boolean): string =>
    none || ownBrokering
      ? ''
      : joinList(
          (support?.providers ?? []).filter((p) => p.brokeredEffectively === value).map((p) => midSentence(p.name)),
        );
  return {
    none,
    summary: t.given(support?.summary, ['externalSupport', 'summary']),
    providers,
    qualityAndImpact: none ? '' : t.content('externalSupport.qualityAndImpact', t.optional(support?.qualityAndImpact)),
    brokering: none ? '' : t.content('externalSupport.brokering', t.optional(support?.brokering)),
    brokered: flagged(true),
    notBrokered: flagged(false),
    missing: t.content('externalSupport', ''),
  };
}

/** The copy sentence's names (para 17), as decided once for the letter, or a gap saying why it could not be. */
export function copiesPart(context: { decisions: LetterDecisions }, t: LetterTexts) {
  const decided = context.decisions.copyList;
  const list = decided.decided ? copyListNames(decided.list) : [];
  return {
    names: joinList(list),
    list,
    missing: decided.decided
      ? ''
      : t.need(undefined, `copy list (${decided.problem.message})`, [...decided.problem.path]),
  };
}

/** One flag per kind of governing body, so a template can choose its words (para 11). */
export function governancePart(form: EvidenceForm, t: LetterTexts) {
  const body =
    form.school.governance?.body ??
    (form.school.type === 'pupil-referral-unit' ? 'management-committee' : 'governing-body');
  return {
    governingBody: body === 'governing-body',
    interimExecutiveBoard: body === 'interim-executive-board',
    academyTrust: body === 'academy-trust',
    sponsor: body === 'sponsor',
    proprietor: body === 'proprietor',
    managementBoard: body === 'management-board',
    managementCommittee: body === 'management-committee',
    ownName: t.optional(form.school.governance?.name),
  };
}
