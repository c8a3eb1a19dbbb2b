/**
 * Compares the bodies a letter was copied to with those para 17 calls for:
 * who is missing, who is extra, who is named differently, and why.
 */
import { normaliseBodyName, sameBody } from '../ground/names.js';
import type { RecipientList, RecipientRole } from '../rules/types.js';
import { distinctiveWords, namesBodyAs, recogniseBodies, type FoundBody } from './recognise.js';
import { checkLetterSchool, type CheckedSchool, type LetterSchool } from './school.js';
import { findCopySentence, NoCopySentenceError } from './sentence.js';

export interface CopyCheck {
  /** The school whose copy list the letter was checked against (when given). */
  school?: CheckedSchool;
  /** The school's name and URN as the letter gives them, where it does. */
  letter?: LetterSchool;
  /** The letter names another school or URN than the one checked. */
  warnings: string[];
  /** The letter's copy sentence, as found. */
  sentence: string;
  found: FoundBody[];
  matched: { role: RecipientRole; expected: string; found: string }[];
  missing: { role: RecipientRole; name: string; reason: string; paragraph: string }[];
  extra: { text: string; role?: RecipientRole; other?: string; reason: string }[];
  /** The right kind of body, but not the one expected (another LA, another diocese). */
  namedDifferently: { role: RecipientRole; expected: string; found: string; reason: string }[];
  /** What is worth knowing but no difference: one diocesan body named both as the diocese and as its board. */
  notes: string[];
  /** True when the letter's copies are exactly para 17's. */
  ok: boolean;
}

/** Roles whose body is told apart by its name, so a different name is a difference. */
const namedRoles: ReadonlySet<RecipientRole> = new Set([
  'local-authority',
  'diocese',
  'la-support-contractor',
  'foundation-body',
]);

/**
 * Checks a letter's copy list against the rules' list, and, given the school,
 * that the letter is about it; throws NoCopySentenceError when the letter has no copy sentence.
 */
export function checkCopyList(letterText: string, list: RecipientList, school?: CheckedSchool): CopyCheck {
  const sentence = findCopySentence(letterText);
  if (!sentence) throw new NoCopySentenceError();
  const found = recogniseBodies(sentence.list, list.copies);
  const used = new Set<number>();
  const about = school ? checkLetterSchool(letterText, school) : undefined;
  const result: CopyCheck = {
    ...(about ? { school: about.school, letter: about.letter } : {}),
    warnings: about?.warnings ?? [],
    sentence: sentence.sentence,
    found,
    matched: [],
    missing: [],
    extra: [],
    namedDifferently: [],
    notes: [],
    ok: false,
  };
  const pending = [...list.copies];

  // First the bodies named exactly, then by their distinctive words, then the right kind of body under another name.
  const passes: ((name: string, text: string, role: RecipientRole) => boolean)[] = [
    (name, text) => normaliseBodyName(name) === normaliseBodyName(text),
    (name, text, role) => !namedRoles.has(role) || namesBodyAs(role, name, text),
    () => true,
  ];
  for (const [pass, fits] of passes.entries()) {
    const byName = pass < 2;
    for (let e = 0; e < pending.length; e++) {
      const expected = pending[e]!;
      const index = found.findIndex(
        (f, i) => !used.has(i) && f.role === expected.role && fits(expected.name, f.text, expected.role),
      );
      if (index < 0) continue;
      used.add(index);
      pending.splice(e--, 1);
      const f = found[index]!;
      if (!byName && namedRoles.has(expected.role) && distinctiveWords(expected.name).length > 0) {
        result.namedDifferently.push({
          role: expected.role,
          expected: expected.name,
          found: f.text,
          reason: `expected ${expected.name}: ${expected.reason}`,
        });
      } else {
        result.matched.push({ role: expected.role, expected: expected.name, found: f.text });
      }
    }
  }
  for (const expected of pending) {
    result.missing.push({
      role: expected.role,
      name: expected.name,
      reason: expected.reason,
      paragraph: expected.paragraph,
    });
  }
  found.forEach((f, i) => {
    if (used.has(i)) return;
    const note = sameDiocesanBody(f, result);
    if (note !== undefined) {
      result.notes.push(note);
      return;
    }
    result.extra.push({
      text: f.text,
      ...(f.role ? { role: f.role } : {}),
      ...(f.other ? { other: f.other } : {}),
      reason: extraReason(f, list, result),
    });
  });
  // In the order the rules list them (para 17's), whatever order the passes found them in.
  const order = (role: RecipientRole, name: string): number =>
    list.copies.findIndex((c) => c.role === role && c.name === name);
  result.matched.sort((a, b) => order(a.role, a.expected) - order(b.role, b.expected));
  result.ok = result.missing.length === 0 && result.extra.length === 0 && result.namedDifferently.length === 0;
  return result;
}

function extraReason(f: FoundBody, list: RecipientList, check: CopyCheck): string {
  if (f.other) return `${f.other} is not among the bodies para 17 lists`;
  if (!f.role) return 'not recognised as any of the bodies para 17 lists';
  if (f.role === 'headteacher') return 'the headteacher is the addressee, not a copy';
  const notCopied = list.notCopied.find((n) => n.role === f.role);
  if (notCopied) return `para 17 does not call for it here: ${notCopied.reason}`;
  const same = check.matched.find((m) => m.role === f.role) ?? check.namedDifferently.find((m) => m.role === f.role);
  if (same) return `named twice: already copied as "${same.found}"`;
  return 'para 17 does not call for it for this school';
}

/** Para 17 lists the diocese and the body appointing foundation governors apart, so one body named both ways is a note. */
const diocesanRoles: ReadonlySet<RecipientRole> = new Set(['diocese', 'foundation-body']);

/** A note when this extra body is a diocesan body already copied under another of its names; undefined otherwise. */
function sameDiocesanBody(f: FoundBody, check: CopyCheck): string | undefined {
  if (f.role === undefined || !diocesanRoles.has(f.role)) return undefined;
  const same = check.matched.find(
    (m) =>
      diocesanRoles.has(m.role) &&
      sameBody(m.found, f.text) &&
      normaliseBodyName(m.found) !== normaliseBodyName(f.text),
  );
  if (same === undefined) return undefined;
  return `${f.text} and ${same.found} are one body, named both as the diocese and as the body appointing foundation governors (para 17 lists them apart): copied once would do`;
}
