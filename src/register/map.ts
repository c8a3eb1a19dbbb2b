/**
 * A register row → the form's school facts. Values such as "Not applicable"
 * mean absent; the establishment type must be one the tool knows, or the
 * result carries an error naming it (never a silent guess). The register's
 * words (boarding, sixth form, dioceses, authorities) are read in
 * vocabulary.ts. Warnings: a closed or not-yet-open school, and a joint-faith
 * voluntary school whose row names fewer dioceses than its churches.
 */
import type { Diagnostic } from '../ground/diagnostics.js';
import { establishmentTypeByGiasName } from '../evidence/establishment.js';
import type { EvidenceForm, School } from '../evidence/schema.js';
import { giasColumns as c, present } from './columns.js';
import { withArticle } from '../ground/names.js';
import type { GiasRecord } from './read.js';
import {
  boardingFrom,
  diocesanChurches,
  dioceseNamesFrom,
  localAuthorityName,
  sixthFormFrom,
  typesOutsideSection5,
} from './vocabulary.js';

/** The headteacher as the form gives them. */
type Headteacher = NonNullable<EvidenceForm['headteacher']>;

/** One school as the register describes it, in the form's terms. */
export interface RegisterSchool {
  urn: string;
  /** The school's facts from the register; no field is set that the register leaves absent. */
  school: School;
  headteacher?: Headteacher;
  /** TypeOfEstablishment (name), exactly as the register writes it. */
  typeName?: string;
  /** EstablishmentStatus (name): Open, Closed, Open, but proposed to close… */
  status?: string;
  /** An unknown type (error), a closed school (warning). */
  diagnostics: Diagnostic[];
}

const phases: Record<string, NonNullable<School['phase']>> = {
  nursery: 'nursery',
  primary: 'primary',
  'middle deemed primary': 'middle-deemed-primary',
  'middle deemed secondary': 'middle-deemed-secondary',
  secondary: 'secondary',
  'all-through': 'all-through',
  '16 plus': '16-plus',
};

/** Names the register writes in capitals ("THE WENSUM TRUST") in the case a letter uses. */
export function displayName(name: string): string {
  if (name !== name.toUpperCase() || !/[A-Z]/.test(name)) return name;
  const small = new Set(['of', 'and', 'the', 'for', 'in', 'at', 'on', 'to', 'by']);
  const keep = new Set(['CE', 'C', 'E', 'RC', 'UTC', 'MAT', 'SAT', 'CIC', 'UK', 'II', 'III', 'IV']);
  return name
    .split(/(\s+|-)/)
    .map((word, i) => {
      if (keep.has(word)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && small.has(lower)) return lower;
      return lower.replace(/^(\p{L})/u, (m) => m.toUpperCase()).replace(/(['\u2019])S\b/, '$1s');
    })
    .join('');
}

/**
 * para 17: a joint-faith voluntary school (Roman Catholic/Church of England)
 * copies both churches' dioceses, but the register's Diocese column names
 * one: a warning that the other must be given in the form (school.dioceses).
 */
function jointFaithWithOneDiocese(school: School, urn: string): Diagnostic | undefined {
  if (school.type !== 'voluntary-aided' && school.type !== 'voluntary-controlled') return undefined;
  const churches = diocesanChurches(school.religiousCharacter);
  const named = school.dioceses ?? [];
  if (churches.length < 2 || named.length >= churches.length) return undefined;
  const given = named.length === 0 ? 'no diocese' : `only "${named.join('", "')}"`;
  return {
    severity: 'warning',
    message: `the register gives URN ${urn} the religious character "${school.religiousCharacter ?? ''}" but ${given}; each church's diocese is copied (para 17), so the other church's diocese is not known`,
    path: ['school', 'dioceses'],
    rule: 'register/joint-faith-diocese',
  };
}

/**
 * para 17: the appropriate authority of a federated school is the federation's
 * governing body ("Supported by a federation"), named from "Federations (name)";
 * a warning when the register flags a federation but does not name it.
 */
function federationOf(
  get: (column: string) => string | undefined,
  urn: string,
): { governance?: NonNullable<School['governance']>; warning?: Diagnostic } {
  if (!/^supported by a federation$/i.test(get(c.federationFlag) ?? '')) return {};
  const name = get(c.federations);
  if (name)
    return { governance: { body: 'governing-body', name: `Governing Body of ${withArticle(displayName(name))}` } };
  return {
    warning: {
      severity: 'warning',
      message: `the register records URN ${urn} as supported by a federation but does not name it (Federations); the chair of the federation's governing body is copied (para 17), so the federation's name is needed`,
      path: ['school', 'governance', 'name'],
      rule: 'register/federation-unnamed',
    },
  };
}

/** A school the register records as closed, or not yet open: a warning, as the visit is to a school open now. */
function statusWarning(get: (column: string) => string | undefined, urn: string): Diagnostic | undefined {
  const status = get(c.status) ?? '';
  if (/^closed/i.test(status)) {
    const closed = get(c.closeDate);
    const reason = get(c.closeReason);
    return {
      severity: 'warning',
      message: `the register records URN ${urn} as closed${closed ? ` on ${closed}` : ''}${reason ? ` (${reason})` : ''}; a school that replaced it (an academy, say) has its own URN`,
      path: ['school', 'urn'],
      rule: 'register/closed',
    };
  }
  if (/^proposed to open/i.test(status)) {
    const opens = get(c.openDate);
    return {
      severity: 'warning',
      message: `the register records URN ${urn} as proposed to open${opens ? ` on ${opens}` : ''}: it cannot yet have had the section 5 inspection a monitoring visit follows`,
      path: ['school', 'urn'],
      rule: 'register/not-open',
    };
  }
  return undefined;
}

/** The establishment type's form id, or an error naming the register's type (never a guess). */
function typeOf(typeName: string, urn: string): { id?: string; error?: Diagnostic } {
  const type = establishmentTypeByGiasName(typeName);
  if (type) return { id: type.id };
  const outside = typesOutsideSection5.get(typeName.toLowerCase().replace(/\u2019/g, "'"));
  return {
    error: {
      severity: 'error',
      message: outside
        ? `the register gives URN ${urn} the type of establishment "${typeName}", which is not inspected under section 5 (${outside}), so it gets no requires-improvement monitoring letter`
        : `the register gives URN ${urn} the type of establishment "${typeName}", which the tool does not know; give school.type in the form if the school is inspected under section 5`,
      path: ['school', 'type'],
      rule: 'register/unknown-type',
    },
  };
}

/** The register's facts about one school, in the form's terms. */
export function registerSchoolFromRecord(record: GiasRecord, file?: string): RegisterSchool {
  const get = (column: string): string | undefined => present(record[column]);
  const urn = get(c.urn) ?? '';
  const diagnostics: Diagnostic[] = [];
  const where = file === undefined ? {} : { file };
  const school: School = { urn };

  const name = get(c.name);
  if (name) school.name = name;

  const lines = [get(c.street), get(c.locality), get(c.address3)].filter((l): l is string => l !== undefined);
  if (lines.length > 0) {
    school.address = { lines };
    const town = get(c.town);
    const postcode = get(c.postcode);
    if (town) school.address.town = town;
    if (postcode) school.address.postcode = postcode;
  }
  const la = get(c.laName);
  if (la) school.localAuthority = { name: localAuthorityName(la) };

  const typeName = get(c.type);
  if (typeName) {
    const { id, error } = typeOf(typeName, urn);
    if (id) school.type = id;
    if (error) diagnostics.push({ ...error, ...where });
  }
  const phase = get(c.phase);
  const phaseId = phase ? phases[phase.toLowerCase()] : undefined;
  if (phaseId) school.phase = phaseId;

  const sixthForm = sixthFormFrom(get(c.sixthForm));
  if (sixthForm !== undefined) school.sixthForm = sixthForm;
  const boarding = boardingFrom(get(c.boarders));
  if (boarding !== undefined) school.boarding = boarding;

  const religiousCharacter = get(c.religiousCharacter);
  if (religiousCharacter) school.religiousCharacter = religiousCharacter;
  // A voluntary school the register says has no religious character ("None", "Does not apply") has no diocese to ask for (para 17).
  else if (
    /^(?:none|does not apply)$/i.test(record[c.religiousCharacter]?.trim() ?? '') &&
    /^voluntary-/.test(school.type ?? '')
  )
    school.religiousCharacter = 'None';
  const dioceses = dioceseNamesFrom(get(c.diocese));
  if (dioceses.length > 0) school.dioceses = dioceses;
  const secondDiocese = jointFaithWithOneDiocese(school, urn);
  if (secondDiocese) diagnostics.push({ ...secondDiocese, ...where });

  const trustFlag = get(c.trustFlag) ?? '';
  const trusts = get(c.trusts);
  if (trusts && !/^not supported/i.test(trustFlag)) {
    const trust = displayName(trusts.split('~')[0]!.trim());
    // "Supported by a trust": a foundation (trust) school; the academy flags name the academy trust.
    if (/^supported by a trust$/i.test(trustFlag)) school.foundation = { name: trust };
    else school.trust = trust;
  }

  const federation = federationOf(get, urn);
  if (federation.governance) school.governance = federation.governance;
  if (federation.warning) diagnostics.push({ ...federation.warning, ...where });

  const lastName = get(c.headLastName);
  const headteacher: Headteacher | undefined = lastName ? { lastName } : undefined;
  if (headteacher) {
    const title = get(c.headTitle);
    const first = get(c.headFirstName);
    const role = get(c.headJobTitle);
    if (title) headteacher.title = title;
    if (first) headteacher.firstName = first;
    if (role) headteacher.role = role;
  }

  const status = get(c.status);
  const statusProblem = statusWarning(get, urn);
  if (statusProblem) diagnostics.push({ ...statusProblem, ...where });
  const result: RegisterSchool = { urn, school, diagnostics };
  if (headteacher) result.headteacher = headteacher;
  if (typeName) result.typeName = typeName;
  if (status) result.status = status;
  return result;
}
