import { describe, it, expect } from 'vitest';
import { catalogueFrom } from '../../src/ground/message-catalogue.js';
import { arrangements2014 } from '../../src/rules/arrangements.js';
import { defineRule } from '../../src/rules/rule.js';
import { baseForm } from './checks/support.js';

describe('defineRule (unified-lint-rule style)', () => {
  const rule = defineRule({ id: 'para-99/example', paragraph: '99', severity: 'warning' }, (form) => [
    { code: 'counted', params: { days: form.visit.dates.length }, path: ['visit', 'dates'] },
    { code: 'worse', path: ['judgement'], severity: 'error', paragraph: '11' },
  ]);
  const messages = catalogueFrom({
    'para-99/example': { counted: 'found {days, plural, one {# day} other {# days}}', worse: 'worse' },
  });
  const found = rule.check(baseForm(), { holidays: new Set(), arrangements: arrangements2014, messages });

  it('stamps the rule id and paragraph on every diagnostic', () => {
    expect(found.map((d) => [d.rule, d.paragraph])).toEqual([
      ['para-99/example', '99'],
      ['para-99/example', '11'],
    ]);
  });

  it('uses the rule severity unless the body gives its own', () => {
    expect(found.map((d) => d.severity)).toEqual(['warning', 'error']);
  });

  it('words each finding from the catalogue, under the rule id and the finding code, and keeps its path', () => {
    expect(found[0]).toMatchObject({ code: 'counted', message: 'found 1 day', path: ['visit', 'dates'] });
    expect(found[1]).toMatchObject({ code: 'worse', message: 'worse' });
  });

  it('a finding whose code the catalogue lacks is a defect, named', () => {
    const orphan = defineRule({ id: 'para-99/orphan', paragraph: '99', severity: 'info' }, () => [
      { code: 'nowhere', path: [] },
    ]);
    expect(() => orphan.check(baseForm(), { holidays: new Set(), arrangements: arrangements2014, messages })).toThrow(
      'the message catalogue has no sentence for para-99/orphan nowhere',
    );
  });

  it('exposes its identity', () => {
    expect(rule).toMatchObject({ id: 'para-99/example', paragraph: '99', severity: 'warning' });
  });
});
