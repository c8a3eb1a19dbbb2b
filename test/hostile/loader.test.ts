/** Forms built to exhaust the loader: each must end quickly in one placed diagnostic, never a hang or a stack overflow. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { loadForm, maxFormEntries } from '../../src/evidence/load.js';
import { renderMarkdown } from '../../src/writers/markdown.js';
import { repoRoot } from '../support/fake-io.js';

const exampleText = readFileSync(join(repoRoot, 'fixtures/forms/example.yaml'), 'utf8');

describe('forms that would take minutes or blow the stack', () => {
  // No timed assertion: the test's own timeout is what a minutes-long (quadratic) loader would exceed.
  it('a JSON form with 200,000 keys: file/too-many-entries, not minutes of work', () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `"k${i}": 1`).join(',');
    const { diagnostics, form } = loadForm(`{"school": {${keys}}}`, 'wide.json');
    expect(form).toBeUndefined();
    expect(diagnostics.map((d) => d.rule)).toEqual(['file/too-many-entries']);
    expect(diagnostics[0]?.message).toContain(maxFormEntries.toLocaleString('en-GB'));
  }, 30_000);

  it('a YAML form of 200,000 block keys: the same', () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `  k${i}: 1\n`).join('');
    const { diagnostics } = loadForm(`school:\n${keys}`, 'wide.yaml');
    expect(diagnostics.map((d) => d.rule)).toEqual(['file/too-many-entries']);
  }, 30_000);

  it('a form of the usual size is still read whole', () => {
    expect(loadForm(exampleText, 'example.yaml').form).toBeDefined();
  });

  for (const [name, text] of [
    ['JSON', `{"school": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
    ['YAML flow', `school: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
  ] as const) {
    it(`${name} nested 100,000 deep: yaml/too-deep, no stack overflow message`, () => {
      const { diagnostics } = loadForm(text, name === 'JSON' ? 'deep.json' : 'deep.yaml');
      expect(diagnostics.map((d) => d.rule)).toEqual(['yaml/too-deep']);
      expect(diagnostics[0]?.message).not.toMatch(/call stack/);
      expect(diagnostics[0]?.line).toBe(1);
    });
  }
});

describe('YAML features a form does not use', () => {
  it('a merge key (<<) is named as such, with the keys to write out instead', () => {
    const text = exampleText.replace('  firstName: Zoë', '  <<: { firstName: Zoë }');
    const { diagnostics } = loadForm(text, 'merge.yaml');
    const merge = diagnostics.find((d) => d.path.join('.') === 'headteacher.<<');
    expect(merge?.message).toMatch(/^merge key `<<` in headteacher: .*no merge keys.*firstName/);
    expect(merge?.line).toBeGreaterThan(1);
  });
});

describe('Markdown preview of text GitHub-flavoured readers would restyle', () => {
  it('~~ in an inspector’s text is escaped, so no reader strikes it through', () => {
    const md = renderMarkdown({
      meta: { title: 't', subject: 's', urn: '100000', visitDate: '2014-03-12', status: 'draft' },
      blocks: [{ type: 'paragraph', role: 'body', children: [{ type: 'text', value: 'was ~~not~~ done' }] }],
    } as unknown as Parameters<typeof renderMarkdown>[0]);
    expect(md).toContain('was \\~\\~not\\~\\~ done');
  });
});
