import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadForm } from '../../src/evidence/load.js';
import { bodiesNotHeld } from '../../src/rules/school-bodies.js';
import { repoRoot } from '../support/fake-io.js';

const formOf = (name: string) => {
  const file = join(repoRoot, 'fixtures', 'forms', name);
  const form = loadForm(readFileSync(file, 'utf8'), file).form;
  if (!form) throw new Error(`${name} does not load`);
  return form;
};

describe('the bodies a school of its type has (para 17)', () => {
  it.each([
    [
      'community-primary.yaml',
      [
        ['school', 'foundation'],
        ['school', 'trust'],
      ],
    ],
    ['example.yaml', [['school', 'trust']]],
    ['voluntary-controlled-primary.yaml', [['school', 'trust']]],
    ['foundation-school-trust.yaml', [['school', 'trust']]],
    ['academy-sponsor-led.yaml', [['school', 'foundation']]],
  ])('para 17: %s has no part of the form for a body it cannot have', (name, notHeld) => {
    expect(bodiesNotHeld(formOf(name))).toEqual(notHeld);
  });

  it('leaves every part when the school’s type is not given', () => {
    const form = formOf('community-primary.yaml');
    expect(bodiesNotHeld({ ...form, school: { ...form.school, type: undefined } })).toEqual([]);
  });
});
