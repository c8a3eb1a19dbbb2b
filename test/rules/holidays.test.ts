import { describe, it, expect } from 'vitest';
import {
  applyHolidayOverride,
  dataBankHolidays,
  englandBankHolidayNames,
  loadHolidayOverride,
} from '../../scripts/holiday-data.js';
import { englandBankHolidays, holidayTable } from '../../src/rules/holidays.js';
import { isWeekend, londonDate } from '../../src/ground/calendar.js';

const weekdayHolidays = (year: number): string[] =>
  [...englandBankHolidays()].filter((d) => d.startsWith(`${year}-`) && !isWeekend(d)).sort();

describe("England's bank holidays", () => {
  it('keeps only public holidays: no Mothering Sunday, Easter Sunday or Father\u2019s Day', () => {
    const holidays = englandBankHolidays();
    expect(holidays.has('2014-03-30')).toBe(false); // Mothering Sunday 2014
    expect(holidays.has('2014-04-20')).toBe(false); // Easter Sunday 2014
    expect(holidays.has('2014-06-15')).toBe(false); // Father's Day 2014
    expect(holidays.has('2014-04-18')).toBe(true); // Good Friday
    expect(holidays.has('2014-04-21')).toBe(true); // Easter Monday
  });

  it('includes substitute days for Christmas, Boxing Day and New Year falling at a weekend', () => {
    const holidays = englandBankHolidays();
    for (const d of ['2021-12-27', '2021-12-28', '2022-01-03', '2015-12-28', '2016-12-27', '2017-01-02']) {
      expect(holidays.has(d), d).toBe(true);
    }
  });

  it('has the one-off holidays of 2020, 2022 and 2023, and not the moved 4 May 2020', () => {
    const holidays = englandBankHolidays();
    for (const d of ['2020-05-08', '2022-06-03', '2022-09-19', '2023-05-08']) expect(holidays.has(d), d).toBe(true);
    expect(holidays.has('2020-05-04')).toBe(false);
  });

  it('override: the 2012 spring bank holiday moved to 4 June for the Diamond Jubilee', () => {
    expect(weekdayHolidays(2012)).toEqual([
      '2012-01-02',
      '2012-04-06',
      '2012-04-09',
      '2012-05-07',
      '2012-06-04',
      '2012-06-05',
      '2012-08-27',
      '2012-12-25',
      '2012-12-26',
    ]);
    // The data alone has it wrong, which is why the override exists.
    expect(dataBankHolidays(2012, 2012).has('2012-05-28')).toBe(true);
  });

  it('matches the published list for 2014, a year the 2014 arrangements start', () => {
    expect(weekdayHolidays(2014)).toEqual([
      '2014-01-01',
      '2014-04-18',
      '2014-04-21',
      '2014-05-05',
      '2014-05-26',
      '2014-08-25',
      '2014-12-25',
      '2014-12-26',
    ]);
  });

  it('every override entry says why, and the override file is applied (additions in, removals out)', () => {
    const override = loadHolidayOverride();
    for (const entry of [...override.add, ...override.remove]) expect(entry.comment.length).toBeGreaterThan(10);
    const names = englandBankHolidayNames(2012, 2023);
    for (const entry of override.add) expect(names.has(entry.date), entry.date).toBe(true);
    for (const entry of override.remove) expect(names.has(entry.date), entry.date).toBe(false);
  });

  it('applyHolidayOverride removes before adding, so a date in both lists stays a holiday', () => {
    const result = applyHolidayOverride(new Map([['2030-01-01', 'New Year']]), {
      add: [
        { date: '2030-02-01', name: 'x', comment: 'why x' },
        { date: '2030-03-01', name: 'y', comment: 'why y' },
      ],
      remove: [
        { date: '2030-01-01', comment: 'why' },
        { date: '2030-03-01', comment: 'why' },
      ],
    });
    expect([...result.keys()].sort()).toEqual(['2030-02-01', '2030-03-01']);
  });

  it('is computed once per process and cached', () => {
    expect(englandBankHolidays()).toBe(englandBankHolidays());
  });

  it('REAL CLOCK: the data has bank holidays for next year (fails when date-holidays or the override needs updating)', () => {
    // This one test reads the real clock on purpose: it guards the data, not the code.
    const nextYear = Number(londonDate(new Date()).slice(0, 4)) + 1;
    const next = [...englandBankHolidays()].filter((d) => d.startsWith(`${nextYear}-`));
    expect(next.length, `bank holidays for ${nextYear}`).toBeGreaterThanOrEqual(8);
    for (const md of ['-01-01', '-12-25', '-12-26'])
      expect(
        next.some((d) => d.endsWith(md)),
        md,
      ).toBe(true);
  });
});

describe('the prepared bank holiday table (data/bank-holidays.json)', () => {
  it('is up to date with the date-holidays data and the override file (else run `npm run holidays`)', () => {
    const table = holidayTable();
    const fresh = englandBankHolidayNames(table.fromYear, table.toYear);
    expect(table.holidays).toEqual(Object.fromEntries([...fresh].sort(([a], [b]) => (a < b ? -1 : 1))));
  });

  it('REAL CLOCK: the data source itself has bank holidays for next year', () => {
    const nextYear = Number(londonDate(new Date()).slice(0, 4)) + 1;
    expect([...dataBankHolidays(nextYear, nextYear).keys()].length).toBeGreaterThanOrEqual(8);
  });

  it('REAL CLOCK: covers at least three years ahead, so deadlines never silently skip no holidays', () => {
    const thisYear = Number(londonDate(new Date()).slice(0, 4));
    expect(holidayTable().toYear).toBeGreaterThanOrEqual(thisYear + 3);
  });
});
