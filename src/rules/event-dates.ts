/**
 * Dates an ISP officer gives or acts on, checked against what has happened
 * (issue 19): the day a final letter is dated (`finalise --date`), the day
 * Ofsted published it (`status --published`) and the day the visit
 * confirmation goes (`confirm`). Each check answers with a refusal (the date
 * cannot be right) or warnings (it may be, but is unusual); pure: today and
 * the letter's history come in as arguments.
 */
import { isWeekend, weekday } from '../ground/calendar.js';
import { formatLongDate } from '../ground/dates-in-words.js';
import type { SentLetter } from '../ground/history.js';
import { workingDaysBetween, type Holidays } from './working-days.js';

export interface DateFindings {
  /** Why the date cannot be right (exit 1), if it cannot. */
  refusal?: string;
  /** What is unusual about it. */
  warnings: string[];
}

const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Saturday 15 March 2014". */
export const dayAndDate = (date: string): string => `${dayNames[weekday(date)]} ${formatLongDate(date)}`;

/**
 * The final letter's date (para 17: the ISP's final version within 10 working
 * days of the end of the visit). It cannot be before the visit ended; a
 * weekend, a bank holiday or a day still to come is most likely a slip of the
 * keyboard, so it is named.
 */
export function finalLetterDateFindings(
  on: string,
  context: { lastVisitDay: string; today: string; holidays: Holidays },
): DateFindings {
  const { lastVisitDay, today, holidays } = context;
  if (lastVisitDay !== '' && on < lastVisitDay) {
    return {
      refusal: `--date ${on}: the final letter cannot be dated ${formatLongDate(on)}, before the visit ended on ${formatLongDate(lastVisitDay)} (para 17: it reports the visit); give the day it is finalised`,
      warnings: [],
    };
  }
  const warnings: string[] = [];
  if (isWeekend(on)) {
    warnings.push(`the final letter is dated ${dayAndDate(on)}, a weekend day: is --date ${on} right?`);
  } else if (holidays.has(on)) {
    warnings.push(`the final letter is dated ${dayAndDate(on)}, a bank holiday in England: is --date ${on} right?`);
  }
  if (on > today) {
    warnings.push(
      `the final letter is dated ${formatLongDate(on)}, after today (${formatLongDate(today)}): is --date ${on} right?`,
    );
  }
  return { warnings };
}

/**
 * The day Ofsted published the letter (para 18: within 15 working days of
 * receiving it). Ofsted publishes the letter it was sent, so the letter must
 * have been sent, and publication is on or after the day it was sent and not
 * after today.
 */
export function publicationDateFindings(
  on: string,
  context: { sent: SentLetter | undefined; stageNow: string; today: string },
): DateFindings {
  const { sent, stageNow, today } = context;
  if (!sent) {
    return {
      refusal: `the letter has not been sent (it is ${stageNow}): Ofsted publishes the final letter the ISP sent (para 18); send it with \`monitoring-letter send\` first`,
      warnings: [],
    };
  }
  if (on < sent.on) {
    return {
      refusal: `--published ${on}: the letter cannot have been published on ${formatLongDate(on)}, before it was sent on ${formatLongDate(sent.on)}; give the day Ofsted published it`,
      warnings: [],
    };
  }
  if (on > today) {
    return {
      refusal: `--published ${on}: ${formatLongDate(on)} is after today (${formatLongDate(today)}); record publication once it has happened`,
      warnings: [],
    };
  }
  return { warnings: [] };
}

/**
 * When the visit confirmation may go (para 8: HMI telephones the school up
 * to five days before the visit (para 7); once the visit is confirmed the ISP
 * e-mails the school). A confirmation after the visit, or after the final
 * letter has gone, tells the school nothing true and is refused; one on a
 * visit day is late; one more than five working days ahead comes before any
 * notification call could have been made.
 */
export function confirmationDateFindings(context: {
  firstVisitDay: string;
  lastVisitDay: string;
  today: string;
  holidays: Holidays;
  /** The final letter's sending, if it has been sent. */
  sent?: SentLetter | undefined;
}): DateFindings {
  const { firstVisitDay, lastVisitDay, today, holidays, sent } = context;
  if (sent) {
    return {
      refusal: `the final letter was sent on ${formatLongDate(sent.on)}: the visit is over and reported, so there is nothing to confirm (para 8)`,
      warnings: [],
    };
  }
  if (lastVisitDay !== '' && today > lastVisitDay) {
    return {
      refusal: `the visit ended on ${formatLongDate(lastVisitDay)}, before today (${formatLongDate(today)}): the confirmation goes before the visit, after HMI's notification call (para 8); if the visit dates are wrong, correct visit.dates in the form`,
      warnings: [],
    };
  }
  if (firstVisitDay !== '' && today >= firstVisitDay) {
    return {
      warnings: [
        `the visit began on ${formatLongDate(firstVisitDay)}: this confirmation is late; it goes after HMI's notification call, before the visit (para 8)`,
      ],
    };
  }
  if (firstVisitDay !== '' && workingDaysBetween(today, firstVisitDay, holidays) > 5) {
    return {
      warnings: [
        `the visit begins on ${formatLongDate(firstVisitDay)}, more than five working days away: HMI telephones the school up to five days before the visit (para 7), and the confirmation follows that call (para 8)`,
      ],
    };
  }
  return { warnings: [] };
}
