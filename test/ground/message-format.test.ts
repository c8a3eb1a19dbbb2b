import { describe, expect, it } from 'vitest';
import { formatMessage, MessageSyntaxError, parseMessage } from '../../src/ground/message-format.js';

const say = (source: string, params: Record<string, string | number | boolean> = {}) =>
  formatMessage(parseMessage(source), params);

describe('the catalogue sentence format (ICU MessageFormat subset)', () => {
  it('puts parameters in, as written', () => {
    expect(say('visit day {date} is listed twice', { date: '12 March 2014' })).toBe(
      'visit day 12 March 2014 is listed twice',
    );
    expect(say('{n} working days', { n: 11 })).toBe('11 working days');
  });

  it('chooses by number: exact matches first, then one/other; # is the number', () => {
    const s = '{n, plural, =0 {none} one {# area} other {# areas}}';
    expect([0, 1, 2, 12].map((n) => say(s, { n }))).toEqual(['none', '1 area', '2 areas', '12 areas']);
  });

  it('chooses by value, falling back to other; true and false for a yes-or-no parameter', () => {
    const s = '{kind, select, pupilPremium {the pupil premium review} other {the governance review}}';
    expect(say(s, { kind: 'pupilPremium' })).toBe('the pupil premium review');
    expect(say(s, { kind: 'governance' })).toBe('the governance review');
    expect(say('{b, select, true {yes} other {no}}', { b: false })).toBe('no');
  });

  it('nests parameters and choices inside options', () => {
    expect(say('{g, select, good {good (grade 2)} other {{g}}}', { g: 'outstanding' })).toBe('outstanding');
    expect(say('{n, plural, =0 {} other { (no answer for {who})}}', { n: 2, who: 'A, B' })).toBe(
      ' (no answer for A, B)',
    );
  });

  it('writes a brace quoted with an apostrophe, and an apostrophe doubled; other apostrophes are text', () => {
    expect(say("write actions: '{ school: [] '} if none")).toBe('write actions: { school: [] } if none');
    expect(say("the school's plans, '' kept")).toBe("the school's plans, ' kept");
  });

  it('names the parameters a sentence uses', () => {
    expect([...parseMessage('{a} {b, plural, one {#} other {{c}}}').params].sort()).toEqual(['a', 'b', 'c']);
  });

  it('a parameter not given is a defect, named', () => {
    expect(() => formatMessage(parseMessage('dated {date}'), {}, 'para-17/letter-date late')).toThrow(
      'message para-17/letter-date late needs the parameter "date", which was not given',
    );
  });

  it.each([
    ['an unclosed brace', 'dated {date'],
    ['a stray closing brace', 'dated date}'],
    ['an unknown kind', '{n, number}'],
    ['a choice without other', '{n, plural, one {x}}'],
    ['an option not closed', '{n, plural, one {x} other {y}'],
  ])('refuses %s, saying where', (_what, source) => {
    expect(() => parseMessage(source)).toThrow(MessageSyntaxError);
    expect(() => parseMessage(source)).toThrow(/at character \d+ of/);
  });
});
