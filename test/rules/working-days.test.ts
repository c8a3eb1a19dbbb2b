import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, dayNumber, londonDate, isWeekend } from '../../src/ground/calendar.js';
import { englandBankHolidays } from '../../src/rules/holidays.js';
import { addWorkingDays, isWorkingDay, subtractWorkingDays, workingDaysBetween } from '../../src/rules/working-days.js';

const holidays = englandBankHolidays();

describe('working days in England (the starting day is day 0)', () => {
  it('skips a weekend: one working day after Friday 2014-12-19 is Monday 2014-12-22', () => {
    expect(addWorkingDays('2014-12-19', 1, holidays)).toBe('2014-12-22');
  });

  it('day 0 is the day itself', () => {
    expect(addWorkingDays('2014-12-19', 0, holidays)).toBe('2014-12-19');
  });

  it('skips a bank holiday: three working days after Thursday 2014-05-22 skips the spring bank holiday', () => {
    expect(addWorkingDays('2014-05-22', 3, holidays)).toBe('2014-05-28');
  });

  it('skips Good Friday and Easter Monday 2014', () => {
    expect(addWorkingDays('2014-04-17', 1, holidays)).toBe('2014-04-22');
    expect(subtractWorkingDays('2014-04-22', 5, holidays)).toBe('2014-04-11');
  });

  it('skips Christmas, a Boxing Day substitute and a year end: 2015-12-24 + 1 is 2015-12-29', () => {
    expect(addWorkingDays('2015-12-24', 1, holidays)).toBe('2015-12-29');
    expect(addWorkingDays('2014-12-31', 3, holidays)).toBe('2015-01-06');
  });

  it('counts 29 February as a working day in a leap year', () => {
    expect(addWorkingDays('2016-02-26', 1, holidays)).toBe('2016-02-29');
    expect(addWorkingDays('2016-02-26', 3, holidays)).toBe('2016-03-02');
    expect(addWorkingDays('2015-02-27', 1, holidays)).toBe('2015-03-02');
  });

  it('is unaffected by the clocks changing: Friday 2014-03-28 + 1 is Monday 2014-03-31, 2014-10-24 + 1 is 2014-10-27', () => {
    expect(addWorkingDays('2014-03-28', 1, holidays)).toBe('2014-03-31');
    expect(addWorkingDays('2014-10-24', 1, holidays)).toBe('2014-10-27');
  });

  it('londonDate gives the calendar date in Europe/London either side of the clock changes', () => {
    expect(londonDate(new Date('2014-03-30T00:30:00Z'))).toBe('2014-03-30'); // GMT
    expect(londonDate(new Date('2014-06-30T23:30:00Z'))).toBe('2014-07-01'); // BST
    expect(londonDate(new Date('2014-10-25T23:30:00Z'))).toBe('2014-10-26'); // still BST
    expect(londonDate(new Date('2014-12-31T23:30:00Z'))).toBe('2014-12-31'); // GMT
  });

  it('londonDate agrees with the time zone database every quarter hour around midnight on the days of each clock change, 1970 to 2100', () => {
    const zone = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const disagreements: string[] = [];
    for (let year = 1970; year <= 2100; year++) {
      // The last days of March and October, when the clocks change, and a day in each month.
      const days = [
        ...[25, 26, 27, 28, 29, 30, 31].flatMap((d) => [Date.UTC(year, 2, d), Date.UTC(year, 9, d)]),
        ...Array.from({ length: 12 }, (_, m) => Date.UTC(year, m, 15)),
      ];
      for (const day of days) {
        // Around midnight, where an hour's difference changes the date, and at midday.
        for (const minutes of [...Array.from({ length: 21 }, (_, i) => -120 + i * 15), 12 * 60]) {
          const instant = new Date(day + minutes * 60_000);
          if (londonDate(instant) !== zone.format(instant)) disagreements.push(instant.toISOString());
        }
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
  });

  it('workingDaysBetween counts the days after the start up to and including the end', () => {
    expect(workingDaysBetween('2014-12-19', '2015-01-07', holidays)).toBe(10);
    expect(workingDaysBetween('2015-01-07', '2014-12-19', holidays)).toBe(-10);
    expect(workingDaysBetween('2014-12-19', '2014-12-19', holidays)).toBe(0);
  });

  const day = fc.integer({ min: dayNumber('2012-01-01'), max: dayNumber('2030-12-31') }).map(fromDayNumber);

  it('property: adding n working days lands on a working day n working days later, and subtracting undoes it', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), (start, n) => {
        const end = addWorkingDays(start, n, holidays);
        expect(isWorkingDay(end, holidays)).toBe(true);
        expect(workingDaysBetween(start, end, holidays)).toBe(n);
        // From a working day, going back n working days returns to it.
        if (isWorkingDay(start, holidays)) expect(subtractWorkingDays(end, n, holidays)).toBe(start);
      }),
    );
  });

  it('no bank holiday and no Saturday or Sunday is ever a working day', () => {
    for (const d of holidays) expect(isWorkingDay(d, holidays), d).toBe(false);
    expect(isWorkingDay('2014-12-20', holidays)).toBe(false); // Saturday
    expect(isWorkingDay('2014-12-21', holidays)).toBe(false); // Sunday
    expect(isWorkingDay('2014-12-22', holidays)).toBe(true); // Monday
    expect(isWeekend('2014-12-22')).toBe(false);
  });
});
