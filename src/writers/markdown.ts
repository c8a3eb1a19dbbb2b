/**
 * Markdown preview: the document tree written back as Markdown, its text
 * escaped so that it reads back to the same tree. The tool version and the
 * templates' hash are recorded in a comment at the top (PITFALLS 8).
 */
import type { Block, Inline, LetterDocument } from '../letter/tree.js';

/** Escapes text for Markdown, keeping it readable: only characters that could start syntax. */
export function escapeMarkdownText(text: string, atLineStart: boolean): string {
  // `~` too: GitHub-flavoured readers strike through ~~text~~.
  let out = text.replace(/[\\`*_[\]<&~]/g, (c) => `\\${c}`);
  if (atLineStart) {
    out = out.replace(/^([#>+=~|-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  }
  return out;
}

function inlines(children: readonly Inline[], atStart = true): string {
  let out = '';
  for (const child of children) {
    const lineStart = atStart && out === '';
    if (child.type === 'text') out += escapeMarkdownText(child.value, lineStart || out.endsWith('\n'));
    else if (child.type === 'break') out += '\\\n';
    else {
      const mark = child.type === 'strong' ? '**' : '_';
      out += `${mark}${inlines(child.children, false)}${mark}`;
    }
  }
  return out;
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : by + line))
    .join('\n');
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `${'#'.repeat(b.depth)} ${inlines(b.children)}`;
    case 'paragraph':
      return inlines(b.children);
    case 'list':
      return b.items
        .map((item, i) => {
          const marker = b.ordered ? `${b.start + i}. ` : '- ';
          const body = item.children.map(block).join('\n\n');
          return marker + indent(body, ' '.repeat(marker.length));
        })
        .join('\n');
  }
}

/** The letter as Markdown, one blank line between blocks. */
export function renderMarkdown(doc: LetterDocument): string {
  const header = `<!-- ${doc.meta.generator}; templates sha256:${doc.meta.templateHash}; ${doc.meta.status} -->`;
  return `${header}\n\n${doc.blocks.map(block).join('\n\n')}\n`;
}
