/**
 * Lists joined as a sentence writes them, in Ofsted's house style: no serial
 * (Oxford) comma, "a, b and c". The one exception is clarity: when an item has
 * its own "and" ("the deputy headteacher and the leader for English"), a comma
 * before the last "and" keeps the items apart ("…, and a representative"),
 * for two items as for more. Items are phrases inside a sentence, so a full
 * stop, comma or semicolon typed at the end of one is dropped.
 */
export function joinList(items: readonly string[]): string {
  const clean = items.map((item) => item.trim().replace(/\s*[.,;]+$/, '')).filter((item) => item !== '');
  if (clean.length <= 1) return clean[0] ?? '';
  const head = clean.slice(0, -1).join(', ');
  const last = clean[clean.length - 1] ?? '';
  const serial = clean.some((item) => /\sand\s/i.test(item)) ? ',' : '';
  return `${head}${serial} and ${last}`;
}

/** A name as it reads inside a sentence: a leading "The" becomes "the" ("support from the Diocese of Norwich"). */
export function midSentence(name: string): string {
  return name.trim().replace(/^The\s+/, 'the ');
}
