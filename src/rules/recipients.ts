/**
 * Who gets the letter (para 17): sent to the headteacher, copied "as
 * appropriate" to the bodies para 17 lists. Every copy carries its reason,
 * and every role left out says why, so an LA officer can see both.
 * Names come from the school's facts, never from a fixed pattern.
 */
import { establishmentTypeById, type EstablishmentType } from '../evidence/establishment.js';
import type { Person, School } from '../evidence/schema.js';
import { sameBody, withArticle } from '../ground/names.js';
import { localAuthorityInProse } from '../register/local-authority-names.js';
import { factWords, type FactsFrom } from './fact-words.js';
import { dioceses, foundationBody } from './foundation-copies.js';
import { copy, RecipientsError, type Decision } from './recipient-decision.js';
import type { NotCopied, Recipient, RecipientList, RecipientWarning } from './types.js';

export type Headteacher = Person & { role?: string | undefined };
export { RecipientsError };
// Name normalisation lives in src/ground/names.ts (the register and check-copy use it too); re-exported for older importers.
export { dioceseKey, normaliseBodyName, withArticle } from '../ground/names.js';

/** The establishment type's facts, or a RecipientsError naming what is wrong. */
export function establishmentTypeOf(school: School): EstablishmentType {
  if (school.type === undefined) {
    throw new RecipientsError(
      'missing-type',
      `the school's type of establishment is not given (school.type); add it, or take it from the register with --register`,
      ['school', 'type'],
    );
  }
  const type = establishmentTypeById(school.type);
  if (!type) {
    throw new RecipientsError(
      'unknown-type',
      `the type of establishment "${school.type}" is not one the para 17 rules know, so who gets a copy cannot be decided`,
      ['school', 'type'],
    );
  }
  if (!type.section5) {
    throw new RecipientsError(
      'not-section-5',
      `the type of establishment "${type.gias[0] ?? type.id}" is not inspected under section 5, so it gets no requires-improvement monitoring letter`,
      ['school', 'type'],
    );
  }
  return type;
}

const isSixteenToNineteen = (type: EstablishmentType): boolean => /16-19/.test(type.id);

/** The addressee: the headteacher, by name where known (para 17). */
function addressee(headteacher: Headteacher | undefined): Recipient {
  if (!headteacher) return copy('headteacher', 'the Headteacher', 'the letter is sent to the headteacher');
  const name = [headteacher.title, headteacher.firstName, headteacher.lastName].filter(Boolean).join(' ');
  const styled = headteacher.role && !/^head ?teacher$/i.test(headteacher.role) ? ` (styled ${headteacher.role})` : '';
  return copy('headteacher', name, `the letter is sent to the headteacher${styled}`);
}

/**
 * The body that governs the school, defaulted from its type when the form does
 * not say: an academy's trust; a pupil referral unit's management committee
 * (the Education (Pupil Referral Units) (Management Committees etc.) (England)
 * Regulations 2007); any other school's governing body.
 */
export function governingBodyOf(school: School, type: EstablishmentType): NonNullable<School['governance']>['body'] {
  if (school.governance) return school.governance.body;
  if (type.academy) return 'academy-trust';
  return type.id === 'pupil-referral-unit' ? 'management-committee' : 'governing-body';
}

// para 17: the appropriate authority, e.g. the chair of the governing body or of the interim executive board: always
function appropriateAuthority(school: School, type: EstablishmentType, from: FactsFrom): Recipient {
  const body = governingBodyOf(school, type);
  const own = school.governance?.name;
  const trust = school.trust ?? school.foundation?.name;
  const ofTrust = trust ? ` of ${withArticle(trust)}` : '';
  const named: Record<typeof body, [string, string]> = {
    'governing-body': ['the Chair of the Governing Body', 'the governing body is the appropriate authority'],
    'interim-executive-board': [
      'the Chair of the Interim Executive Board',
      'an interim executive board governs the school: it is the appropriate authority',
    ],
    'academy-trust': [
      `the Chair of the Board of Trustees${ofTrust}`,
      'the academy trust is the appropriate authority for an academy',
    ],
    sponsor: [`the Chair of the Board of Trustees${ofTrust}`, 'the sponsor is the appropriate authority'],
    proprietor: [
      trust ? `the proprietor, ${withArticle(trust)}` : 'the proprietor',
      'the proprietor is the appropriate authority',
    ],
    'management-board': ['the Chair of the Management Board', 'a management board is the appropriate authority'],
    'management-committee': [
      'the Chair of the Management Committee',
      type.id === 'pupil-referral-unit'
        ? 'a pupil referral unit is governed by its management committee: it is the appropriate authority'
        : 'a management committee governs the school: it is the appropriate authority',
    ],
  };
  const [name, reason] = named[body];
  const finalName = own && body !== 'proprietor' ? `the Chair of ${withArticle(own)}` : name;
  const defaulted = school.governance
    ? ''
    : ` (${factWords('governance', from).unknown}: assumed from the school's type)`;
  return copy('appropriate-authority', finalName, `${reason}; it is always copied${defaulted}`);
}

// para 17: the local authority, including where the school is an academy: always
function localAuthority(school: School, type: EstablishmentType): Recipient {
  const la = school.localAuthority;
  if (!la) {
    throw new RecipientsError(
      'missing-local-authority',
      'the local authority is not given (school.localAuthority); it is always copied, so the letter needs it',
      ['school', 'localAuthority'],
    );
  }
  // The register writes "Kingston upon Hull, City of"; a letter says "for Kingston upon Hull" (src/register/local-authorities.ts).
  const name = la.copyTo ?? `the Director of Children\u2019s Services for ${localAuthorityInProse(la.name)}`;
  const reason = type.academy
    ? `the local authority (${la.name}) is always copied, academies included`
    : `the local authority (${la.name}) is always copied`;
  return copy('local-authority', name, reason);
}

// para 17: a contractor providing support services on behalf of the local authority, where appropriate
function supportContractor(school: School): Decision {
  const c = school.supportContractor;
  if (!c) {
    return {
      copies: [],
      notCopied: [
        { role: 'la-support-contractor', reason: 'no contractor provides support services for the local authority' },
      ],
    };
  }
  return {
    copies: [
      copy(
        'la-support-contractor',
        c.copyTo ?? c.name,
        `${c.name} provides support services on behalf of the local authority`,
      ),
    ],
    notCopied: [],
  };
}

// para 17: the Education Funding Agency, if the school has a sixth form
function educationFundingAgency(school: School, type: EstablishmentType, from: FactsFrom): Decision {
  if (isSixteenToNineteen(type)) {
    return {
      copies: [
        copy(
          'efa',
          'the Education Funding Agency',
          `${type.gias[0] ?? type.id}: post-16 provision, so the Education Funding Agency is copied`,
        ),
      ],
      notCopied: [],
    };
  }
  if (school.sixthForm === true) {
    return {
      copies: [
        copy(
          'efa',
          'the Education Funding Agency',
          'the school has a sixth form: the Education Funding Agency is copied',
        ),
      ],
      notCopied: [],
    };
  }
  if (school.sixthForm === undefined && school.phase === '16-plus') {
    return {
      copies: [
        copy(
          'efa',
          'the Education Funding Agency',
          'a 16 plus school: all its provision is post-16, so the Education Funding Agency is copied',
        ),
      ],
      notCopied: [],
    };
  }
  if (school.sixthForm === undefined && mayHaveSixthForm(school, type)) {
    const phase = school.phase === undefined || school.phase === 'not-applicable' ? undefined : school.phase;
    const words = phase?.replace(/-/g, ' ');
    const kind = words
      ? `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words} school`
      : from === 'register'
        ? 'a school whose phase the register does not give'
        : 'a school whose phase is not given (school.phase)';
    const sixthForm = factWords('sixthForm', from);
    return {
      copies: [],
      notCopied: [
        {
          role: 'efa',
          reason: `sixth form not known (${sixthForm.unknown}): whether the Education Funding Agency is copied cannot be decided`,
        },
      ],
      warnings: [
        {
          role: 'efa',
          message: `${kind} may have a sixth form, but ${sixthForm.unknown}, so whether the Education Funding Agency is copied (para 17) cannot be decided; ${sixthForm.settle}`,
          path: ['school', 'sixthForm'],
        },
      ],
    };
  }
  const why =
    school.sixthForm === false
      ? 'no sixth form'
      : type.id === 'pupil-referral-unit'
        ? 'a pupil referral unit teaches pupils of compulsory school age, so it has no sixth form'
        : type.id === 'la-nursery'
          ? 'a nursery school has no sixth form'
          : `a ${(school.phase ?? '').replace(/-/g, ' ')} school has no sixth form`;
  return { copies: [], notCopied: [{ role: 'efa', reason: `${why}: the Education Funding Agency is not copied` }] };
}

/** Phases with no sixth form; a pupil referral unit teaches pupils of compulsory school age, a nursery school none older than five. */
const noSixthFormPhases = new Set(['nursery', 'primary', 'middle-deemed-primary']);

/** True when the school may have a sixth form: secondary, all-through, middle deemed secondary, or a phase not given. */
function mayHaveSixthForm(school: School, type: EstablishmentType): boolean {
  if (type.id === 'pupil-referral-unit' || type.id === 'la-nursery') return false;
  return school.phase === undefined || !noSixthFormPhases.has(school.phase);
}

// para 17: DfE Academies Advisers Unit, for academies
function academiesUnit(type: EstablishmentType): Decision {
  const label = type.gias[0] ?? type.id;
  if (type.academy) {
    return {
      copies: [
        copy(
          'dfe-academies-unit',
          'the Academies Advisers Unit at the Department for Education',
          `${label} is an academy: the DfE Academies Advisers Unit is copied`,
        ),
      ],
      notCopied: [],
    };
  }
  return {
    copies: [],
    notCopied: [
      {
        role: 'dfe-academies-unit',
        reason: `${label.toLowerCase()} is not an academy: the DfE Academies Advisers Unit is not copied`,
      },
    ],
  };
}

/** Options for resolveRecipients. */
export interface RecipientOptions {
  /** Where the school's facts came from, so a fact not known is said in its words (default: a form). */
  factsFrom?: FactsFrom;
}

/** The letter's addressee and copy list, in para 17's order, each with its reason; throws RecipientsError when a fact it needs is missing. */
export function resolveRecipients(
  school: School,
  headteacher?: Headteacher,
  options: RecipientOptions = {},
): RecipientList {
  const from = options.factsFrom ?? 'form';
  const type = establishmentTypeOf(school);
  const authority = appropriateAuthority(school, type, from);
  const la = localAuthority(school, type);
  const contractor = supportContractor(school);
  const diocese = dioceses(school, type, from);
  const efa = educationFundingAgency(school, type, from);
  const foundation = foundationBody(school, type, diocese.copies, from);
  const unit = academiesUnit(type);
  const parts = [contractor, diocese, efa, foundation, unit];
  const copies: Recipient[] = [authority, la];
  const notCopied: NotCopied[] = [];
  const warnings: RecipientWarning[] = [];
  for (const p of parts) {
    notCopied.push(...p.notCopied);
    warnings.push(...(p.warnings ?? []));
    for (const c of p.copies) {
      // A body named twice (a contractor that is also the foundation, say) is copied once.
      // Dioceses were told apart already (sameDiocese); other roles are compared by body.
      const same = copies.find(
        (existing) => !(existing.role === 'diocese' && c.role === 'diocese') && sameBody(existing.name, c.name),
      );
      if (!same) copies.push(c);
      else if (same.role !== c.role)
        notCopied.push({ role: c.role, reason: `${c.name} is already copied as ${same.role}: copied once` });
    }
  }
  return { to: addressee(headteacher), copies, notCopied, warnings };
}

/** The names of the copies, in the order the letter's copy sentence lists them. */
export function copyListNames(list: RecipientList): string[] {
  return list.copies.map((c) => c.name);
}
