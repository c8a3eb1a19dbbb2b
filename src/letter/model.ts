/**
 * The letter model: pure data built from a validated form and the rules'
 * results, in the order of para 16. No sentence is written here; strings are
 * the inspector's own text or formatted facts (dates, names, joined lists).
 * An item para 16 requires and the form lacks is a `Missing` (a visible marker
 * in a draft, an error when final), never a blank.
 */
import { lastVisitDay, sortedVisitDates } from '../evidence/visit-dates.js';
import type { EvidenceForm } from '../evidence/schema.js';
import type { LetterDecisions } from '../rules/types.js';
import { formatLongDate, formatMonthYear, formatVisitDates } from '../ground/dates-in-words.js';
import { establishmentTypeById } from '../evidence/establishment.js';
import { buildReviews, type ReviewTiming } from './review-view.js';
import {
  copiesPart,
  evidencePart,
  externalSupportPart,
  findingsPart,
  governancePart,
  headteacherPart,
  letterTexts,
  schoolPart,
} from './model-parts.js';
import { isMissing, type JoinedTexts, type Missing, type RefusedValue, type Text } from './gap.js';

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

/** Everything buildLetter writes, from the form and what was decided for the letter, in the order of para 16. */
export function buildLetter(form: EvidenceForm, context: LetterContext): LetterModel {
  const t = letterTexts(context);
  const number = form.visit.number;
  const act = form.visit.act ?? 'section-8';
  const section117 = act === 'section-117';
  const provider = form.letter?.provider;
  const isoDates = sortedVisitDates(form);
  // In this order, so the gaps are listed as the letter reads (the parts, then the rest in the model's order).
  const school = { ...schoolPart(form, t), academy: isAcademy(form) };
  const headteacher = headteacherPart(form, t);
  // para 26: a section 117 visit is not a monitoring inspection, so it has no place in the count.
  const ordinal = t.content('visit.number', number !== undefined ? (ordinals[number - 1] ?? '') : '');
  const evidence = evidencePart(form, t);
  const contextText = t.content('context', t.optional(form.context));
  // para 11 is the judgement of a monitoring inspection; a section 117 visit (para 26) makes none.
  const judgement = {
    shown: !section117,
    effective: !section117 && form.judgement === 'effective',
    notEffective: !section117 && form.judgement === 'not-effective',
    missing: t.content('judgement', ''),
  };
  const findings = findingsPart(form, t);
  const reviews = buildReviews(form, t.content, t.optional);
  const externalSupport = externalSupportPart(form, t);
  const copies = copiesPart(context, t);
  return {
    status: context.status,
    draft: context.status === 'draft',
    published: !section117,
    toolVersion: context.toolVersion,
    templateHash: context.templateHash,
    letterDate: formatLongDate(context.letterDate),
    letterDateIso: context.letterDate,
    provider: provider
      ? {
          name: provider.name,
          addressLines: t.list(provider.addressLines, ['letter', 'provider', 'addressLines']),
          phone: t.optional(provider.phone),
          email: t.optional(provider.email),
        }
      : { name: '', addressLines: [], phone: '', email: '' },
    school,
    headteacher,
    inspector: {
      name: t.given(form.visit.inspector.name, ['visit', 'inspector', 'name']),
      role: t.given(form.visit.inspector.role, ['visit', 'inspector', 'role']),
    },
    team: (form.visit.team ?? []).map((member, index) => ({
      name: t.given(member.name, ['visit', 'team', index, 'name']),
      role: t.given(member.role, ['visit', 'team', index, 'role']),
    })),
    visit: {
      dates: formatVisitDates(isoDates),
      isoDates,
      lastDateIso: lastVisitDay(form),
      ordinal,
      first: number === 1,
      subsequent: number !== undefined && number > 1,
      previousDate: form.visit.previous ? formatLongDate(form.visit.previous.date) : '',
      previousOrdinal: number !== undefined && number > 1 ? (ordinals[number - 2] ?? '') : '',
      previousEffective: form.visit.previous?.judgement === 'effective',
      previousNotEffective: form.visit.previous?.judgement === 'not-effective',
      focus: t.list(form.visit.focus, ['visit', 'focus']),
    },
    act: { section8: !section117, section117 },
    section5: {
      endDate: formatLongDate(form.inspection.endDate),
      monthYear: formatMonthYear(form.inspection.endDate),
      publishedDate: form.inspection.publishedDate
        ? formatLongDate(form.inspection.publishedDate)
        : t.given(undefined, ['inspection', 'publishedDate']),
    },
    governance: governancePart(form, t),
    judgement,
    actions: {
      school: t.list(form.actions?.school, ['actions', 'school']),
      schoolMissing: t.content('actions.school', ''),
      localAuthority: t.list(form.actions?.localAuthority, ['actions', 'localAuthority']),
      trust: t.list(form.actions?.trust, ['actions', 'trust']),
    },
    evidence,
    context: contextText,
    findings,
    reviews,
    externalSupport,
    priorities: t.list(form.priorities, ['priorities']),
    concerns: (form.concerns ?? []).map((c, index) => ({
      leadership: c.about === 'leadership',
      governance: c.about === 'governance',
      urgency: c.about === 'urgency',
      other: c.about === 'other',
      concern: t.given(c.concern, ['concerns', index, 'concern']),
      recommendations: t.list(c.recommendations, ['concerns', index, 'recommendations']),
    })),
    nextSteps: {
      furtherMonitoring: form.nextSteps?.furtherMonitoring === true,
      readyForSection5: form.nextSteps?.readyForSection5 === true,
    },
    copies,
    gaps: t.gaps,
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
