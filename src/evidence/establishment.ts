/**
 * Types of establishment, in the vocabulary of the national register (GIAS
 * `TypeOfEstablishment (name)`), with the facts the rules need about each.
 * Data, not logic: the rules in src/rules/ read these flags.
 *
 * The register's labels (first in each list) are its own, checked against
 * published extracts (edubasealldata, 2023 to 2025, type codes 1 to 57).
 * Register types that are not schools in England inspected under section 5
 * (Welsh establishment, British schools overseas, Online provider, Secure
 * units, Higher education institutions, …) and the catch-alls
 * ("Miscellaneous", "Academy secure 16 to 19") are deliberately absent: a
 * school of such a type is an error naming it (src/register/map.ts), never a
 * guess, and the form's own type list stays the schools a letter can be for.
 */

export interface EstablishmentType {
  /** The id used in evidence forms. */
  id: string;
  /** The register's own label(s) for this type (first is canonical). */
  gias: readonly string[];
  /** Run by a local authority (community, VA, VC, foundation, PRU, nursery). */
  maintained: boolean;
  /** An academy (converter, sponsor led, free school, UTC, studio school…): DfE Academies Advisers Unit copied (para 17). */
  academy: boolean;
  /** Inspected under section 5 of the Education Act 2005, so can be judged to require improvement. */
  section5: boolean;
}

const t = (id: string, gias: string[], maintained: boolean, academy: boolean, section5 = true): EstablishmentType => ({
  id,
  gias,
  maintained,
  academy,
  section5,
});

/** Every type the tool knows. Types not listed are unknown, and reported as such. */
export const establishmentTypes: readonly EstablishmentType[] = [
  t('community', ['Community school'], true, false),
  t('voluntary-aided', ['Voluntary aided school'], true, false),
  t('voluntary-controlled', ['Voluntary controlled school'], true, false),
  t('foundation', ['Foundation school'], true, false),
  t('community-special', ['Community special school'], true, false),
  t('foundation-special', ['Foundation special school'], true, false),
  t('pupil-referral-unit', ['Pupil referral unit'], true, false),
  t('la-nursery', ['Local authority nursery school', 'LA nursery school'], true, false),
  t('academy-converter', ['Academy converter'], false, true),
  t('academy-sponsor-led', ['Academy sponsor led'], false, true),
  t('academy-special-converter', ['Academy special converter'], false, true),
  t('academy-special-sponsor-led', ['Academy special sponsor led'], false, true),
  t('academy-alternative-provision-converter', ['Academy alternative provision converter'], false, true),
  t('academy-alternative-provision-sponsor-led', ['Academy alternative provision sponsor led'], false, true),
  t('academy-16-19-converter', ['Academy 16-19 converter', 'Academy 16 to 19 converter'], false, true),
  t('academy-16-19-sponsor-led', ['Academy 16 to 19 sponsor led', 'Academy 16-19 sponsor led'], false, true),
  t('free-school', ['Free schools', 'Free school'], false, true),
  t('free-school-special', ['Free schools special', 'Free school special'], false, true),
  t(
    'free-school-alternative-provision',
    ['Free schools alternative provision', 'Free school alternative provision'],
    false,
    true,
  ),
  t('free-school-16-19', ['Free schools 16 to 19', 'Free schools 16-19', 'Free school 16 to 19'], false, true),
  t('university-technical-college', ['University technical college'], false, true),
  t('studio-school', ['Studio schools', 'Studio school'], false, true),
  t('city-technology-college', ['City technology college'], false, false),
  t('non-maintained-special', ['Non-maintained special school'], false, false),
  // Registered on GIAS but inspected under other legislation (independent schools:
  // Education and Skills Act 2008; colleges: the further education framework).
  t('independent', ['Other independent school'], false, false, false),
  t('independent-special', ['Other independent special school'], false, false, false),
  t('further-education', ['Further education', 'Sixth form centres'], false, false, false),
];

export const establishmentTypeIds = establishmentTypes.map((e) => e.id) as [string, ...string[]];

const byId = new Map(establishmentTypes.map((e) => [e.id, e]));
/** A label as the lookup compares it: case, curly apostrophes and runs of spaces ignored. */
const labelKey = (label: string): string =>
  label
    .trim()
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, ' ');

const byGias = new Map(establishmentTypes.flatMap((e) => e.gias.map((g) => [labelKey(g), e] as const)));

/** The type with this form id, or undefined. */
export function establishmentTypeById(id: string): EstablishmentType | undefined {
  return byId.get(id);
}

/** The type with this register label (case-insensitive), or undefined. */
export function establishmentTypeByGiasName(name: string): EstablishmentType | undefined {
  return byGias.get(labelKey(name));
}
