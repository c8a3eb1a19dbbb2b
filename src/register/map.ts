/**
 * A register row → the form's school facts. Values such as "Not applicable"
 * mean absent; the establishment type must be one the tool knows, or the
 * result carries an error naming it (never a silent guess).
 */
import type { Diagnostic } from '../diagnostics.js';
import { establishmentTypeByGiasName } from '../evidence/establishment.js';
import type { School } from '../evidence/schema.js';
import type { Headteacher } from '../rules/recipients.js';
import { giasColumns as c, present } from './columns.js';
import type { GiasRecord } from './read.js';

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

/** "Diocese of Norwich", whichever way round the register wrote it. */
function dioceseName(value: string): string {
  const m = /^(.+?),\s*(?:the\s+)?(arch)?diocese of$/i.exec(value);
  if (m?.[1]) return `${m[2] ? 'Archdiocese' : 'Diocese'} of ${m[1]}`;
  return /dioces/i.test(value) ? value : `Diocese of ${value}`;
}

const boolean = (value: string | undefined, yes: RegExp, no: RegExp): boolean | undefined =>
  value === undefined ? undefined : yes.test(value) ? true : no.test(value) ? false : undefined;

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
  if (la) school.localAuthority = { name: la };

  const typeName = get(c.type);
  if (typeName) {
    const type = establishmentTypeByGiasName(typeName);
    if (type) school.type = type.id;
    else {
      diagnostics.push({
        severity: 'error',
        message: `the register gives URN ${urn} the type of establishment "${typeName}", which the tool does not know; give school.type in the form if the school is inspected under section 5`,
        path: ['school', 'type'],
        rule: 'register/unknown-type',
        ...where,
      });
    }
  }
  const phase = get(c.phase);
  const phaseId = phase ? phases[phase.toLowerCase()] : undefined;
  if (phaseId) school.phase = phaseId;

  const sixthForm = boolean(get(c.sixthForm), /^has a sixth form/i, /^does not have a sixth form/i);
  if (sixthForm !== undefined) school.sixthForm = sixthForm;
  const boarding = boolean(get(c.boarders), /^(?!no\b).*board/i, /^no boarders/i);
  if (boarding !== undefined) school.boarding = boarding;

  const religiousCharacter = get(c.religiousCharacter);
  if (religiousCharacter) school.religiousCharacter = religiousCharacter;
  const diocese = get(c.diocese);
  if (diocese)
    school.dioceses = diocese
      .split(/\s*[~/]\s*/)
      .filter(Boolean)
      .map(dioceseName);

  const trustFlag = get(c.trustFlag) ?? '';
  const trusts = get(c.trusts);
  if (trusts) {
    const trust = displayName(trusts.split('~')[0]!.trim());
    // "Supported by a trust": a foundation (trust) school; the academy flags name the academy trust.
    if (/^supported by a trust$/i.test(trustFlag)) school.foundation = { name: trust };
    else school.trust = trust;
  }

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
  if (status && /^closed/i.test(status)) {
    const closed = get(c.closeDate);
    diagnostics.push({
      severity: 'warning',
      message: `the register records URN ${urn} as closed${closed ? ` on ${closed}` : ''}`,
      path: ['school', 'urn'],
      rule: 'register/closed',
      ...where,
    });
  }
  const result: RegisterSchool = { urn, school, diagnostics };
  if (headteacher) result.headteacher = headteacher;
  if (typeName) result.typeName = typeName;
  if (status) result.status = status;
  return result;
}
