// paras 21–22: a subsequent monitoring inspection concentrates on the priorities set at the previous one, so the
// letter gives the school's response to each (para 16: "… and any recommendations from a previous monitoring inspection").
import type { FormPath } from '../../ground/diagnostics.js';
import type { EvidenceForm } from '../../evidence/schema.js';
import type { MissingContent } from './completeness.js';
import { isSection117, isSubsequentVisit, said } from './form-facts.js';

const abbreviate = (text: string): string => {
  const words = text.split(/\s+/);
  return words.length <= 10 ? text : `${words.slice(0, 10).join(' ')}\u2026`;
};

/** Each priority of the previous monitoring inspection without the school's response (a gap in the letter, an error). */
export function previousPriorityResponses(form: EvidenceForm): MissingContent[] {
  if (!isSubsequentVisit(form) || isSection117(form)) return [];
  const priorities = form.visit.previous?.priorities ?? [];
  const responses = form.findings?.previousPriorities ?? [];
  const answered = new Set(responses.filter((r) => said(r.response)).map((r) => r.priority));
  const path: FormPath = form.findings === undefined ? ['findings'] : ['findings', 'previousPriorities'];
  return priorities
    .map((priority, index) => ({ priority, number: index + 1 }))
    .filter(({ number }) => !answered.has(number))
    .map(({ priority, number }) => ({
      key: `findings.previousPriorities.${number}`,
      label: `the school\u2019s response to previous priority ${number}`,
      code: responses.length === 0 ? 'previous-priority-none' : 'previous-priority',
      params: { priorities: priorities.length, priority: number, text: abbreviate(priority) },
      path,
      paragraph: '16, 22',
    }));
}
