/**
 * Where each letter stands (para 17: drafted, received from HMI, finalised,
 * sent; then published, para 18, or withheld for a section 117 visit, para 26)
 * and which deadline comes next. Pure: history, deadlines and today in.
 */
import { workingDaysBetween, type Holidays } from '../rules/working-days.js';
import type { Deadline } from '../rules/types.js';
import { formatLongDate } from '../ground/dates-in-words.js';
import { stages, versionStates, type HistoryEvent, type Stage, type VersionState } from '../ground/history.js';

export type LetterStage = Stage | 'awaiting-draft';

export interface LetterStatus {
  stage: LetterStage;
  /** When the stage was reached (ISO date-time), if recorded. */
  since?: string;
  version?: number;
  next?: Deadline;
  /** The next deadline in plain words ("final letter to the school"). */
  nextWhat?: string;
  /** Each finalised version, newest first, with its own stage. */
  versions?: VersionState[];
  /** The versions in words: "v2 finalised on 21 March 2014, not sent; v1 sent on 24 March 2014". */
  versionsText?: string;
  /** Working days from today to the next deadline (negative when overdue). */
  workingDaysLeft?: number;
  overdue: boolean;
}

/** Which deadline matters once a letter has reached a stage. */
const nextDeadlineFor: Record<LetterStage, readonly string[]> = {
  'awaiting-draft': ['letter-to-isp'], // para 17: HMI's letter reaches the ISP within 3 days
  drafted: ['letter-to-isp'],
  'draft-received': ['final-letter'], // para 17: final version within 10 days
  finalised: ['final-letter'], // … and sent and copied within the same 10 days
  sent: ['publication'], // para 18: Ofsted publishes within 15 days
  published: ['next-section-5'], // para 6: next section 5 within 24 months
  withheld: ['next-section-5'],
};

/** What each deadline a letter waits on is, in the words an ISP officer uses. */
export const deadlineWords: Readonly<Record<string, string>> = {
  'letter-to-isp': 'HMI’s letter to the ISP',
  'final-letter': 'final letter to the school',
  publication: 'publication by Ofsted',
  'next-section-5': 'next section 5 inspection',
};

/** Stages after which nothing is left for the ISP to do: a later date is shown, never overdue. */
const done: readonly LetterStage[] = ['published', 'withheld'];

/** "v2 finalised on 21 March 2014, not sent; v1 sent on 24 March 2014". */
export function describeVersions(versions: readonly VersionState[]): string {
  return versions
    .map((v) =>
      v.sentOn !== undefined
        ? `v${v.version} sent on ${formatLongDate(v.sentOn)}`
        : `v${v.version} finalised on ${formatLongDate(v.finalisedOn)}, not sent`,
    )
    .join('; ');
}

/** The furthest stage a history reaches, and when. */
export function currentStage(
  events: readonly HistoryEvent[],
  published: boolean,
): Pick<LetterStatus, 'stage' | 'since' | 'version'> {
  let best: HistoryEvent | undefined;
  for (const e of events) {
    if (!best || stages.indexOf(e.stage) >= stages.indexOf(best.stage)) best = e;
  }
  const version = [...events].reverse().find((e) => e.version !== undefined)?.version;
  if (!best) return { stage: 'awaiting-draft' };
  // para 26: a section 117 letter is not published; once sent it is withheld.
  const stage: LetterStage = best.stage === 'sent' && !published ? 'withheld' : best.stage;
  return { stage, since: best.at, ...(version !== undefined ? { version } : {}) };
}

/** The letter's stage and its next deadline against today. */
export function letterStatus(
  events: readonly HistoryEvent[],
  deadlines: readonly Deadline[],
  published: boolean,
  today: string,
  holidays: Holidays,
): LetterStatus {
  const versions = versionStates(events);
  const current = {
    ...currentStage(events, published),
    ...(versions.length > 0 ? { versions, versionsText: describeVersions(versions) } : {}),
  };
  const wanted = nextDeadlineFor[current.stage];
  const next = deadlines.find((d) => wanted.includes(d.id));
  if (!next) return { ...current, overdue: false };
  const workingDaysLeft = workingDaysBetween(today, next.date, holidays);
  const nextWhat = deadlineWords[next.id] ?? next.description;
  // A published (or withheld) letter's part is done: the next section 5 inspection is Ofsted's, shown, never overdue.
  const overdue = next.date < today && !done.includes(current.stage);
  return { ...current, next, nextWhat, workingDaysLeft, overdue };
}

/**
 * The stage a letter shows in the workspace's queue, in the ISP's words:
 * `incomplete` while its form has errors (before it is final), `draft` while
 * no draft has been written, `ready` once the HMI's draft is in (ready to
 * finalise), then `final`, `sent` (a section 117 letter stays sent, para 26)
 * and `published` (para 18).
 */
export type QueueStage = 'draft' | 'incomplete' | 'ready' | 'final' | 'sent' | 'published';

export function queueStage(stage: LetterStage, formErrors: number): QueueStage {
  switch (stage) {
    case 'finalised':
      return 'final';
    case 'sent':
    case 'withheld':
      return 'sent';
    case 'published':
      return 'published';
    default:
      if (formErrors > 0) return 'incomplete';
      return stage === 'awaiting-draft' ? 'draft' : 'ready';
  }
}

/** Sorts statuses for a person: overdue first (oldest first), then by next deadline, undated last. */
export function compareStatuses(a: LetterStatus, b: LetterStatus): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const ad = a.next?.date ?? '9999-12-31';
  const bd = b.next?.date ?? '9999-12-31';
  return ad < bd ? -1 : ad > bd ? 1 : 0;
}
