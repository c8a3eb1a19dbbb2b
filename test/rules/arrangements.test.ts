import { describe, it, expect } from 'vitest';
import { arrangementsForDates, arrangementsForVisit, visitWindowDates } from '../../src/rules/arrangements.js';

describe('arrangements by visit date', () => {
  it('para 2: a visit on 1 January 2014 or later follows the 2014 guidance', () => {
    expect(arrangementsForVisit('2014-01-01').id).toBe('2014');
    expect(arrangementsForVisit('2015-06-30').id).toBe('2014');
  });

  it('2012 arrangements: a visit on 31 December 2013 or earlier follows the 2012 arrangements', () => {
    expect(arrangementsForVisit('2013-12-31').id).toBe('2012');
    expect(arrangementsForVisit('2012-11-20').id).toBe('2012');
  });

  it('chooses by the earliest visit day, whatever the order written', () => {
    expect(arrangementsForDates(['2014-01-02', '2013-12-31']).id).toBe('2012');
  });

  it('para 2: the 2014 window is 4 to 12 weeks after publication', () => {
    const a = arrangementsForVisit('2014-03-12');
    expect(a.visitWindow).toMatchObject({ from: 'publication', minWeeks: 4, maxWeeks: 12, paragraph: '2' });
    expect(visitWindowDates(a, '2014-02-03')).toEqual({ opens: '2014-03-03', closes: '2014-04-28' });
  });

  it('2012 arrangements: the window is 4 to 6 weeks after the inspection', () => {
    const a = arrangementsForVisit('2013-03-12');
    expect(a.visitWindow).toMatchObject({ from: 'inspection-end', minWeeks: 4, maxWeeks: 6 });
    expect(visitWindowDates(a, '2013-02-07')).toEqual({ opens: '2013-03-07', closes: '2013-03-21' });
  });
});
