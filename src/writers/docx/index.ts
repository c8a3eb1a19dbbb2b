/**
 * DOCX writer (issue 4): the letter as a Word document with real styles,
 * restarting list numbering, header and "Page X of Y" footer, and document
 * properties. Synchronous; the fixed parts are prepared once per process.
 */
import type { LetterDocument } from '../../letter/tree.js';
import { packDocx } from './package.js';
import { bodyXml, flattenBlocks } from './paragraphs.js';

export {
  compareSections,
  renderRedlineDocx,
  summariseChanges,
  type RedlineOptions,
  type SectionChange,
  type SectionComparison,
} from './redline.js';

/** Renders the letter as a DOCX file's bytes. */
export function renderDocx(doc: LetterDocument): Buffer {
  const flat = flattenBlocks(doc.blocks);
  return packDocx({ meta: doc.meta, paragraphs: bodyXml(flat), lists: flat.lists });
}
