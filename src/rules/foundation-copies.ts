/**
 * The copies owed to the bodies behind a school (para 17): the diocese of a
 * voluntary aided or controlled school, and the person or body that appoints
 * foundation governors where the school has a foundation. Every voluntary
 * school has a foundation; not every one has a diocese (a Jewish, Muslim, Sikh
 * or Hindu school, or one whose trust is not a church's).
 */
import type { EstablishmentType } from '../evidence/establishment.js';
import type { School } from '../evidence/schema.js';
import { dioceseKey, sameBody, sameDiocese, withArticle } from '../ground/names.js';
import { factWords, type FactsFrom } from './fact-words.js';
import { copy, RecipientsError, type Decision } from './recipient-decision.js';
import type { Recipient } from './types.js';

const christianCharacter = /church of england|catholic|anglican|church in wales/i;

/** True when the religious character names a church organised in dioceses (Church of England, Roman Catholic). */
export function hasDiocesanCharacter(religiousCharacter: string | undefined): boolean {
  return religiousCharacter !== undefined && christianCharacter.test(religiousCharacter);
}

const isVoluntary = (type: EstablishmentType): boolean =>
  type.id === 'voluntary-aided' || type.id === 'voluntary-controlled';

/** A school of this type may have a foundation: every voluntary school has one, a foundation school may (para 17). */
export const mayHaveFoundation = (type: EstablishmentType): boolean =>
  isVoluntary(type) || type.id === 'foundation' || type.id === 'foundation-special';

/** The foundation's name or its appointing body, when one of them is a diocese's. */
const diocesanFoundation = (school: School): boolean =>
  school.foundation !== undefined &&
  [school.foundation.name, school.foundation.appointedBy].some((n) => n !== undefined && dioceseKey(n) !== undefined);

/** How a form or the register says a school has no religious character. */
const noReligiousCharacter = /^(?:none|no religious character|does not apply|not applicable)$/i;

const appointerWords = 'the person or body responsible for appointing foundation governors';

// para 17: the diocese, for voluntary aided and voluntary controlled schools
export function dioceses(school: School, type: EstablishmentType, from: FactsFrom = 'form'): Decision {
  const label = type.gias[0]?.toLowerCase() ?? type.id;
  if (type.id !== 'voluntary-aided' && type.id !== 'voluntary-controlled') {
    return {
      copies: [],
      notCopied: [
        {
          role: 'diocese',
          reason: `${label}: the diocese is copied only for voluntary aided and voluntary controlled schools`,
        },
      ],
    };
  }
  const names = school.dioceses ?? [];
  if (names.length === 0) {
    const character = school.religiousCharacter;
    if (hasDiocesanCharacter(character)) {
      throw new RecipientsError(
        'missing-diocese',
        `a ${label} of ${character} character must name its diocese (school.dioceses), which is copied; expected e.g. [Diocese of Norwich]`,
        ['school', 'dioceses'],
      );
    }
    // A Jewish, Muslim, Sikh or Hindu voluntary school, or one whose trust is not a church's, has no diocese.
    if (character !== undefined) {
      const of = noReligiousCharacter.test(character)
        ? 'with no religious character'
        : `of ${character} religious character`;
      return {
        copies: [],
        notCopied: [{ role: 'diocese', reason: `${label} ${of}: it has no diocese, so none is copied` }],
      };
    }
    if (school.foundation && !diocesanFoundation(school)) {
      return {
        copies: [],
        notCopied: [
          {
            role: 'diocese',
            reason: `${label} whose foundation (${school.foundation.name}) is not a diocese: no diocese is copied`,
          },
        ],
      };
    }
    return {
      copies: [],
      notCopied: [
        {
          role: 'diocese',
          reason: `${label} with no diocese given (${from === 'register' ? 'the register names none' : 'school.dioceses'}): no diocese is copied`,
        },
      ],
      warnings: [
        {
          role: 'diocese',
          message: `a ${label} is copied to its diocese (para 17), but ${factWords('diocese', from).unknown}; ${factWords('diocese', from).settle}`,
          path: ['school', 'dioceses'],
        },
      ],
    };
  }
  const copies: Recipient[] = [];
  for (const d of names) {
    if (copies.some((c) => sameDiocese(c.name, d))) continue;
    const joint = names.length > 1 ? ' (joint-faith school: each diocese is copied)' : '';
    copies.push(copy('diocese', withArticle(d), `${label}: the diocese is copied${joint}`));
  }
  return { copies, notCopied: [] };
}

// para 17: the person or body responsible for appointing foundation governors, if the school has a foundation
export function foundationBody(
  school: School,
  type: EstablishmentType,
  dioceseCopies: readonly Recipient[],
  from: FactsFrom = 'form',
): Decision {
  const f = school.foundation;
  const label = type.gias[0]?.toLowerCase() ?? type.id;
  if (!f && isVoluntary(type)) return voluntaryFoundationNotNamed(label, dioceseCopies, from);
  if (!f) {
    return {
      copies: [],
      notCopied: [{ role: 'foundation-body', reason: `${label} without a foundation: no foundation body is copied` }],
    };
  }
  const appointer = f.appointedBy ?? f.name;
  // "the Archdiocese of Liverpool and the Diocese of Liverpool": each body named must already be copied.
  const bodies = appointer.split(/\s+and\s+(?=the\s)/i);
  const already = bodies.map((b) => dioceseCopies.find((d) => sameBody(d.name, b)));
  if (already.every((d) => d !== undefined)) {
    const copied = already.map((d) => d.name).join(' and ');
    return {
      copies: [],
      notCopied: [
        {
          role: 'foundation-body',
          reason: `the foundation governors are appointed by ${withArticle(appointer)}, already copied as ${copied}: copied once`,
        },
      ],
    };
  }
  const reason = f.appointedBy
    ? `${withArticle(f.appointedBy)} appoints the foundation governors of ${withArticle(f.name)}`
    : `the school has a foundation (${f.name}), which appoints its foundation governors`;
  return { copies: [copy('foundation-body', withArticle(appointer), reason)], notCopied: [] };
}

/**
 * para 17: every voluntary aided or controlled school has a foundation, so the
 * person or body that appoints its foundation governors is copied even when the
 * form does not name it: taken to be the diocese where there is one (copied once),
 * otherwise copied in para 17's own words, with a warning asking for the name.
 */
function voluntaryFoundationNotNamed(label: string, dioceseCopies: readonly Recipient[], from: FactsFrom): Decision {
  const { unknown, settle: fix } = factWords('foundation', from);
  if (dioceseCopies.length > 0) {
    const copied = dioceseCopies.map((d) => d.name).join(' and ');
    return {
      copies: [],
      notCopied: [
        {
          role: 'foundation-body',
          reason: `${appointerWords} is not known (${unknown}): taken to be ${copied}, already copied: copied once`,
        },
      ],
      warnings: [
        {
          role: 'foundation-body',
          message: `a ${label} has a foundation, and ${appointerWords} is copied (para 17); ${unknown}, so ${copied} is taken to appoint them; ${fix} if anyone else does`,
          path: ['school', 'foundation'],
        },
      ],
    };
  }
  return {
    copies: [copy('foundation-body', appointerWords, `a ${label} has a foundation: ${appointerWords} is copied`)],
    notCopied: [],
    warnings: [
      {
        role: 'foundation-body',
        message: `a ${label} has a foundation, and ${appointerWords} is copied (para 17), but ${unknown}, so the letter cannot name them; ${fix}`,
        path: ['school', 'foundation'],
      },
    ],
  };
}
