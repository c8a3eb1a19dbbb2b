import { readdirSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { markdownToBlocks } from '../../src/letter/markdown-tree.js';
import type { LetterDocument } from '../../src/letter/tree.js';
import { renderMarkdown } from '../../src/writers/markdown.js';
import { compose, fixture, fixturesDir } from '../letter/compose.js';

const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

/** The generator line names the tool version; goldens should not change with it. */
const stable = (md: string): string => md.replace(/^<!-- monitoring-letter [^;]+;/, '<!-- monitoring-letter x;');

describe('Markdown preview', () => {
  it('has golden files for the example, the s117, the subsequent not-effective visit, the academy with a sixth form and the IEB school', () => {
    expect(fixtures).toEqual(
      expect.arrayContaining([
        'example',
        'section-117-visit',
        'subsequent-visit-not-effective',
        'academy-converter-sixth-form',
        'interim-executive-board',
      ]),
    );
  });

  it.each(fixtures)('golden: %s', async (name) => {
    const doc = compose(fixture(name)).document as LetterDocument;
    await expect(stable(renderMarkdown(doc))).toMatchFileSnapshot(`./golden/${name}.md`);
  });

  it.each(fixtures)('reads back to the same tree: %s', (name) => {
    const doc = compose(fixture(name)).document as LetterDocument;
    const body = renderMarkdown(doc).replace(/^<!--.*-->\n\n/, '');
    const reparsed = markdownToBlocks(body, 'body');
    const strip = (blocks: LetterDocument['blocks']) =>
      JSON.parse(JSON.stringify(blocks).replace(/"role":"\w+"/g, '"role":"x"')) as unknown;
    expect(strip(reparsed)).toEqual(strip(doc.blocks));
  });

  it('records the tool version, the template hash and the status', () => {
    const doc = compose(fixture('example')).document as LetterDocument;
    expect(renderMarkdown(doc).split('\n')[0]).toBe(
      `<!-- ${doc.meta.generator}; templates sha256:${doc.meta.templateHash}; draft -->`,
    );
  });
});
