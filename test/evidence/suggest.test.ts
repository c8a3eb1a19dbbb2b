import { describe, it, expect } from 'vitest';
import { editDistance, suggest } from '../../src/ground/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['areasForImprovment', 'areasForImprovement', 1],
    ['ab', 'ba', 1],
    ['judgment', 'judgement', 1],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('suggest', () => {
  const keys = ['school', 'headteacher', 'inspection', 'visit', 'judgement', 'findings'];
  it('offers the near miss', () => {
    expect(suggest('judgment', keys)).toBe('judgement');
    expect(suggest('Inspection', keys)).toBe('inspection');
    expect(suggest('head_teacher', keys)).toBe('headteacher');
  });
  it('matches enum values written with spaces or capitals', () => {
    expect(suggest('Requires Improvement', ['good', 'requires-improvement'])).toBe('requires-improvement');
  });
  it('offers nothing for a word far from every candidate', () => {
    expect(suggest('lunchMenu', keys)).toBeUndefined();
    expect(suggest('', keys)).toBeUndefined();
    expect(suggest('x', ['y', 'visit'])).toBe('y');
  });
});
