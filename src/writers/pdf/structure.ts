/**
 * The logical structure of the letter (ISO 32000-1, 14.7–14.8): one element
 * per heading, paragraph, list, item, label and body, in reading order.
 * Marked-content ids are attached while pages are painted.
 */

export type StructRole = 'Document' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody';

/** A marked-content sequence: MCID `mcid` on page `page` (0-based). */
export interface MarkedContent {
  page: number;
  mcid: number;
}

export interface StructNode {
  role: StructRole;
  kids: (StructNode | MarkedContent)[];
  /** For lists: how items are numbered (ISO 32000-1, table 347). */
  listNumbering?: 'Disc' | 'Decimal';
}

/** A new element, appended to its parent's kids. */
export function addElement(parent: StructNode | null, role: StructRole): StructNode {
  const node: StructNode = { role, kids: [] };
  parent?.kids.push(node);
  return node;
}

export function isElement(kid: StructNode | MarkedContent): kid is StructNode {
  return 'role' in kid;
}
