import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { sampleText } from '../../../src/rules/checks/sample-text.js';
import { changed, ruleTable } from './support.js';

// The sample `init` writes: the same file the check reads, so a test can never pass against a stale copy.
const sample = parse(readFileSync(new URL('../../../templates/init-form.yaml', import.meta.url), 'utf8')) as {
  school: { name: string; urn: number };
  context: string;
  findings: { plans: string; progress: { progress: string }[] };
  evidence: { meetings: string[]; parentView: string };
};

ruleTable(sampleText, {
  ok: [
    { name: 'a form of its own', form: changed(() => {}) },
    {
      name: 'a real school that shares the sample\u2019s name (its own URN)',
      form: changed((f) => {
        f.school.name = sample.school.name;
      }),
    },
    {
      name: 'stock phrases a real form shares with the sample (meetings, Parent View\u2019s usual sentence)',
      form: changed((f) => {
        f.evidence = { meetings: sample.evidence.meetings, parentView: sample.evidence.parentView };
      }),
    },
  ],
  notOk: [
    {
      name: 'the sample school (its name and URN) is refused',
      form: changed((f) => {
        f.school.name = sample.school.name;
        f.school.urn = String(sample.school.urn);
      }),
      expected: [{ severity: 'error', path: ['school', 'name'], code: 'sample-school' }],
    },
    {
      name: 'the sample prose, field by field, named by its place',
      form: changed((f) => {
        f.context = sample.context;
        f.findings!.plans = sample.findings.plans;
        f.findings!.progress![1]!.progress = sample.findings.progress[1]!.progress;
      }),
      expected: [
        { severity: 'error', path: ['context'], code: 'sample-prose' },
        {
          severity: 'error',
          path: ['findings', 'progress', 1, 'progress'],
          code: 'sample-prose',
        },
        { severity: 'error', path: ['findings', 'plans'], code: 'sample-prose' },
      ],
    },
    {
      name: 'the sample prose re-wrapped over several lines is still the sample',
      form: changed((f) => {
        f.findings!.plans = sample.findings.plans.replace(/ /g, '\n  ').replace(/^/, '  ');
      }),
      expected: [{ severity: 'error', path: ['findings', 'plans'], code: 'sample-prose' }],
    },
  ],
});
