import { describe, it, expect } from 'vitest';
import ICAL from 'ical.js';
import fc from 'fast-check';
import { deadlineUid, deadlinesCalendar, escapeText, foldLine, sequenceFor } from '../../src/writers/ics.js';
import type { Deadline } from '../../src/rules/types.js';

const deadlines: Deadline[] = [
  {
    id: 'letter-to-isp',
    date: '2014-12-24',
    description: 'HMI\u2019s letter reaches the inspection service provider: within 3 working days of the visit',
    paragraph: '17',
    basis: 'working days, England',
  },
  {
    id: 'final-letter',
    date: '2015-01-07',
    description: 'Final letter sent; copied, submitted; a very long description\nwith a new line, and commas, to fold',
    paragraph: '17',
    basis: 'working days, England',
  },
];
const input = {
  deadlines,
  school: {
    urn: '121190',
    name: 'St Mary\u2019s Church of England Voluntary Aided Primary School, Hethersett; Zoë Łukasz',
  },
  visitDate: '2014-12-19',
  stamp: new Date('2014-12-19T16:30:00Z'),
  product: 'monitoring-letter 0.1.0',
};

describe('iCalendar export', () => {
  const text = deadlinesCalendar(input);

  it('a real parser (ical.js) reads one all-day event per deadline with its UID, date, summary and description', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    const [first, second] = events;
    expect(first?.uid).toBe(deadlineUid('121190', '2014-12-19', 'letter-to-isp'));
    expect(first?.startDate.isDate).toBe(true);
    expect(first?.startDate.toString()).toBe('2014-12-24');
    expect(first?.endDate.toString()).toBe('2014-12-25');
    expect(first?.summary).toBe(`${input.school.name}: HMI\u2019s letter reaches the inspection service provider`);
    expect(second?.description).toContain('a very long description\nwith a new line, and commas, to fold');
    expect(second?.description).toContain('paragraph 17');
    expect(second?.description).toContain('working days, England');
    expect(calendar.getAllSubcomponents('vevent')[0]?.getFirstPropertyValue('dtstamp')?.toString()).toBe(
      '2014-12-19T16:30:00Z',
    );
  });

  it('uses CRLF line endings only, and no line is longer than 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('UIDs are stable: the same school, visit and deadline give the same UID on a later export', () => {
    const later = deadlinesCalendar({ ...input, stamp: new Date('2015-01-02T09:00:00Z') });
    const uids = (t: string): string[] => [...t.matchAll(/^UID:(.*)$/gm)].map((m) => m[1] ?? '');
    expect(uids(later)).toEqual(uids(text));
    expect(new Set(uids(text)).size).toBe(2);
    expect(deadlineUid('121190', '2014-12-19', 'x')).not.toBe(deadlineUid('121190', '2015-03-02', 'x'));
  });

  it('a later export raises SEQUENCE and LAST-MODIFIED under the same UIDs, so Outlook replaces the events', () => {
    const read = (t: string) =>
      new ICAL.Component(ICAL.parse(t)).getAllSubcomponents('vevent').map((v) => ({
        uid: new ICAL.Event(v).uid,
        sequence: new ICAL.Event(v).sequence,
        lastModified: v.getFirstPropertyValue('last-modified')?.toString(),
      }));
    const moved = deadlines.map((d) => (d.id === 'final-letter' ? { ...d, date: '2015-01-08' } : d));
    const before = read(text);
    const after = read(deadlinesCalendar({ ...input, deadlines: moved, stamp: new Date('2015-01-02T09:00:00Z') }));
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(before[0]?.sequence).toBe(sequenceFor(input.stamp));
    expect(before[0]?.lastModified).toBe('2014-12-19T16:30:00Z');
    expect(after[0]?.lastModified).toBe('2015-01-02T09:00:00Z');
    after.forEach((e, i) => expect(e.sequence).toBeGreaterThan(before[i]?.sequence ?? Infinity));
    // The same export made again gives the same text: nothing but the stamp moves SEQUENCE.
    expect(deadlinesCalendar(input)).toBe(text);
  });

  it('SEQUENCE fits iCalendar’s 32-bit integer and never goes down as time goes on', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2012-09-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.nat(10_000_000),
        (d, later) => {
          const a = sequenceFor(d);
          expect(a).toBeLessThanOrEqual(2 ** 31 - 1);
          expect(sequenceFor(new Date(d.getTime() + later * 1000))).toBeGreaterThanOrEqual(a);
        },
      ),
    );
    expect(sequenceFor(new Date('2014-12-19T16:31:00Z'))).toBe(sequenceFor(new Date('2014-12-19T16:30:00Z')) + 1);
  });

  it('escapes backslashes, semicolons, commas and newlines in text', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without splitting a multi-byte character, and unfolds to the original', () => {
    const line = 'SUMMARY:' + 'Zoë Łukasz Ó Súilleabháin '.repeat(8);
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });
});
