// A form is the HMI's own record of the visit (paras 13, 16): the sample school and prose `init` writes are not evidence.
import { initSample, normaliseText, textsOf } from '../../evidence/sample.js';
import { defineRule, type Finding } from '../rule.js';

/** The first words of a text, for a message. */
function opening(text: string): string {
  const words = text.split(' ');
  return words.length <= 8 ? text : `${words.slice(0, 8).join(' ')}\u2026`;
}

export const sampleText = defineRule({ id: 'init/sample-text', paragraph: '16', severity: 'error' }, (form) => {
  const sample = initSample();
  const findings: Finding[] = [];
  if (normaliseText(form.school.name ?? '') === sample.school.name && form.school.urn === sample.school.urn) {
    findings.push({
      code: 'sample-school',
      params: { name: sample.school.name, urn: sample.school.urn },
      path: ['school', 'name'],
    });
  }
  const sampleProse = new Set(sample.prose.map((p) => p.text));
  for (const { path, text } of textsOf(form)) {
    if (!sampleProse.has(text)) continue;
    const field = path
      .map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
      .join('')
      .slice(1);
    findings.push({ code: 'sample-prose', params: { field, opening: opening(text) }, path });
  }
  return findings;
});
