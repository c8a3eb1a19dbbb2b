/**
 * How the copy-list rules (para 17) say a fact about the school is not known,
 * in the words of where the facts came from: a form's field, which its author
 * can fill in, or the register's column, which an LA officer checking a
 * letter with `--urn N --register FILE` cannot change.
 */

/** Where the school's facts came from: a form (perhaps filled from the register), or the register alone. */
export type FactsFrom = 'form' | 'register';

/** One fact's words: what is not known (the subject of a sentence) and what would settle it. */
interface FactWords {
  unknown: string;
  settle: string;
}

const words: Record<'governance' | 'sixthForm' | 'foundation' | 'diocese', Record<FactsFrom, FactWords>> = {
  governance: {
    form: { unknown: 'school.governance not given', settle: 'give school.governance' },
    register: { unknown: 'the register does not say who governs the school', settle: 'ask the school' },
  },
  sixthForm: {
    form: { unknown: 'school.sixthForm is not given', settle: 'expected sixthForm: true or false' },
    register: {
      unknown: 'the register does not say whether it has one (OfficialSixthForm)',
      settle: 'ask the school whether it has a sixth form',
    },
  },
  foundation: {
    form: {
      unknown: 'school.foundation is not given',
      settle: 'give school.foundation (its name, and appointedBy where someone else appoints)',
    },
    register: {
      unknown: 'the register names no foundation for it (Trusts)',
      settle: 'ask the school or its diocese who appoints its foundation governors',
    },
  },
  diocese: {
    form: {
      unknown: 'neither school.dioceses nor school.religiousCharacter is given',
      settle:
        'expected the diocese, e.g. [Diocese of Norwich], or the religious character (e.g. Jewish) of a school that has none',
    },
    register: {
      unknown: 'the register gives neither its diocese (Diocese) nor its religious character (ReligiousCharacter)',
      settle: 'ask the school which diocese it belongs to',
    },
  },
};

/** The words for a fact not known, as the facts' source would have it. */
export function factWords(fact: keyof typeof words, from: FactsFrom): FactWords {
  return words[fact][from];
}
