import { describe, it, expect } from 'vitest';
import { arrangements2014 } from '../../src/rules/arrangements.js';
import { ruleContext } from '../../src/rules/check-form.js';
import { defineRule } from '../../src/rules/rule.js';
import { baseForm } from './checks/support.js';

describe('defineRule (unified-lint-rule style)', () => {
  const rule = defineRule({ id: 'para-99/example', paragraph: '99', severity: 'warning' }, (form) => [
    { message: `found ${form.visit.dates.length}`, path: ['visit', 'dates'] },
    { message: 'worse', path: ['judgement'], severity: 'error', paragraph: '11' },
  ]);
  const found = rule.check(baseForm(), { ...ruleContext(baseForm(), new Set()), arrangements: arrangements2014 });

  it('stamps the rule id and paragraph on every diagnostic', () => {
    expect(found.map((d) => [d.rule, d.paragraph])).toEqual([
      ['para-99/example', '99'],
      ['para-99/example', '11'],
    ]);
  });

  it('uses the rule severity unless the body gives its own', () => {
    expect(found.map((d) => d.severity)).toEqual(['warning', 'error']);
  });

  it('keeps the body message and path', () => {
    expect(found[0]).toMatchObject({ message: 'found 1', path: ['visit', 'dates'] });
  });

  it('exposes its identity', () => {
    expect(rule).toMatchObject({ id: 'para-99/example', paragraph: '99', severity: 'warning' });
  });
});
