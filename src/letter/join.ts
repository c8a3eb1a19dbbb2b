/**
 * Lists joined as a sentence writes them: "a, b and c". When an item has its
 * own "and" ("the deputy headteacher and the leader for English"), a comma
 * before the last "and" keeps the items apart ("…, and a representative").
 */
export function joinList(items: readonly string[]): string {
  const clean = items.map((item) => item.trim()).filter((item) => item !== '');
  if (clean.length <= 1) return clean[0] ?? '';
  const head = clean.slice(0, -1).join(', ');
  const last = clean[clean.length - 1] ?? '';
  const serial = clean.length > 2 && clean.some((item) => / and /.test(item)) ? ',' : '';
  return `${head}${serial} and ${last}`;
}
