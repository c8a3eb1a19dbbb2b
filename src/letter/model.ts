/**
 * The letter model: pure data built from a validated form and the rules'
 * results, in the order of para 16. No sentence is written here; strings are
 * the inspector's own text or formatted facts (dates, names, joined lists).
 * An item para 16 requires and the form lacks is a `Missing` (a visible marker
 * in a draft, an error when final), never a blank.
 */
import { lastVisitDay, sortedVisitDates } from '../evidence/visit-dates.js';
import type { FormPath } from '../ground/diagnostics.js';
import type { EvidenceForm, Person } from '../evidence/schema.js';
import type { ContentKey, LetterDecisions } from '../rules/types.js';
import { copyListNames } from '../rules/recipients.js';
import { formatLongDate, formatMonthYear, formatVisitDates } from '../ground/dates-in-words.js';
import { joinList, midSentence } from './join.js';
import { establishmentTypeById } from '../evidence/establishment.js';
import { buildReviews, type ReviewTiming } from './review-view.js';

import { formTexts, isMissing, type JoinedTexts, type Missing, type RefusedValue, type Text } from './gap.js';

export { isMissing, type JoinedTexts, type Missing, type RefusedValue, type Text };

/** Everything buildLetter needs besides the form. */
export interface LetterContext {
  /** The copy list (para 17) and what para 16 still needs, decided once for the letter (src/rules/letter-decisions.ts). */
  decisions: LetterDecisions;
  status: 'draft' | 'final';
  toolVersion: string;
  templateHash: string;
  /** YYYY-MM-DD printed on the letter. */
  letterDate: string;
  /** Values the schema refused (the form was read as if they were missing): each gets a marker where it belongs. */
  refused?: readonly RefusedValue[];
}

const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];

/** One flag per kind of governing body, so a template can choose its words (para 11). */
export interface GovernanceFlags {
  governingBody: boolean;
  interimExecutiveBoard: boolean;
  academyTrust: boolean;
  sponsor: boolean;
  proprietor: boolean;
  managementBoard: boolean;
  /** A pupil referral unit's management committee (para 17: its appropriate authority). */
  managementCommittee: boolean;
  /** The body's own name where the form gives one ("Management Board"), else ''. */
  ownName: string;
}

export interface LetterModel {
  status: 'draft' | 'final';
  draft: boolean;
  /** false for a section 117 visit (para 26). */
  published: boolean;
  toolVersion: string;
  templateHash: string;
  letterDate: string;
  letterDateIso: string;
  /** The inspection service provider for the letterhead; name '' when the form gives none. */
  provider: { name: string; addressLines: Text[]; phone: string; email: string };
  /** `academy`: an academy of any kind but a free school, UTC or studio school, so the letter says "academy" for "school". */
  school: { name: Text; urn: string; addressLines: Text[]; academy: boolean };
  headteacher: { fullName: Text; salutationName: Text; role: Text };
  /** The lead inspector, who signs. */
  inspector: { name: Text; role: Text };
  /** Team inspectors, named in the opening after the lead ("my visit with …"); [] for a lead alone. */
  team: { name: Text; role: Text }[];
  visit: {
    dates: string;
    isoDates: string[];
    lastDateIso: string;
    ordinal: Text;
    first: boolean;
    subsequent: boolean;
    previousDate: string;
    /** "first" when this is the second visit; '' when not known. */
    previousOrdinal: string;
    previousEffective: boolean;
    previousNotEffective: boolean;
    focus: Text[];
  };
  act: { section8: boolean; section117: boolean };
  section5: { endDate: string; monthYear: string; publishedDate: Text };
  governance: GovernanceFlags;
  /** `shown`: false for a section 117 visit, which is not a monitoring inspection and carries no para 11 judgement. */
  judgement: { shown: boolean; effective: boolean; notEffective: boolean; missing: Text };
  /** `schoolMissing`: a gap when the form does not say what the school should do (para 16 completeness). */
  actions: { school: Text[]; schoolMissing: Text; localAuthority: Text[]; trust: Text[] };
  evidence: {
    /** Joined as a phrase ("the headteacher, … and …"); with a refused item, joined by the view around its marker. */
    meetings: string | JoinedTexts;
    documents: string | JoinedTexts;
    observations: Text[];
    workScrutiny: Text[];
    parentView: Text;
    other: Text;
    missing: Text;
  };
  context: Text;
  findings: {
    areas: { number: number; area: Text; progress: Text }[];
    teachingAndLearning: Text;
    leadership: Text;
    governance: Text;
    performanceManagement: Text;
    barriers: Text;
    plans: Text;
    previousRecommendations: Text;
    /** Each priority of the previous monitoring inspection, with the school's response or a gap (paras 21–22). */
    previousPriorities: { number: number; priority: Text; response: Text }[];
  };
  reviews: {
    pupilPremium: boolean;
    governance: boolean;
    recommended: boolean;
    commissioned: string;
    /** The form says it had not been commissioned by the visit (commissioned: false). */
    notCommissioned: boolean;
    /** A gap when a recommended review's commissioning is not given (its timeliness, para 16). */
    commissionedMissing: Text;
    completed: string;
    impact: Text;
    /** Whether it was timely (para 16; footnote 6 for a pupil premium review). */
    timing: ReviewTiming;
  }[];
  externalSupport: {
    /** externalSupport.none: the school has had none. */
    none: boolean;
    summary: Text;
    providers: {
      name: Text;
      support: Text;
      qualityAndImpact: Text;
    }[];
    /** The quality and impact overall, or a gap when neither it nor every provider's is given. */
    qualityAndImpact: Text;
    /** Whether it is brokered effectively in the HMI's words, or a gap; '' when the providers' flags say it. */
    brokering: Text;
    /**
     * From the providers' brokeredEffectively, only when there are no overall words (so the judgement is
     * printed once): those whose support is (is not) brokered effectively, joined: "the Diocese of Norwich and …".
     */
    brokered: string;
    notBrokered: string;
    missing: Text;
  };
  priorities: Text[];
  concerns: {
    leadership: boolean;
    governance: boolean;
    urgency: boolean;
    other: boolean;
    concern: Text;
    recommendations: Text[];
  }[];
  /** What HMI recommend next (paras 3, 21): a further monitoring inspection, or a section 5 inspection brought forward. */
  nextSteps: { furtherMonitoring: boolean; readyForSection5: boolean };
  copies: { names: string; list: string[]; missing: Text };
  /** Every gap in the model, in the order found. */
  gaps: Missing[];
}

function personName(p: Person | undefined): string {
  if (!p) return '';
  return [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');
}

function said(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** Builds the letter model (para 16's contents, in order) from a validated form. Pure. */
export function buildLetter(form: EvidenceForm, context: LetterContext): LetterModel {
  const gaps: Missing[] = [];
  const need = (value: string | undefined, missing: string, path: FormPath): Text => {
    if (said(value)) return value;
    const gap = { missing, path };
    gaps.push(gap);
    return gap;
  };
  // para 16: what is missing is decided once, by the completeness rule, so validate and draft --final agree.
  const required = new Map(
    context.decisions.missing.filter((item) => (item.severity ?? 'error') === 'error').map((item) => [item.key, item]),
  );
  /** The value, or a gap where the completeness rule says this item is missing. */
  const content = (key: ContentKey, value: string): Text => {
    const item = required.get(key);
    if (item === undefined) return value;
    const gap = { missing: item.label, path: item.path };
    gaps.push(gap);
    return gap;
  };
  const optional = (value: string | undefined): string => (said(value) ? value : '');
  // A value the schema refused is a gap where it belongs: its own place, or the end of its list.
  const { given, list, phrase } = formTexts(context.refused ?? [], gaps);

  const isoDates = sortedVisitDates(form);
  const lastDateIso = lastVisitDay(form);
  const number = form.visit.number;
  const act = form.visit.act ?? 'section-8';
  const provider = form.letter?.provider;
  const address = form.school.address;
  const head = form.headteacher;
  const body =
    form.school.governance?.body ??
    (form.school.type === 'pupil-referral-unit' ? 'management-committee' : 'governing-body');
  const e = form.evidence;
  const f = form.findings;

  const school = {
    name: content('school.name', optional(form.school.name)),
    urn: form.school.urn,
    addressLines: [
      ...list(address?.lines, ['school', 'address', 'lines']),
      given(address?.town, ['school', 'address', 'town']),
      given(address?.postcode, ['school', 'address', 'postcode']),
    ].filter((line) => line !== ''),
    academy: isAcademy(form),
  };
  const fullName = content('headteacher', personName(head));
  const headteacher = {
    fullName,
    salutationName: head ? [head.title ?? head.firstName, head.lastName].filter(Boolean).join(' ') : fullName,
    role: given(head?.role, ['headteacher', 'role']),
  };
  const section117 = act === 'section-117';
  // para 26: a section 117 visit is not a monitoring inspection, so it has no place in the count.
  const ordinal: Text = content('visit.number', number !== undefined ? (ordinals[number - 1] ?? '') : '');

  const evidence = {
    meetings: phrase(e?.meetings, ['evidence', 'meetings']),
    documents: phrase(e?.documents, ['evidence', 'documents']),
    observations: list(e?.observations, ['evidence', 'observations']),
    workScrutiny: list(e?.workScrutiny, ['evidence', 'workScrutiny']),
    parentView: given(e?.parentView, ['evidence', 'parentView']),
    other: given(e?.other, ['evidence', 'other']),
    missing: content('evidence', ''),
  };
  const contextText = content('context', optional(form.context));
  // para 11 is the judgement of a monitoring inspection; a section 117 visit (para 26) makes none.
  const judgement = {
    shown: !section117,
    effective: !section117 && form.judgement === 'effective',
    notEffective: !section117 && form.judgement === 'not-effective',
    missing: content('judgement', ''),
  };

  const progress = f?.progress ?? [];
  const findings = {
    areas: form.inspection.areasForImprovement.map((area, index) => ({
      number: index + 1,
      area: given(area, ['inspection', 'areasForImprovement', index]),
      progress: content(
        `findings.progress.${index + 1}`,
        progress
          .filter((p) => p.area === index + 1 && said(p.progress))
          .map((p) => p.progress)
          .join('\n\n'),
      ),
    })),
    teachingAndLearning: content('findings.teachingAndLearning', optional(f?.teachingAndLearning)),
    leadership: content('findings.leadership', optional(f?.leadership)),
    governance: content('findings.governance', optional(f?.governance)),
    performanceManagement: given(f?.performanceManagement, ['findings', 'performanceManagement']),
    barriers: given(f?.barriers, ['findings', 'barriers']),
    plans: content('findings.plans', optional(f?.plans)),
    previousRecommendations: given(f?.previousRecommendations, ['findings', 'previousRecommendations']),
    previousPriorities: (form.visit.previous?.priorities ?? []).map((priority, index) => ({
      number: index + 1,
      priority: given(priority, ['visit', 'previous', 'priorities', index]),
      response: content(
        `findings.previousPriorities.${index + 1}`,
        (f?.previousPriorities ?? [])
          .filter((r) => r.priority === index + 1 && said(r.response))
          .map((r) => r.response)
          .join('\n\n'),
      ),
    })),
  };

  const reviews = buildReviews(form, content, optional);

  const support = form.externalSupport;
  const none = support?.none === true;
  const providers = none
    ? []
    : (support?.providers ?? []).map((p, index) => ({
        name: given(p.name, ['externalSupport', 'providers', index, 'name']),
        support: given(p.support, ['externalSupport', 'providers', index, 'support']),
        qualityAndImpact: content(`externalSupport.providers.${index}.qualityAndImpact`, optional(p.qualityAndImpact)),
      }));
  // The brokering judgement is printed once: the HMI's own words when given, else one sentence from the providers' flags.
  const ownBrokering = said(support?.brokering);
  const flagged = (value: boolean): string =>
    none || ownBrokering
      ? ''
      : joinList(
          (support?.providers ?? []).filter((p) => p.brokeredEffectively === value).map((p) => midSentence(p.name)),
        );
  const externalSupport = {
    none,
    summary: given(support?.summary, ['externalSupport', 'summary']),
    providers,
    qualityAndImpact: none ? '' : content('externalSupport.qualityAndImpact', optional(support?.qualityAndImpact)),
    brokering: none ? '' : content('externalSupport.brokering', optional(support?.brokering)),
    brokered: flagged(true),
    notBrokered: flagged(false),
    missing: content('externalSupport', ''),
  };

  const decided = context.decisions.copyList;
  const copyList = decided.decided ? copyListNames(decided.list) : [];
  const copies = {
    names: joinList(copyList),
    list: copyList,
    missing: decided.decided
      ? ''
      : need(undefined, `copy list (${decided.problem.message})`, [...decided.problem.path]),
  };

  const governance: GovernanceFlags = {
    governingBody: body === 'governing-body',
    interimExecutiveBoard: body === 'interim-executive-board',
    academyTrust: body === 'academy-trust',
    sponsor: body === 'sponsor',
    proprietor: body === 'proprietor',
    managementBoard: body === 'management-board',
    managementCommittee: body === 'management-committee',
    ownName: optional(form.school.governance?.name),
  };

  return {
    status: context.status,
    draft: context.status === 'draft',
    published: act !== 'section-117',
    toolVersion: context.toolVersion,
    templateHash: context.templateHash,
    letterDate: formatLongDate(context.letterDate),
    letterDateIso: context.letterDate,
    provider: provider
      ? {
          name: provider.name,
          addressLines: list(provider.addressLines, ['letter', 'provider', 'addressLines']),
          phone: optional(provider.phone),
          email: optional(provider.email),
        }
      : { name: '', addressLines: [], phone: '', email: '' },
    school,
    headteacher,
    inspector: {
      name: given(form.visit.inspector.name, ['visit', 'inspector', 'name']),
      role: given(form.visit.inspector.role, ['visit', 'inspector', 'role']),
    },
    team: (form.visit.team ?? []).map((member, index) => ({
      name: given(member.name, ['visit', 'team', index, 'name']),
      role: given(member.role, ['visit', 'team', index, 'role']),
    })),
    visit: {
      dates: formatVisitDates(isoDates),
      isoDates,
      lastDateIso,
      ordinal,
      first: number === 1,
      subsequent: number !== undefined && number > 1,
      previousDate: form.visit.previous ? formatLongDate(form.visit.previous.date) : '',
      previousOrdinal: number !== undefined && number > 1 ? (ordinals[number - 2] ?? '') : '',
      previousEffective: form.visit.previous?.judgement === 'effective',
      previousNotEffective: form.visit.previous?.judgement === 'not-effective',
      focus: list(form.visit.focus, ['visit', 'focus']),
    },
    act: { section8: !section117, section117 },
    section5: {
      endDate: formatLongDate(form.inspection.endDate),
      monthYear: formatMonthYear(form.inspection.endDate),
      publishedDate: form.inspection.publishedDate
        ? formatLongDate(form.inspection.publishedDate)
        : given(undefined, ['inspection', 'publishedDate']),
    },
    governance,
    judgement,
    actions: {
      school: list(form.actions?.school, ['actions', 'school']),
      schoolMissing: content('actions.school', ''),
      localAuthority: list(form.actions?.localAuthority, ['actions', 'localAuthority']),
      trust: list(form.actions?.trust, ['actions', 'trust']),
    },
    evidence,
    context: contextText,
    findings,
    reviews,
    externalSupport,
    priorities: list(form.priorities, ['priorities']),
    concerns: (form.concerns ?? []).map((c, index) => ({
      leadership: c.about === 'leadership',
      governance: c.about === 'governance',
      urgency: c.about === 'urgency',
      other: c.about === 'other',
      concern: given(c.concern, ['concerns', index, 'concern']),
      recommendations: list(c.recommendations, ['concerns', index, 'recommendations']),
    })),
    nextSteps: {
      furtherMonitoring: form.nextSteps?.furtherMonitoring === true,
      readyForSection5: form.nextSteps?.readyForSection5 === true,
    },
    copies,
    gaps,
  };
}

/**
 * An academy the letter calls "academy": converter and sponsor-led academies
 * of every kind; without a type, one governed by an academy trust or sponsor.
 * Free schools, UTCs and studio schools keep "school", as their names do.
 */
function isAcademy(form: EvidenceForm): boolean {
  const type = form.school.type;
  if (type !== undefined) return type.startsWith('academy-') && establishmentTypeById(type)?.academy === true;
  const body = form.school.governance?.body;
  return body === 'academy-trust' || body === 'sponsor';
}
