/**
 * Page geometry and the look of each kind of block: an official letter on
 * A4, provider letterhead small and to the right, address lines unspaced,
 * bold headings, body text at 10.5 pt.
 */
import type { Block } from '../../letter/tree.js';

/** A4 in points. */
export const page = { width: 595.28, height: 841.89 } as const;

/** Margins of about 2 cm; the bottom one leaves room for the footer. */
export const margin = { top: 51, bottom: 62, left: 62, right: 62 } as const;

export const textWidth = page.width - margin.left - margin.right;

/** Baseline of the "Page X of Y" footer, and its size. */
export const footer = { baseline: 32, size: 8.5 } as const;

/** The page header's markings (DRAFT, Not for publication): above the top margin, right-aligned. */
export const pageHeader = { baseline: page.height - 30, size: 9 } as const;

/** Hanging indent of list items: the label sits in the gutter. */
export const list = { indent: 20, labelGap: 6 } as const;

export interface BlockStyle {
  size: number;
  leading: number;
  spaceBefore: number;
  spaceAfter: number;
  align: 'left' | 'right';
  bold: boolean;
  /** Headings: never the last thing on a page. */
  keepWithNext: boolean;
  /** Short blocks that read badly split (the sign-off). */
  keepTogether: boolean;
}

const body: BlockStyle = {
  size: 10.5,
  leading: 14.5,
  spaceBefore: 0,
  spaceAfter: 7.5,
  align: 'left',
  bold: false,
  keepWithNext: false,
  keepTogether: false,
};

const headings: Record<1 | 2 | 3, BlockStyle> = {
  1: { ...body, size: 13.5, leading: 17, spaceBefore: 16, spaceAfter: 8, bold: true, keepWithNext: true },
  2: { ...body, size: 11.5, leading: 15, spaceBefore: 13, spaceAfter: 5, bold: true, keepWithNext: true },
  3: { ...body, size: 10.5, leading: 14.5, spaceBefore: 10, spaceAfter: 3, bold: true, keepWithNext: true },
};

const byRole: Record<Block['role'], BlockStyle> = {
  letterhead: { ...body, size: 8.5, leading: 11, spaceAfter: 4, align: 'right' },
  date: { ...body, spaceBefore: 4, spaceAfter: 12 },
  address: { ...body, leading: 13.5, spaceAfter: 12 },
  reference: { ...body, spaceAfter: 12 },
  salutation: body,
  body,
  signoff: { ...body, spaceBefore: 8, keepTogether: true },
  marking: { ...body, size: 11, spaceAfter: 10, bold: true },
};

/** The style a block is set in. */
export function styleOf(block: Block): BlockStyle {
  if (block.type === 'heading') return headings[block.depth];
  return byRole[block.role];
}

/** Space between two consecutive blocks: the larger of the two, none inside an address. */
export function gapBetween(previous: Block | undefined, next: Block): number {
  if (!previous) return 0;
  if (previous.role === 'address' && next.role === 'address') return 0;
  if (previous.role === 'letterhead' && next.role === 'letterhead') return 0;
  return Math.max(styleOf(previous).spaceAfter, styleOf(next).spaceBefore);
}
