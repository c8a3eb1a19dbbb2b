import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/letter/tree.js';
import { compose, fixture } from './compose.js';

/** The example form made a pupil referral unit, its governance as given. */
function pupilReferralUnit(governance?: 'management-committee') {
  const form = structuredClone(fixture('community-primary'));
  form.school.type = 'pupil-referral-unit';
  if (governance) form.school.governance = { body: governance };
  else delete form.school.governance;
  return form;
}

const judgement = (text: string): string | undefined =>
  /^(.+?) are (?:not )?taking effective action/m.exec(text)?.[1]?.replace(/\*/g, '');

describe('paras 11, 17: a pupil referral unit is governed by its management committee', () => {
  for (const governance of [undefined, 'management-committee'] as const) {
    it(`para 11: the judgement names the management committee (${governance ?? 'governance not given'}), and para 17 copies its chair`, () => {
      const letter = compose(pupilReferralUnit(governance));
      const text = (letter.document?.blocks ?? []).map(blockText).join('\n');
      expect(judgement(text)).toBe('Senior leaders and the management committee');
      const copySentence = text.split('\n').find((line) => /copying this letter to/.test(line)) ?? '';
      expect(copySentence).toContain('the Chair of the Management Committee');
      expect(copySentence).not.toContain('Governing Body');
    });
  }
});
