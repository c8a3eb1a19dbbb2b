import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadForm } from '../../src/evidence/load.js';
import { partsNotHeld } from '../../src/rules/parts-held.js';
import { repoRoot } from '../support/fake-io.js';

const formOf = (name: string) => {
  const file = join(repoRoot, 'fixtures', 'forms', name);
  const form = loadForm(readFileSync(file, 'utf8'), file).form;
  if (!form) throw new Error(`${name} does not load`);
  return form;
};

const firstVisit = [
  ['visit', 'previous'],
  ['findings', 'previousRecommendations'],
  ['findings', 'previousPriorities'],
];

describe('the parts of the form that apply to the school and the visit', () => {
  it.each([
    ['community-primary.yaml', [['school', 'foundation'], ['school', 'trust'], ...firstVisit]],
    ['example.yaml', [['school', 'trust'], ...firstVisit]],
    ['voluntary-controlled-primary.yaml', [['school', 'trust'], ...firstVisit]],
    ['foundation-school-trust.yaml', [['school', 'trust'], ...firstVisit]],
    ['academy-sponsor-led.yaml', [['school', 'foundation'], ...firstVisit]],
  ])('para 17: %s has no part for a body its school cannot have', (name, notHeld) => {
    expect(partsNotHeld(formOf(name))).toEqual(notHeld);
  });

  it('paras 21–22: a subsequent visit has the previous one, its priorities and recommendations', () => {
    const form = formOf('subsequent-visit-not-effective.yaml');
    expect(partsNotHeld(form)).not.toContainEqual(['visit', 'previous']);
    expect(partsNotHeld(form)).not.toContainEqual(['findings', 'previousPriorities']);
  });

  it('leaves every part of the school when its type is not given', () => {
    const form = formOf('community-primary.yaml');
    expect(partsNotHeld({ ...form, school: { ...form.school, type: undefined } })).toEqual(firstVisit);
  });
});
