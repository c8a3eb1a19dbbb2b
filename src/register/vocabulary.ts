/**
 * The register's own words for the facts the rules need, read into the form's
 * terms. The values are those of published GIAS extracts (edubasealldata,
 * 2021 to 2025): "Boarding school", "Children's home (Boarding school)",
 * "College / FE residential accommodation"; "Diocese of Leeds (RC)";
 * "Roman Catholic/Church of England"; "Bristol, City of", "Isles Of Scilly".
 */

/** Boarders (name) → whether the school has residential or boarding provision (para 4); undefined when the register does not say. */
export function boardingFrom(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(?:no\b|does not have)/i.test(value)) return false;
  return /board|residential/i.test(value) ? true : undefined;
}

/** OfficialSixthForm (name) → whether the school has a sixth form; undefined when the register does not say. */
export function sixthFormFrom(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (/\bnot\s+have\s+a\s+sixth\s+form/i.test(value)) return false;
  return /^has\s+a\s+sixth\s+form/i.test(value) ? true : undefined;
}

/** "Isles Of Scilly" → "Isles of Scilly": the small words of an authority's name in lower case, as a letter writes them. */
export function localAuthorityName(value: string): string {
  return value.replace(/(?<=\S\s)(Of|And|Upon|On|The|In)(?=\s)/g, (word) => word.toLowerCase());
}

const churchTag = /\s*\((RC|CE)\)\s*$/i;

/**
 * Diocese (name) → the dioceses' names, each "Diocese of Norwich" or
 * "Archdiocese of Birmingham" whichever way round the register wrote it. The
 * register tags a diocese that shares its see with the other church's ("(RC)",
 * "(CE)"): the tag becomes "Roman Catholic" / "Church of England" in front.
 * "Diocese is not trustees" names no diocese.
 */
export function dioceseNamesFrom(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(/\s*[~/]\s*/)
    .filter((part) => part !== '' && !/^diocese\s+is\s+not\b/i.test(part))
    .map(dioceseName);
}

function dioceseName(value: string): string {
  const tag = churchTag.exec(value)?.[1]?.toUpperCase();
  const bare = value.replace(churchTag, '').trim();
  const turned = /^(.+?),\s*(?:the\s+)?(arch)?diocese of$/i.exec(bare);
  let name = turned?.[1]
    ? `${turned[2] ? 'Archdiocese' : 'Diocese'} of ${turned[1]}`
    : /dioces/i.test(bare)
      ? bare
      : `Diocese of ${bare}`;
  if (tag === 'RC' && !/catholic/i.test(name)) name = `Roman Catholic ${name}`;
  if (tag === 'CE' && !/church of england|anglican/i.test(name)) name = `Church of England ${name}`;
  return name;
}

export type DiocesanChurch = 'Church of England' | 'Roman Catholic';

/**
 * The churches with dioceses named in a religious character: "Roman
 * Catholic/Church of England" gives both, "Church of England/Methodist" only
 * the Church of England (a Methodist district is not a diocese).
 */
export function diocesanChurches(religiousCharacter: string | undefined): DiocesanChurch[] {
  if (religiousCharacter === undefined) return [];
  const churches = new Set<DiocesanChurch>();
  for (const part of religiousCharacter.split('/')) {
    if (/church of england|anglican/i.test(part)) churches.add('Church of England');
    else if (/catholic/i.test(part)) churches.add('Roman Catholic');
  }
  return [...churches];
}

/**
 * Register types that are not schools in England inspected under section 5
 * (lower case): a school of one of these types gets no requires-improvement
 * monitoring letter. The tool does not map them (src/evidence/establishment.ts).
 */
export const typesOutsideSection5: ReadonlyMap<string, string> = new Map([
  ['welsh establishment', 'Welsh schools are inspected by Estyn'],
  [
    'british schools overseas',
    'British schools overseas are inspected under the Department for Education’s own scheme',
  ],
  ['offshore schools', 'offshore schools are not schools in England'],
  ["service children's education", 'service children’s schools overseas are not schools in England'],
  ['online provider', 'online providers are accredited under the Department for Education’s own scheme'],
  ['secure units', 'secure units are inspected as children’s homes'],
  ['higher education institutions', 'higher education institutions are not schools'],
  ['special post 16 institution', 'special post-16 institutions are inspected as further education'],
  ['institution funded by other government department', 'it is funded and inspected outside the schools system'],
]);
