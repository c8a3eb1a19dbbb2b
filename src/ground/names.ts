/**
 * Names of bodies and people, compared the way a reader would: "the Diocese
 * of Norwich" and "The Norwich Diocesan Board of Education" are one diocese;
 * case, curly apostrophes, "&" and a leading "the" make no difference. Used by
 * the copy list (para 17), the register merge, check-copy and distribution, so
 * it depends on nothing but the language.
 */

/** "Diocese of Norwich" → "the Diocese of Norwich"; a name already starting with "the" is kept. */
export function withArticle(name: string): string {
  const trimmed = name.trim();
  return /^the\s/i.test(trimmed) ? trimmed.replace(/^The\s/, 'the ') : `the ${trimmed}`;
}

/** A comparison key for a body's name: case, apostrophes, punctuation and a leading "the" ignored. */
export function normaliseBodyName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/**
 * The diocese a body belongs to, when its name says so: "Diocese of Norwich",
 * "The Norwich Diocesan Board of Education" and "Archdiocese of Birmingham" give
 * "norwich", "norwich", "birmingham". A diocesan board of education acts for its diocese.
 */
export function dioceseKey(name: string): string | undefined {
  const n = normaliseBodyName(name).replace(/^(?:roman catholic|catholic|anglican|church of england) /, '');
  // An archdiocese and a diocese of one city are different churches' bodies (joint-faith schools).
  const of = /^(arch)?diocese of (.+)$/.exec(n);
  if (of?.[2]) return `${of[1] ? 'archdiocese:' : ''}${of[2]}`;
  const adjective = /^(.+?) (arch)?diocesan\b/.exec(n);
  if (adjective?.[1])
    return `${adjective[2] ? 'archdiocese:' : ''}${adjective[1].replace(/^(?:roman catholic|catholic|anglican) /, '')}`;
  return undefined;
}

/** The church a diocese's name says it belongs to, when it says ("Roman Catholic Diocese of Leeds", "Diocese of Leeds (CE)"). */
export function dioceseChurch(name: string): 'rc' | 'ce' | undefined {
  if (/\bcatholic\b|\(rc\)/i.test(name)) return 'rc';
  if (/church of england|anglican|\(ce\)/i.test(name)) return 'ce';
  return undefined;
}

/** Two names for one body: the same diocese (unless their names say different churches), or the same name. */
export function sameBody(a: string, b: string): boolean {
  const da = dioceseKey(a);
  const db = dioceseKey(b);
  if (da !== undefined && db !== undefined) {
    const ca = dioceseChurch(a);
    const cb = dioceseChurch(b);
    return da === db && (ca === undefined || cb === undefined || ca === cb);
  }
  return normaliseBodyName(a) === normaliseBodyName(b);
}

/**
 * Two dioceses of a joint-faith school are one only when nothing tells them
 * apart: "the Roman Catholic Diocese of Leeds" and "the Diocese of Leeds" (the
 * Church of England's) are two, as the school's form names both.
 */
export function sameDiocese(a: string, b: string): boolean {
  return sameBody(a, b) && dioceseChurch(a) === dioceseChurch(b);
}
