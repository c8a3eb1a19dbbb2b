/**
 * An HTML letter read into the document tree, with a real HTML parser
 * (htmlparser2): the HTML mammoth makes of a DOCX (p, h1–h6, ul/ol/li,
 * strong/b, em/i, br, a, tables; this tool's paragraph styles as
 * `class="role-…"`), and any other HTML a browser would read the same way:
 * attributes in either quote, comments, scripts and styles (never text),
 * every named entity. Text directly inside a list item becomes that item's
 * paragraph; table cells' paragraphs are read in order.
 */
import { Parser } from 'htmlparser2';
import type { Block, BlockRole, Inline, ListItem } from './tree.js';

interface OpenBlock {
  kind: 'paragraph' | 'heading';
  depth: 1 | 2 | 3;
  role: BlockRole;
  /** Inline containers: the block's own children, then any open strong/emphasis. */
  stack: Inline[][];
}

interface OpenList {
  block: Extract<Block, { type: 'list' }>;
  item?: ListItem;
}

const roles: Record<BlockRole, true> = {
  letterhead: true,
  date: true,
  address: true,
  reference: true,
  salutation: true,
  body: true,
  signoff: true,
  marking: true,
};

/** The first `role-…` class naming a role of this tool's letters, if any. */
function roleOf(className: string | undefined): BlockRole | undefined {
  for (const name of (className ?? '').split(/\s+/)) {
    const role = /^role-([a-z]+)$/.exec(name)?.[1];
    if (role !== undefined && Object.hasOwn(roles, role)) return role as BlockRole;
  }
  return undefined;
}

/** Elements whose content is never the letter's text. */
const hidden: ReadonlySet<string> = new Set(['script', 'style', 'template', 'head', 'title', 'noscript']);

/** An HTML letter as blocks. */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const lists: OpenList[] = [];
  let open: OpenBlock | undefined;
  let hiddenDepth = 0;

  const container = (): Block[] => {
    const list = lists[lists.length - 1];
    if (!list) return blocks;
    if (!list.item) {
      list.item = { children: [] };
      list.block.items.push(list.item);
    }
    return list.item.children;
  };
  const close = (): void => {
    if (!open) return;
    const children = trimInlines(open.stack[0]!);
    if (children.length > 0) {
      container().push(
        open.kind === 'heading'
          ? { type: 'heading', depth: open.depth, role: 'body', children }
          : { type: 'paragraph', role: open.role, children },
      );
    }
    open = undefined;
  };
  const begin = (kind: OpenBlock['kind'], depth: OpenBlock['depth'], role: BlockRole): void => {
    close();
    open = { kind, depth, role, stack: [[]] };
  };
  const inlineTarget = (): Inline[][] => {
    open ??= { kind: 'paragraph', depth: 1, role: 'body', stack: [[]] };
    return open.stack;
  };
  const addText = (value: string): void => {
    if (value === '' || hiddenDepth > 0) return;
    if (!open && value.trim() === '') return;
    const stack = inlineTarget();
    const here = stack[stack.length - 1]!;
    const last = here[here.length - 1];
    if (last?.type === 'text') last.value += value;
    else here.push({ type: 'text', value });
  };
  const closeList = (): void => {
    close();
    const list = lists.pop();
    if (list) container().push(list.block);
  };

  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (hidden.has(tag)) hiddenDepth++;
        if (hiddenDepth > 0) return;
        if (/^h[1-6]$/.test(tag)) begin('heading', Math.min(Number(tag[1]), 3) as 1 | 2 | 3, 'body');
        else if (tag === 'p') begin('paragraph', 1, roleOf(attributes.class) ?? 'body');
        else if (tag === 'ul' || tag === 'ol') {
          close();
          const start = Number(/^\d+$/.test(attributes.start ?? '') ? attributes.start : 1);
          lists.push({ block: { type: 'list', ordered: tag === 'ol', start, role: 'body', items: [] } });
        } else if (tag === 'li') {
          close();
          // Each item starts afresh; its first content opens it (see container).
          const list = lists[lists.length - 1];
          if (list) list.item = undefined;
        } else if (tag === 'strong' || tag === 'b' || tag === 'em' || tag === 'i') {
          const stack = inlineTarget();
          const node: Inline =
            tag === 'strong' || tag === 'b' ? { type: 'strong', children: [] } : { type: 'emphasis', children: [] };
          stack[stack.length - 1]!.push(node);
          stack.push(node.children);
        } else if (tag === 'br') {
          const stack = inlineTarget();
          stack[stack.length - 1]!.push({ type: 'break' });
        } else if (tag === 'td' || tag === 'th' || tag === 'tr' || tag === 'table' || tag === 'div') close();
        // a, span, sup, sub, img and anything else: their text only.
      },
      ontext: addText,
      onclosetag(tag) {
        if (hidden.has(tag)) {
          hiddenDepth = Math.max(0, hiddenDepth - 1);
          return;
        }
        if (hiddenDepth > 0) return;
        if (/^h[1-6]$/.test(tag) || tag === 'p' || tag === 'li') close();
        else if (tag === 'ul' || tag === 'ol') closeList();
        else if (tag === 'strong' || tag === 'b' || tag === 'em' || tag === 'i') {
          const stack = open?.stack;
          if (stack && stack.length > 1) stack.pop();
        } else if (tag === 'td' || tag === 'th' || tag === 'tr' || tag === 'table' || tag === 'div') close();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  close();
  while (lists.length > 0) closeList();
  return blocks;
}

/** Drops empty formatting and a paragraph's leading and trailing breaks. */
function trimInlines(children: Inline[]): Inline[] {
  const kept = children.filter((child) =>
    child.type !== 'strong' && child.type !== 'emphasis' ? true : child.children.length > 0,
  );
  while (kept[0]?.type === 'break') kept.shift();
  while (kept[kept.length - 1]?.type === 'break') kept.pop();
  return kept;
}
