/**
 * Header and footer: the letter's subject on every page after the first
 * (the first carries the letterhead), the DRAFT and "Not for publication"
 * markings on every page, and "Page X of Y" from PAGE and NUMPAGES fields,
 * which the word processor computes on opening (PITFALLS 7).
 */
import type { DocumentMeta } from '../../letter/tree.js';
import { markingSeparator, pageMarkings } from '../markings.js';
import { declaration, escapeXml, rNs, wNs } from './xml.js';

/** The markings a letter carries in its header (src/writers/markings.ts, shared with the PDF). */
export const headerMarkings = pageMarkings;

const part = (root: 'hdr' | 'ftr', body: string): string =>
  declaration + `<w:${root} xmlns:w="${wNs}" xmlns:r="${rNs}">${body}</w:${root}>`;

/** A run of header text; markings are bold and dark red. */
const run = (text: string, bold = false): string =>
  `<w:r>${bold ? '<w:rPr><w:b/><w:bCs/><w:color w:val="C00000"/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

function markingRuns(meta: DocumentMeta): string {
  return headerMarkings(meta)
    .map((mark) => run(mark, true))
    .join(run(markingSeparator));
}

/** The header of the second and later pages: subject on the left, markings on the right. */
export function defaultHeaderXml(meta: DocumentMeta): string {
  const marks = markingRuns(meta);
  const tabbed = marks ? `<w:r><w:tab/></w:r>${marks}` : '';
  return part('hdr', `<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>${run(meta.subject)}${tabbed}</w:p>`);
}

/** The header of the first page: markings only, right-aligned. */
export function firstHeaderXml(meta: DocumentMeta): string {
  return part('hdr', `<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr>${markingRuns(meta)}</w:p>`);
}

const field = (instruction: string): string =>
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  `<w:r><w:instrText xml:space="preserve"> ${instruction} \\* MERGEFORMAT </w:instrText></w:r>` +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  '<w:r><w:t>1</w:t></w:r>' +
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

/** The footer: "Page X of Y", the same on every page. */
export function footerXml(): string {
  return part(
    'ftr',
    `<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>${run('Page ')}${field('PAGE')}${run(' of ')}${field('NUMPAGES')}</w:p>`,
  );
}
