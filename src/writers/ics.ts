/**
 * Deadlines as an iCalendar file (RFC 5545): one all-day event per deadline.
 * UIDs are built from the school's URN, the visit date and the deadline id, so
 * importing a newer export updates the events instead of duplicating them;
 * SEQUENCE rises with every later export, so Outlook (which keeps an event
 * whose SEQUENCE is not higher than the one it has) takes the new dates.
 */
import { addDays } from '../ground/calendar.js';

/** What the calendar needs of a deadline (src/rules/types.ts `Deadline` has these and more). */
export interface CalendarDeadline {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  description: string;
  paragraph: string;
  basis: string;
}

export interface CalendarInput {
  deadlines: readonly CalendarDeadline[];
  school: { urn: string; name?: string | undefined };
  /** The first day of the monitoring visit, YYYY-MM-DD. */
  visitDate: string;
  /** When the file is made (DTSTAMP, LAST-MODIFIED). */
  stamp: Date;
  /** PRODID's product name and version, e.g. "monitoring-letter 0.1.0". */
  product: string;
}

/** A stable UID: the same school, visit and deadline always give the same one. */
export function deadlineUid(urn: string, visitDate: string, id: string): string {
  return `${id}.${visitDate}.${urn}@monitoring-letter`;
}

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line to at most 75 octets a line (RFC 5545 3.1), never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with one space, which counts towards their 75 octets.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/**
 * The revision number of every event in an export made at `stamp`: whole
 * minutes since 1970, so a later export always has a higher one without any
 * record of earlier exports (RFC 5545 3.8.7.4; fits its 32-bit integer until
 * the year 6053).
 */
export function sequenceFor(stamp: Date): number {
  return Math.max(0, Math.floor(stamp.getTime() / 60_000));
}

function dateValue(date: string): string {
  return date.replaceAll('-', '');
}

function stampValue(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The calendar as RFC 5545 text, CRLF line endings. */
export function deadlinesCalendar(input: CalendarInput): string {
  const schoolName = input.school.name ?? `URN ${input.school.urn}`;
  const stamp = stampValue(input.stamp);
  const sequence = sequenceFor(input.stamp);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//monitoring-letter//${escapeText(input.product)}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`Monitoring visit deadlines: ${schoolName}`)}`,
  ];
  for (const deadline of input.deadlines) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${deadlineUid(input.school.urn, input.visitDate, deadline.id)}`,
      `DTSTAMP:${stamp}`,
      `LAST-MODIFIED:${stamp}`,
      `SEQUENCE:${sequence}`,
      `DTSTART;VALUE=DATE:${dateValue(deadline.date)}`,
      // An all-day event ends (exclusively) on the next day.
      `DTEND;VALUE=DATE:${dateValue(addDays(deadline.date, 1))}`,
      `SUMMARY:${escapeText(`${schoolName}: ${shortTitle(deadline.description)}`)}`,
      `DESCRIPTION:${escapeText(
        `${deadline.description}\nGuidance: ${citation(deadline.paragraph)}\nCounted in ${deadline.basis}\nURN ${input.school.urn}, visit of ${input.visitDate}`,
      )}`,
      `CATEGORIES:${escapeText('Monitoring inspection')}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The part of a description before its first colon: "Final letter sent …". */
function shortTitle(description: string): string {
  const colon = description.indexOf(':');
  return colon > 0 ? description.slice(0, colon) : description;
}

/** "paragraph 17", or the source's name where it has no paragraph numbers. */
function citation(paragraph: string): string {
  return /^\d/.test(paragraph) ? `paragraph ${paragraph}` : paragraph;
}
