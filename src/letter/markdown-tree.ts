/**
 * The Markdown a template renders, parsed with markdown-it (CommonMark, raw
 * HTML off, typographer off, indented code off) into the document tree every
 * writer consumes. Quotes are made typographic here, once, for template text
 * and inspector text alike.
 */
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import { smartQuotes } from './escape.js';
import type { Block, BlockRole, Inline, ListItem } from './tree.js';

let parser: MarkdownIt | undefined;

function markdown(): MarkdownIt {
  if (!parser) {
    parser = markdownIt('commonmark', { html: false, typographer: false, linkify: false });
    // Indentation never makes code: a narrative's later paragraphs are indented to stay in a list item.
    parser.disable(['code', 'html_block', 'html_inline']);
  }
  return parser;
}

/** Inline tokens to inlines; links and code keep their text only. */
function inlines(tokens: readonly Token[]): Inline[] {
  const root: Inline[] = [];
  const stack: Inline[][] = [root];
  const top = (): Inline[] => stack[stack.length - 1] ?? root;
  const text = (value: string): void => {
    const here = top();
    const last = here[here.length - 1];
    if (last?.type === 'text') last.value += value;
    else if (value !== '') here.push({ type: 'text', value });
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
        text(t.content);
        break;
      case 'softbreak':
        text(' ');
        break;
      case 'hardbreak':
        top().push({ type: 'break' });
        break;
      case 'strong_open':
      case 'em_open': {
        const children: Inline[] = [];
        top().push({ type: t.type === 'strong_open' ? 'strong' : 'emphasis', children });
        stack.push(children);
        break;
      }
      case 'strong_close':
      case 'em_close':
        if (stack.length > 1) stack.pop();
        break;
      case 'image':
        text(t.content);
        break;
      default:
        break;
    }
  }
  return root;
}

/** Block tokens from `start` until the matching close (or the end) into blocks. */
function blocks(tokens: readonly Token[], role: BlockRole): Block[] {
  const out: Block[] = [];
  const stack: { block?: Extract<Block, { type: 'list' }>; item?: ListItem; sink: Block[] }[] = [{ sink: out }];
  const sink = (): Block[] => stack[stack.length - 1]?.sink ?? out;
  let pending: { type: 'heading'; depth: 1 | 2 | 3 } | { type: 'paragraph' } | undefined;
  for (const t of tokens) {
    switch (t.type) {
      case 'heading_open':
        pending = { type: 'heading', depth: Math.min(3, Number(t.tag.slice(1))) as 1 | 2 | 3 };
        break;
      case 'paragraph_open':
        pending = { type: 'paragraph' };
        break;
      case 'inline': {
        const children = inlines(t.children ?? []);
        if (children.length === 0) break;
        if (pending?.type === 'heading') sink().push({ type: 'heading', depth: pending.depth, children, role });
        else sink().push({ type: 'paragraph', children, role });
        break;
      }
      case 'fence':
        sink().push({ type: 'paragraph', children: [{ type: 'text', value: t.content.replace(/\n$/, '') }], role });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = t.type === 'ordered_list_open';
        const list: Extract<Block, { type: 'list' }> = {
          type: 'list',
          ordered,
          start: ordered ? Number(t.attrGet('start') ?? 1) : 1,
          items: [],
          role,
        };
        sink().push(list);
        stack.push({ block: list, sink: [] });
        break;
      }
      case 'list_item_open': {
        const frame = stack[stack.length - 1];
        const item: ListItem = { children: [] };
        frame?.block?.items.push(item);
        stack.push({ item, sink: item.children });
        break;
      }
      case 'list_item_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
        if (stack.length > 1) stack.pop();
        break;
      default:
        break;
    }
  }
  return out;
}

/** Straight quotes to typographic ones across a block's inlines, each knowing the character before it. */
function quoteInlines(children: Inline[], before: { c: string }): void {
  for (const child of children) {
    if (child.type === 'text') {
      // Template whitespace (a partial's line end, an empty optional field) never doubles a space.
      child.value = smartQuotes(child.value.replace(/[ \t]{2,}/g, ' '), before.c);
      before.c = child.value.slice(-1) || before.c;
    } else if (child.type === 'break') {
      before.c = '\n';
    } else {
      quoteInlines(child.children, before);
    }
  }
}

function quoteBlocks(list: Block[]): void {
  for (const block of list) {
    if (block.type === 'list') for (const item of block.items) quoteBlocks(item.children);
    else quoteInlines(block.children, { c: '' });
  }
}

/** Parses one template part's Markdown into blocks tagged with the part's role. */
export function markdownToBlocks(source: string, role: BlockRole): Block[] {
  const result = blocks(markdown().parse(source, {}), role);
  quoteBlocks(result);
  return result;
}
