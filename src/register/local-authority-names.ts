/**
 * A local authority recognised by any of its usual names: the register's
 * ("Kingston upon Hull, City of"), its council's ("Hull City Council"), "X
 * County Council", "X Council", "London Borough of X", the short name
 * ("Hull"). Words every council's name may carry (council, city, county,
 * borough…) are set aside, so "Norfolk County Council" and "Norfolk" are one.
 */
import { normaliseBodyName } from '../ground/names.js';
import { localAuthorities, type LocalAuthority } from './local-authorities.js';

/** Words that tell the kind of council, not which one. */
const councilWords = new Set([
  'the',
  'of',
  'council',
  'county',
  'city',
  'borough',
  'metropolitan',
  'district',
  'royal',
  'london',
  'corporation',
]);

/** Words set aside even from a name with nothing distinctive ("the City of London Corporation" is "city london"). */
const fillerWords = new Set(['the', 'of', 'council', 'corporation']);

const tokens = (name: string): string[] => normaliseBodyName(name).split(' ').filter(Boolean);
const core = (words: readonly string[]): string[] => words.filter((w) => !councilWords.has(w));
const whole = (words: readonly string[]): string[] => words.filter((w) => !fillerWords.has(w));

/** One way of naming an authority: its distinctive words, or (for the City of London, which has none) all its words. */
interface NameForm {
  authority: LocalAuthority;
  words: string[];
  /** true when `words` are the name's whole words (nothing distinctive once council words are set aside). */
  whole: boolean;
}

const nameForms: readonly NameForm[] = localAuthorities.flatMap((authority) =>
  [authority.register, authority.prose, authority.council, ...(authority.alsoKnownAs ?? [])].map((name) => {
    const all = tokens(name);
    const distinctive = core(all);
    return distinctive.length > 0
      ? { authority, words: distinctive, whole: false }
      : { authority, words: whole(all), whole: true };
  }),
);

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((w, i) => w === b[i]);

/** The local authority a name is, in any of its usual forms; undefined for a name the table does not know. */
export function findLocalAuthority(name: string): LocalAuthority | undefined {
  const all = tokens(name);
  const distinctive = core(all);
  const form = nameForms.find((f) => same(f.words, f.whole ? whole(all) : distinctive));
  return form?.authority;
}

/** Where `words` occur in `within` as a run, or -1. */
function indexOfRun(within: readonly string[], words: readonly string[], from = 0): number {
  for (let i = from; i + words.length <= within.length; i++) {
    if (words.every((w, j) => within[i + j] === w)) return i;
  }
  return -1;
}

/**
 * Every local authority a phrase names ("the Director of Children’s Services
 * for Hampshire and the Isle of Wight" names two), each once, in the order
 * named. A name inside a longer one ("Somerset" in "North Somerset") is not a
 * second authority.
 */
export function localAuthoritiesNamedIn(phrase: string): LocalAuthority[] {
  const all = whole(tokens(phrase));
  const distinctive = core(all);
  const found: { authority: LocalAuthority; start: number; end: number; whole: boolean }[] = [];
  for (const form of nameForms) {
    const within = form.whole ? all : distinctive;
    for (let at = indexOfRun(within, form.words); at >= 0; at = indexOfRun(within, form.words, at + 1)) {
      found.push({ authority: form.authority, start: at, end: at + form.words.length, whole: form.whole });
    }
  }
  const inside = (a: (typeof found)[number], b: (typeof found)[number]): boolean =>
    a.whole === b.whole && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start;
  const kept = found.filter((a) => !found.some((b) => inside(a, b))).sort((a, b) => a.start - b.start);
  return [...new Set(kept.map((k) => k.authority))];
}

/**
 * How a letter names an authority after "for": the table's wording for one
 * it knows ("Kingston upon Hull"); otherwise the name as given, an inverted
 * "X, City of" turned round ("City of X") and an island given "the".
 */
export function localAuthorityInProse(name: string): string {
  const known = findLocalAuthority(name);
  if (known) return known.prose;
  return name
    .trim()
    .replace(/^(.+?),\s*((?:the\s+)?(?:city|county|royal borough|borough) of)$/i, '$2 $1')
    .replace(/^(Isles?\s+of\s)/i, 'the $1');
}
