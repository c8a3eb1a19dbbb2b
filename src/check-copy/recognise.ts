/**
 * Recognises the bodies a copy list names, however phrased ("the Chair of
 * Governors", "the Director of Children’s Services, Kent County Council",
 * "the EFA"), and maps each to a para 17 role.
 */
import { normaliseBodyName } from '../ground/names.js';
import { localAuthoritiesNamedIn } from '../register/local-authority-names.js';
import type { Recipient, RecipientRole } from '../rules/types.js';

/** One body named in the letter's copy list. */
export interface FoundBody {
  /** As the letter writes it. */
  text: string;
  /** The para 17 role it fills, when recognised as one. */
  role?: RecipientRole;
  /** A body recognised but outside para 17, e.g. "the Secretary of State". */
  other?: string;
}

const notDiocesan = String.raw`(?![^]*\b(?:arch)?dioces)`;
/** Role patterns; the one matching earliest in a phrase wins ("the Chair of the Diocese of Ely Trust" is a chair). */
const patterns: ReadonlyArray<[RecipientRole | { other: string }, RegExp]> = [
  ['efa', /\b(?:education\s+(?:and\s+skills\s+)?funding\s+agency|E?SFA|EFA)\b/i],
  ['dfe-academies-unit', /\b(?:academies\s+advis[eo]rs?\s+unit|academies\s+unit|department\s+for\s+education|DfE)\b/i],
  ['diocese', /\b(?:arch)?dioces(?:e|an)\b|\bbishop\b/i],
  [{ other: 'the Secretary of State' }, /\bsecretary\s+of\s+state\b/i],
  [{ other: 'the Regional Schools Commissioner' }, /\bregional\s+schools?\s+commissioner\b/i],
  [
    'local-authority',
    new RegExp(
      String.raw`\b(?:director|chief\s+(?:education\s+)?officer)\b${notDiocesan}|\bchildren['’]?s\s+services\b|\blocal\s+(?:education\s+)?authority\b|\bcouncil\b` +
        // "the Head of Education Services for Wiltshire", "the Cabinet Member for Children's Services"
        String.raw`|\bhead\s+of\s+(?:education|children|schools\b|school\s+improvement|learning|inclusion)${notDiocesan}|\bcabinet\s+member\b`,
      'i',
    ),
  ],
  [
    'appropriate-authority',
    /\bchair(?:man|woman|person)?\b|\binterim\s+executive\s+board\b|\bIEB\b|\bgoverning\s+(?:body|board)\b|\bgovernors\b|\bboard\s+of\s+(?:trustees|directors|governors)\b|\bproprietor\b|\bmanagement\s+board\b|\bacademy\s+trust\b|\bsponsor\b/i,
  ],
  ['foundation-body', /\bfoundation\b/i],
  ['la-support-contractor', /\bcontractor\b|\bsupport\s+services\b/i],
  ['headteacher', /\bhead\s*teacher\b|\bprincipal\b|\bhead\s+of\s+school\b/i],
];

const stopWords = new Set(
  (
    "the of for and at in on a an to by chair chief executive director children's childrens children services service " +
    'diocese diocesan board governing body trustees trust interim education funding agency academies advisers ' +
    'unit department local authority council county city borough foundation governors roman catholic church england ' +
    // "the person or body responsible for appointing foundation governors": para 17's words when the form names no one.
    'person or responsible appointing appoints'
  ).split(' '),
);

const tokens = (s: string): string[] => normaliseBodyName(s).split(' ').filter(Boolean);

/** The words that pick out this body among others of its kind ("norfolk" in "the Director of Children’s Services for Norfolk"). */
export function distinctiveWords(name: string): string[] {
  return tokens(name).filter((t) => !stopWords.has(t));
}

/** True when the phrase names this body: it has all of the body's distinctive words. */
export function namesBody(name: string, phrase: string): boolean {
  const wanted = distinctiveWords(name);
  if (wanted.length === 0) return false;
  const have = new Set(tokens(phrase));
  return wanted.every((t) => have.has(t));
}

/**
 * True when the phrase names this body in this role: a local authority by any
 * of its usual names ("Hull City Council" for "… for Kingston upon Hull",
 * src/register/local-authorities.ts), every other body by its distinctive words.
 */
export function namesBodyAs(role: RecipientRole, name: string, phrase: string): boolean {
  if (role === 'local-authority') {
    const wanted = localAuthoritiesNamedIn(name);
    if (wanted.length > 0) {
      const named = new Set(localAuthoritiesNamedIn(phrase));
      return wanted.every((authority) => named.has(authority));
    }
  }
  return namesBody(name, phrase);
}

/** "the Chair of the Canterbury Diocesan Board of Education": the chair of a diocese's own body. */
const chairOfDiocesanBody = /\bchair(?:man|woman|person)?\s+of\s+(?:the\s+)?(.*\b(?:arch)?dioces(?:e|an)\b.*)$/i;
/** What makes a chair's body a school's or an academy trust's, though its name has a diocese in it. */
const schoolOrTrust =
  /\btrust\b|\btrustees\b|\bacadem|\bmulti\b|\bcompany\b|\bgovern(?:ing|ors?)\b|\bschool\b|\bfederation\b/i;

/**
 * A chair of a diocesan body (a diocesan board of education, a schools
 * commission) speaks for the diocese, not the school: the diocese, unless the
 * body is a trust, an academy or a governing body, or the expected appropriate
 * authority is the one named.
 */
function diocesanChair(phrase: string, expected: readonly Recipient[]): boolean {
  const body = chairOfDiocesanBody.exec(phrase)?.[1];
  if (body === undefined) return false;
  if (expected.some((e) => e.role === 'appropriate-authority' && namesBody(e.name, phrase))) return false;
  return !schoolOrTrust.test(body) || expected.some((e) => e.role === 'diocese' && namesBody(e.name, phrase));
}

/** The role a phrase names, using the expected copies to recognise contractors and foundations by name. */
export function classify(phrase: string, expected: readonly Recipient[] = []): Pick<FoundBody, 'role' | 'other'> {
  let best: { index: number; kind: (typeof patterns)[number][0] } | undefined;
  for (const [kind, pattern] of patterns) {
    const m = pattern.exec(phrase);
    if (m && (best === undefined || m.index < best.index)) best = { index: m.index, kind };
  }
  let role = best && typeof best.kind === 'string' ? best.kind : undefined;
  if (role === 'appropriate-authority' && diocesanChair(phrase, expected)) role = 'diocese';
  // A contractor or foundation is told by its name ("Achieving for Children"), whatever words surround it.
  const byName = expected.find(
    (e) => (e.role === 'la-support-contractor' || e.role === 'foundation-body') && namesBody(e.name, phrase),
  );
  if (byName && !(role && expected.some((e) => e.role === role && namesBody(e.name, phrase)))) {
    return { role: byName.role };
  }
  if (best && typeof best.kind !== 'string') return { other: best.kind.other };
  return role === undefined ? {} : { role };
}

/** True when the phrase names, by its distinctive words, a body the rules expect in the role it fills. */
function namesExpected(phrase: string, expected: readonly Recipient[]): boolean {
  const { role } = classify(phrase, expected);
  return role !== undefined && expected.some((e) => e.role === role && namesBodyAs(role, e.name, phrase));
}

const separator = /(\s*,\s*(?:and\s+)?|\s*;\s*(?:and\s+)?|\s+and\s+|\s*&\s*)/i;
const startsNewBody = /^(?:the|a|an|her|his|mr|mrs|ms|miss|dr)\b/i;
/**
 * Words naming an office or an organisation: "the Chief Executive of the Valley
 * Learning Trust" is a body of its own even when unrecognised, while "the Isle
 * of Wight" (a place, in "… for Hampshire and the Isle of Wight") or "Mrs Ruth
 * Adeyemi" (the holder of the title before) continues the body before it.
 */
const officeOrOrganisation =
  /\b(?:chief|executive|chair(?:man|woman|person)?|director|head|secretary|clerk|officer|manager|bishop|adviser|advisor|board|trust|trustees|committee|agency|council|authority|foundation|dioces(?:e|an)|academy|college|school|unit|department|commissioner|governors|federation|partnership|company|limited|ltd|cic|plc|office|minister|ofsted|inspector|team|group|alliance|consortium|association|society|church|parish|ceo)\b/i;

/** A fragment that starts with a title ("Chief Executive of …") names its holder, a body of its own. */
const startsWithTitle =
  /^(?:chief|chair(?:man|woman|person)?|director|head\s+of|secretary|clerk|bishop|ceo|president)\b/i;

/** A person's name alone ("Mr Łukasz Nowak", "Łukasz Nowak"): a title or not, then a few capitalised words, no office. */
const personName =
  /^(?:(?:mr|mrs|ms|miss|mx|dr|rev|revd|prof|sir|dame|cllr|councillor)\.?\s+)?(?:\p{Lu}[\p{L}'’.-]*\s*){1,4}$/iu;
const isPersonName = (fragment: string): boolean =>
  personName.test(fragment) && /\p{Lu}/u.test(fragment) && !officeOrOrganisation.test(fragment);

/** An unrecognised fragment that names a body of its own: it starts like one and names an office or organisation. */
const unrecognisedBody = (fragment: string): boolean =>
  (startsNewBody.test(fragment) && officeOrOrganisation.test(fragment)) || startsWithTitle.test(fragment);

/**
 * Splits a copy list into the bodies it names. A fragment that names nothing
 * ("the Isle of Wight" in "… for Hampshire and the Isle of Wight") or that
 * continues the previous body ("Norfolk County Council" after "the Director of
 * Children’s Services,") joins the body before it.
 */
export function recogniseBodies(list: string, expected: readonly Recipient[] = []): FoundBody[] {
  const parts = list.split(separator);
  const bodies: FoundBody[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    // "… and to the Diocese of Truro", "… as well as to the Secretary of State"
    const fragment = (parts[i] ?? '').trim().replace(/^(?:as\s+well\s+as\s+)?(?:also\s+)?(?:to\s+)?/i, '');
    const joiner = i > 0 ? (parts[i - 1] ?? ' ') : '';
    if (fragment === '') continue;
    const kind = classify(fragment, expected);
    const previous = bodies[bodies.length - 1];
    const recognised = kind.role !== undefined || kind.other !== undefined;
    // "Mr Łukasz Nowak, Chair of the Governing Body": a person named before their role is that role.
    const roleOfPersonBefore =
      previous !== undefined &&
      previous.role === undefined &&
      previous.other === undefined &&
      isPersonName(previous.text) &&
      kind.role !== undefined &&
      !startsNewBody.test(fragment);
    const continues =
      previous !== undefined &&
      (roleOfPersonBefore ||
        (!recognised && !unrecognisedBody(fragment)) ||
        (!startsNewBody.test(fragment) &&
          (kind.role === previous.role ||
            // "the Director of Children’s Services, Achieving for Children": together they name an expected body.
            (!namesExpected(previous.text, expected) &&
              namesExpected(`${previous.text}${joiner}${fragment}`, expected)))));
    if (previous && continues) {
      previous.text = `${previous.text}${joiner}${fragment}`;
      const again = classify(previous.text, expected);
      delete previous.role;
      delete previous.other;
      Object.assign(previous, again);
    } else {
      bodies.push({ text: fragment, ...kind });
    }
  }
  return bodies;
}
