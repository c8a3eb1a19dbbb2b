/**
 * Which school a letter is about, as the letter itself says: the name in its
 * heading ("Requires improvement: monitoring inspection visit to …") and any
 * URN it gives. A copy list checked against the wrong school's facts proves
 * nothing, so a letter naming another school or URN is a warning.
 */
import { normaliseBodyName } from '../ground/names.js';
import { normaliseLetterText } from './sentence.js';

/** The school whose facts the copy list was checked against. */
export interface CheckedSchool {
  name?: string;
  urn: string;
}

/** What the letter says about its school, where it says it. */
export interface LetterSchool {
  name?: string;
  urn?: string;
}

export interface SchoolCheck {
  school: CheckedSchool;
  letter: LetterSchool;
  /** The letter names another school, or gives another URN. */
  warnings: string[];
}

// The heading runs to its paragraph's end: a PDF wraps a long school name onto a second or third line.
const heading =
  /\b(?:monitoring\s+inspection\s+visit\s+to|monitoring\s+inspection\s+of|support\s+visit\s+to|monitoring\s+visit\s+to)[ \t]+([^\n]+(?:\n(?![ \t]*\n)(?![ \t]*(?:Dear|Following|Thank|I)\b)[^\n]+){0,2})/i;
const urnPattern = /\b(?:unique\s+reference\s+number|URN)\b[ \t]*[:.\-–]?[ \t]*(\d{6})\b/gi;

/** Words most school names share, which tell no two schools apart. */
const generic = new Set(
  (
    'the of and at in on for st saint school schools primary secondary junior juniors infant infants nursery academy ' +
    'high college community church england c e ce cofe rc roman catholic voluntary aided controlled va vc foundation ' +
    'special first middle upper lower sixth form centre unit pupil referral federated free studio utc university ' +
    'technical all through'
  ).split(' '),
);

/** The words of a school's name that pick it out: "St Mary’s CofE VA Primary School" → marys. */
function distinctive(name: string): Set<string> {
  const words = normaliseBodyName(name.replace(/\bsaint\b/gi, 'St'))
    .replace(/'/g, '')
    .split(' ')
    .filter((w) => w !== '' && !generic.has(w));
  return new Set(words);
}

/** Two names for one school: the distinctive words of one are all in the other. */
function sameSchool(a: string, b: string): boolean {
  const da = distinctive(a);
  const db = distinctive(b);
  if (da.size === 0 || db.size === 0) return true;
  const within = (x: Set<string>, y: Set<string>): boolean => [...x].every((w) => y.has(w));
  return within(da, db) || within(db, da);
}

/** The school the letter names and the URN it gives, compared with the school checked. */
export function checkLetterSchool(letterText: string, school: CheckedSchool): SchoolCheck {
  const text = normaliseLetterText(letterText);
  const letter: LetterSchool = {};
  const name = heading
    .exec(text)?.[1]
    ?.replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '')
    .trim();
  if (name) letter.name = name;
  const urns = [...text.matchAll(urnPattern)].map((m) => m[1]!);
  const urn = urns.find((u) => u !== school.urn) ?? urns[0];
  if (urn) letter.urn = urn;

  const warnings: string[] = [];
  const checked = school.name ? `${school.name} (URN ${school.urn})` : `URN ${school.urn}`;
  if (letter.name && school.name && !sameSchool(letter.name, school.name)) {
    warnings.push(`the letter is about ${letter.name}, not ${checked}, the school checked`);
  }
  if (letter.urn && letter.urn !== school.urn) {
    warnings.push(`the letter gives URN ${letter.urn}, not ${school.urn}, the URN checked`);
  }
  return { school: { ...(school.name ? { name: school.name } : {}), urn: school.urn }, letter, warnings };
}
