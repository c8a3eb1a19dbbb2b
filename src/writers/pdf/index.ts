/** Tagged PDF writer. PLACEHOLDER until the PDF writer lands (issue 4). */
import type { LetterDocument } from '../../letter/tree.js';

/** Renders the letter as a tagged, accessible PDF file's bytes. */
export function renderPdf(_doc: LetterDocument): Uint8Array {
  throw new Error('PDF writer not yet available');
}
