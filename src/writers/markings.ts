/**
 * The markings a letter carries at the head of every page, the same in the
 * DOCX (its page header) and the PDF (a page-header artifact): "DRAFT" until
 * the letter is final, and para 26's "Not for publication" for a section 117
 * letter. One list, so the two formats are always marked the same way.
 */
import type { DocumentMeta } from '../letter/tree.js';

/** The page-header markings, in the order they print. */
export function pageMarkings(meta: Pick<DocumentMeta, 'status' | 'published'>): string[] {
  const marks: string[] = [];
  if (meta.status === 'draft') marks.push('DRAFT');
  if (!meta.published) marks.push('Not for publication');
  return marks;
}

/** How the markings are joined on one line: "DRAFT · Not for publication". */
export const markingSeparator = ' \u00b7 ';
