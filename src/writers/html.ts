/**
 * HTML preview: a standalone, valid, accessible HTML5 page (lang en-GB, one
 * h1, real lists) with a print stylesheet that sets it out as an A4 letter.
 * Every piece of text is escaped; the tool version and the templates' hash
 * are recorded in meta elements (PITFALLS 8).
 */
import type { Block, BlockRole, Inline, LetterDocument } from '../letter/tree.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function inlines(children: readonly Inline[]): string {
  return children
    .map((child) => {
      if (child.type === 'text') return escapeHtml(child.value);
      if (child.type === 'break') return '<br>';
      const tag = child.type === 'strong' ? 'strong' : 'em';
      return `<${tag}>${inlines(child.children)}</${tag}>`;
    })
    .join('');
}

function block(b: Block): string {
  const cls = ` class="${b.role}"`;
  switch (b.type) {
    case 'heading':
      return `<h${b.depth}${cls}>${inlines(b.children)}</h${b.depth}>`;
    case 'paragraph':
      return `<p${cls}>${inlines(b.children)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
      const items = b.items.map((item) => `<li>${item.children.map(block).join('')}</li>`).join('\n');
      return `<${tag}${cls}${start}>\n${items}\n</${tag}>`;
    }
  }
}

/** Consecutive blocks of a role are grouped: the letterhead in a header, the sign-off in a footer. */
const wrappers: Partial<Record<BlockRole, [string, string]>> = {
  letterhead: ['<header class="letterhead-block" aria-label="Letterhead">', '</header>'],
  address: ['<address class="address-block">', '</address>'],
  signoff: ['<footer class="signoff-block">', '</footer>'],
};

function body(blocks: readonly Block[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < blocks.length) {
    const role = (blocks[i] as Block).role;
    let j = i;
    while (j < blocks.length && (blocks[j] as Block).role === role) j++;
    const group = blocks.slice(i, j).map(block).join('\n');
    const wrap = wrappers[role];
    out.push(wrap ? `${wrap[0]}\n${group}\n${wrap[1]}` : group);
    i = j;
  }
  return out.join('\n');
}

const style = `
:root { color: #0b0c0c; background: #f3f2f1; }
body { margin: 0; font: 11pt/1.45 Arial, "Helvetica Neue", "DejaVu Sans", sans-serif; }
main { box-sizing: border-box; max-width: 210mm; min-height: 297mm; margin: 2rem auto; padding: 20mm 22mm 25mm;
  background: #fff; box-shadow: 0 0 0.5rem rgba(0, 0, 0, 0.2); }
.letterhead-block { float: right; margin: 0 0 1.5rem 2rem; font-size: 9pt; text-align: right; }
.letterhead-block p { margin: 0; }
p.marking { clear: both; margin: 0 0 1rem; font-size: 12pt; text-transform: uppercase; letter-spacing: 0.05em; color: #d4351c; }
p.date { clear: both; padding-top: 1rem; }
address { font-style: normal; margin: 1rem 0; }
address p, p.reference { margin: 0; }
p.reference { margin-bottom: 1.5rem; }
h1 { clear: both; font-size: 13pt; margin: 1.5rem 0 1rem; }
h2 { font-size: 11.5pt; margin: 1.5rem 0 0.5rem; page-break-after: avoid; break-after: avoid; }
p { margin: 0 0 0.8rem; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 0.8rem; padding-left: 1.5rem; }
li p { margin: 0 0 0.3rem; }
.signoff-block { margin-top: 1.5rem; }
.signoff-block p:first-child { margin-bottom: 2.5rem; }
@page { size: A4; margin: 20mm 20mm 22mm; }
@media print {
  :root { background: none; }
  body { font-size: 11pt; }
  main { margin: 0; padding: 0; max-width: none; min-height: 0; box-shadow: none; }
  p.marking { color: #000; }
}
`;

/** The letter as a standalone HTML5 page. */
export function renderHtml(doc: LetterDocument): string {
  const m = doc.meta;
  const metas = [
    ['author', m.author],
    ['description', m.subject],
    ['keywords', m.keywords.join(', ')],
    ['generator', m.generator],
    ['template-hash', `sha256:${m.templateHash}`],
    ['letter-status', m.status],
    ['urn', m.urn],
  ]
    .map(([name, content]) => `<meta name="${name}" content="${escapeHtml(content ?? '')}">`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(m.title)}</title>
${metas}
<style>${style}</style>
</head>
<body>
<main>
${body(doc.blocks)}
</main>
</body>
</html>
`;
}
