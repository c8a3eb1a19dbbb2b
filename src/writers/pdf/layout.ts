/**
 * Layout: blocks to lines to pages. Lines break by real glyph widths; a
 * heading is kept with what follows it; a paragraph never leaves a single
 * first line at a page foot nor a single last line at the top of the next.
 */
import type { Block, Inline, LetterDocument, ListItem } from '../../letter/tree.js';
import type { PreparedFonts } from './fonts.js';
import { addElement, type StructNode } from './structure.js';
import { breakLines, MissingGlyphError, tokenize, type Line } from './text.js';
import { gapBetween, list, margin, page, styleOf, textWidth, type BlockStyle } from './styles.js';

/** One line as placed on a page: its text's origin in points. */
export interface PlacedLine {
  x: number;
  y: number;
  line: Line;
}

/** The part of one element's content that falls on one page. */
export interface Piece {
  element: StructNode;
  size: number;
  lines: PlacedLine[];
}

export interface PageLayout {
  pieces: Piece[];
  /** Horizontal rules (under the letterhead): y, from x1 to x2. */
  rules: { y: number; x1: number; x2: number }[];
}

export interface Layout {
  document: StructNode;
  pages: PageLayout[];
}

interface Box {
  style: BlockStyle;
  element: StructNode;
  lines: Line[];
  /** Left edge of the text, and the width it may fill. */
  x: number;
  width: number;
  gapBefore: number;
  label?: { element: StructNode; line: Line; x: number };
  ruleAfter: boolean;
}

/** Space under the letterhead's rule before the date. */
const letterheadGap = 20;
const itemGap = 3;

function headingRole(depth: 1 | 2 | 3): 'H1' | 'H2' | 'H3' {
  return depth === 1 ? 'H1' : depth === 2 ? 'H2' : 'H3';
}

const partNames: Record<Block['role'], string> = {
  letterhead: 'the letterhead',
  date: 'the date',
  address: 'the address block',
  reference: 'the reference line',
  salutation: 'the salutation',
  body: 'the body of the letter',
  signoff: 'the sign-off',
  marking: 'the marking',
};

/** Where a block sits, for an error message: "a heading in the body of the letter". */
function describe(block: Block): string {
  const kind = block.type === 'heading' ? 'a heading' : block.type === 'list' ? 'a list' : 'a paragraph';
  return `${kind} in ${partNames[block.role]}`;
}

function lineBox(children: readonly Inline[], style: BlockStyle, width: number, fonts: PreparedFonts): Line[] {
  return breakLines(tokenize(children, style.bold, style.size, fonts), width, fonts, style.size);
}

/** Turns the block tree into boxes of lines and the structure tree. */
function toBoxes(doc: LetterDocument, fonts: PreparedFonts): { document: StructNode; boxes: Box[] } {
  const document = addElement(null, 'Document');
  const boxes: Box[] = [];
  let previous: Block | undefined;
  for (const block of doc.blocks) {
    let gap = gapBetween(previous, block);
    if (previous?.role === 'letterhead' && block.role !== 'letterhead') {
      const last = boxes[boxes.length - 1];
      if (last) last.ruleAfter = true;
      gap = letterheadGap;
    }
    addBlock(block, document, margin.left, textWidth, gap, undefined, boxes, fonts);
    previous = block;
  }
  return { document, boxes };
}

function addBlock(
  block: Block,
  parent: StructNode,
  x: number,
  width: number,
  gap: number,
  label: Box['label'],
  boxes: Box[],
  fonts: PreparedFonts,
  element?: StructNode,
): void {
  const style = styleOf(block);
  if (block.type === 'list') {
    addList(block, parent, x, width, gap, boxes, fonts);
    return;
  }
  const role = block.type === 'heading' ? headingRole(block.depth) : 'P';
  boxes.push({
    style,
    element: element ?? addElement(parent, role),
    lines: linesOf(block, style, width, fonts),
    x,
    width,
    gapBefore: gap,
    ...(label ? { label } : {}),
    ruleAfter: false,
  });
}

function linesOf(
  block: Exclude<Block, { type: 'list' }>,
  style: BlockStyle,
  width: number,
  fonts: PreparedFonts,
): Line[] {
  try {
    return lineBox(block.children, style, width, fonts);
  } catch (error) {
    throw error instanceof MissingGlyphError ? error.in(describe(block)) : error;
  }
}

function addList(
  block: Extract<Block, { type: 'list' }>,
  parent: StructNode,
  x: number,
  width: number,
  gap: number,
  boxes: Box[],
  fonts: PreparedFonts,
): void {
  const listElement = addElement(parent, 'L');
  listElement.listNumbering = block.ordered ? 'Decimal' : 'Disc';
  const style = styleOf(block);
  block.items.forEach((item: ListItem, index) => {
    const itemElement = addElement(listElement, 'LI');
    const labelElement = addElement(itemElement, 'Lbl');
    const bodyElement = addElement(itemElement, 'LBody');
    const labelText = block.ordered ? `${block.start + index}.` : '\u2022';
    const [labelLine] = lineBox([{ type: 'text', value: labelText }], style, list.indent, fonts);
    if (!labelLine) return;
    const labelX = block.ordered ? x + list.indent - list.labelGap - labelLine.width : x + 5;
    let pendingLabel: Box['label'] = { element: labelElement, line: labelLine, x: labelX };
    // One paragraph (the usual case): LBody holds the text itself; otherwise LBody > P, L.
    const direct = item.children.length === 1 && item.children[0]?.type === 'paragraph';
    item.children.forEach((child, childIndex) => {
      const childGap = childIndex === 0 ? (index === 0 ? gap : itemGap) : style.spaceAfter / 2;
      const before = boxes.length;
      addBlock(
        child,
        bodyElement,
        x + list.indent,
        width - list.indent,
        childGap,
        pendingLabel,
        boxes,
        fonts,
        direct ? bodyElement : undefined,
      );
      if (boxes.length > before) pendingLabel = undefined;
    });
  });
}

/** Distance from the top of a line's box to its baseline. */
function baselineOffset(style: BlockStyle): number {
  return (style.leading - style.size) / 2 + style.size * 0.78;
}

/** Height that must fit on the page before a box may start there. */
function requiredHeight(boxes: readonly Box[], index: number): number {
  const box = boxes[index]!;
  const leading = box.style.leading;
  if (box.style.keepTogether) return box.lines.length * leading;
  if (box.style.keepWithNext) {
    const next = boxes[index + 1];
    const own = box.lines.length * leading;
    return next ? own + next.gapBefore + requiredHeight(boxes, index + 1) : own;
  }
  return Math.min(2, box.lines.length) * leading;
}

/** Breaks the boxes into A4 pages. */
function paginate(boxes: readonly Box[]): PageLayout[] {
  const pages: PageLayout[] = [{ pieces: [], rules: [] }];
  const bottom = margin.bottom;
  let cursor = page.height - margin.top;
  let atTop = true;
  const newPage = (): void => {
    pages.push({ pieces: [], rules: [] });
    cursor = page.height - margin.top;
    atTop = true;
  };
  boxes.forEach((box, index) => {
    const { leading } = box.style;
    if (!atTop && cursor - box.gapBefore - requiredHeight(boxes, index) < bottom - 0.01) newPage();
    let start = 0;
    while (start < box.lines.length) {
      const gap = atTop ? 0 : box.gapBefore;
      const remaining = box.lines.length - start;
      const fit = Math.floor((cursor - gap - bottom + 0.01) / leading);
      let take = Math.min(fit, remaining);
      if (take < remaining) {
        if (box.style.keepTogether || box.style.keepWithNext) take = 0;
        if (remaining - take === 1) take -= 1; // no single last line at the top of the next page
        if (take === 1 && start === 0) take = 0; // no single first line at the foot
        if (take <= 0 && atTop) take = Math.max(1, Math.min(fit, remaining));
      }
      if (take > 0) {
        cursor -= gap;
        place(pages[pages.length - 1]!, box, start, take, cursor);
        cursor -= take * leading;
        atTop = false;
        start += take;
      }
      if (start < box.lines.length) newPage();
    }
    if (box.ruleAfter) {
      cursor -= 6;
      pages[pages.length - 1]!.rules.push({ y: cursor, x1: margin.left, x2: page.width - margin.right });
    }
  });
  return pages;
}

function place(target: PageLayout, box: Box, start: number, count: number, top: number): void {
  const { style } = box;
  const first = top - baselineOffset(style);
  if (start === 0 && box.label) {
    target.pieces.push({
      element: box.label.element,
      size: style.size,
      lines: [{ x: box.label.x, y: first, line: box.label.line }],
    });
  }
  const lines: PlacedLine[] = [];
  for (let i = 0; i < count; i++) {
    const line = box.lines[start + i]!;
    const x = style.align === 'right' ? box.x + box.width - line.width : box.x;
    lines.push({ x, y: first - i * style.leading, line });
  }
  target.pieces.push({ element: box.element, size: style.size, lines });
}

/** Lays the letter out on A4 pages and builds its structure tree. */
export function layoutLetter(doc: LetterDocument, fonts: PreparedFonts): Layout {
  const { document, boxes } = toBoxes(doc, fonts);
  return { document, pages: paginate(boxes) };
}
