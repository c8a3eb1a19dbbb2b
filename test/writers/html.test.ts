import { describe, it, expect } from 'vitest';
import type { LetterDocument } from '../../src/letter/tree.js';
import { renderHtml } from '../../src/writers/html.js';
import { compose, fixture } from '../letter/compose.js';

const voidElements = new Set(['meta', 'br', 'link']);

/** Every start tag has its end tag, properly nested; returns the problems. */
function unbalanced(html: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<!DOCTYPE html>/, '');
  for (const m of body.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g)) {
    const [, closing, tag = ''] = m;
    if (voidElements.has(tag)) continue;
    if (!closing) stack.push(tag);
    else if (stack.pop() !== tag) problems.push(`unexpected </${tag}>`);
  }
  return [...problems, ...stack.map((t) => `unclosed <${t}>`)];
}

describe('HTML preview', () => {
  const doc = compose(fixture('example')).document as LetterDocument;
  const html = renderHtml(doc);

  it('is a standalone HTML5 page in British English with the letter’s title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<title>${doc.meta.title}</title>`);
    expect(unbalanced(html)).toEqual([]);
  });

  it('is accessible: one h1, section headings as h2, real lists, a main landmark', () => {
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    expect(html.match(/<h2\b[^>]*>([^<]*)<\/h2>/g)?.map((h) => h.replace(/<[^>]+>/g, ''))).toEqual([
      'Evidence',
      'Context',
      'Main findings',
      'External support',
    ]);
    expect(html).toMatch(/<ul class="body">\n<li><p class="body">Sharpen/);
    expect(html).toContain('<main>');
  });

  it('has a print stylesheet that sets it out on A4', () => {
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toContain('@media print');
  });

  it('records the tool version and template hash', () => {
    expect(html).toContain(`<meta name="generator" content="${doc.meta.generator}">`);
    expect(html).toContain(`<meta name="template-hash" content="sha256:${doc.meta.templateHash}">`);
  });

  it('escapes every piece of text, in content and attributes', () => {
    const evil = compose({
      ...fixture('example'),
      visit: { ...fixture('example').visit, inspector: { name: 'A "B" <i>C</i> & D' } },
    }).document as LetterDocument;
    const out = renderHtml(evil);
    expect(out).not.toContain('<i>C</i>');
    expect(out).toContain('<meta name="author" content="A &#34;B&#34; &#60;i&#62;C&#60;/i&#62; &#38; D">');
    expect(out).toContain('A “B” &#60;i&#62;C&#60;/i&#62; &#38; D<br>');
    expect(unbalanced(out)).toEqual([]);
  });
});
