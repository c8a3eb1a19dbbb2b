import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { blockText, type LetterDocument } from '../../src/letter/tree.js';
import { escapeNarrative } from '../../src/letter/escape.js';
import { markdownToBlocks } from '../../src/letter/markdown-tree.js';
import { renderHtml } from '../../src/writers/html.js';
import { compose, fixture } from './compose.js';

const example = fixture('example');

function withContext(context: string): LetterDocument {
  const doc = compose({ ...example, context }).document;
  if (!doc) throw new Error('no document');
  return doc;
}

/** The body paragraphs between the Context heading and the next heading. */
function contextParagraphs(doc: LetterDocument): string[] {
  const start = doc.blocks.findIndex((b) => b.type === 'heading' && blockText(b) === 'Context');
  const out: string[] = [];
  for (const b of doc.blocks.slice(start + 1)) {
    if (b.type === 'heading') break;
    out.push(blockText(b));
  }
  return out;
}

describe('inspector text prints as typed (PITFALLS 2)', () => {
  it.each([
    ['asterisks', 'Pupils scored *very* well and 2 * 3 = 6.'],
    ['underscores', 'The file was named __init__ and snake_case_words.'],
    ['angle brackets', 'Teachers wrote <b>bold</b> and <script>alert(1)</script> on the board.'],
    ['handlebars', 'The template said {{x}} and {{{y}}} and {{> partial}}.'],
    ['backslashes', 'A path C:\\Users\\staff\\ and a trailing one \\'],
    ['ampersands and entities', 'Maths & English; &amp; &lt;b&gt; &#42;'],
    ['a number and a full stop at the start', '1. This is not a list item.'],
    ['a hash at the start', '# This is not a heading'],
    ['a dash at the start', '- not a bullet'],
    ['a quote marker at the start', '> not a quotation'],
    ['brackets like a link', '[a link](http://example.org) and ![image](x.png)'],
    ['backticks', 'Use `code` here'],
    ['a rule', '---'],
  ])('%s', (_name, typed) => {
    expect(contextParagraphs(withContext(typed))).toEqual([typed]);
  });

  it('blank-line-separated paragraphs stay paragraphs, and a single newline is a space', () => {
    const paragraphs = contextParagraphs(
      withContext('First paragraph\ncontinues here.\n\n\nSecond paragraph.\n   \nThird.'),
    );
    expect(paragraphs).toEqual(['First paragraph continues here.', 'Second paragraph.', 'Third.']);
  });

  it('a narrative of several paragraphs in a list item stays in its item', () => {
    const doc = compose({ ...example, actions: { school: ['First part.\n\nSecond part.', 'Next action.'] } }).document;
    const list = doc?.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items.map((i) => i.children.map(blockText))).toEqual([
      ['First part.', 'Second part.'],
      ['Next action.'],
    ]);
  });

  it('the HTML preview escapes what the inspector typed', () => {
    const html = renderHtml(withContext('Teachers wrote <b>bold</b> & "quotes".'));
    expect(html).toContain('Teachers wrote &#60;b&#62;bold&#60;/b&#62; &#38; “quotes”.');
    expect(html).not.toContain('<b>bold');
  });

  it('any printable text comes back from escape → Markdown → tree unchanged (quotes aside)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 60 }), (raw) => {
        const typed = raw.replace(/['"]/g, '').replace(/\s+/g, ' ').trim();
        fc.pre(typed !== '');
        const blocks = markdownToBlocks(escapeNarrative(typed), 'body');
        expect(blocks.map(blockText)).toEqual([typed]);
      }),
      { numRuns: 500 },
    );
  });
});
