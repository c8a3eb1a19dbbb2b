/** DOCX writer. PLACEHOLDER until the DOCX writer lands (issue 4). */
import type { LetterDocument } from '../../letter/tree.js';

/** Renders the letter as a DOCX file's bytes. */
export function renderDocx(_doc: LetterDocument): Buffer {
  throw new Error('DOCX writer not yet available');
}
