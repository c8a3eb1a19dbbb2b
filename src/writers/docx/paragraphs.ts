/**
 * From the document tree to WordprocessingML paragraphs. The tree is first
 * flattened into paragraph units (a style, the list it belongs to, its
 * inline pieces): the plain writer and the redline writer share them.
 */
import type { Block, BlockRole, Inline } from '../../letter/tree.js';
import { firstListNumId, type ListDefinition } from './numbering.js';
import { listIndent } from './styles.js';
import { gapMarkerText } from '../../letter/view.js';
import { escapeXml } from './xml.js';

/** A run of text, or a line break, with its character formatting. */
export interface Piece {
  kind: 'text' | 'break';
  text: string;
  bold: boolean;
  italic: boolean;
  /** A draft's gap marker «… not yet written»: highlighted, so it cannot be missed in Word. */
  highlight?: boolean;
}

/** Where a paragraph sits in a list: the list's index in the letter and the nesting level. */
export interface ListPlace {
  list: number;
  level: number;
  /** false for the second and later paragraphs of one item (no label). */
  labelled: boolean;
}

/** One paragraph to write. */
export interface ParagraphUnit {
  /** Paragraph style id; 'Normal' is written as no style. */
  style: string;
  pieces: Piece[];
  list?: ListPlace;
}

export interface FlatLetter {
  units: ParagraphUnit[];
  lists: ListDefinition[];
}

/** The style of each role's paragraphs (headings and lists have their own). */
const roleStyles: Record<BlockRole, string> = {
  letterhead: 'Letterhead',
  date: 'Date',
  address: 'Address',
  reference: 'Reference',
  salutation: 'Salutation',
  body: 'Normal',
  signoff: 'Closing',
  marking: 'Marking',
};

/** The inline tree as formatted pieces; a tab or newline inside text stays in the text (runXml handles it). */
export function piecesOf(children: readonly Inline[], bold = false, italic = false, out: Piece[] = []): Piece[] {
  for (const child of children) {
    if (child.type === 'text') {
      const piece: Piece = { kind: 'text', text: child.value, bold, italic };
      if (gapMarkerText.test(child.value)) piece.highlight = true;
      out.push(piece);
    } else if (child.type === 'break') out.push({ kind: 'break', text: '\n', bold, italic });
    else if (child.type === 'strong') piecesOf(child.children, true, italic, out);
    else piecesOf(child.children, bold, true, out);
  }
  return out;
}

/** Flattens the letter's blocks into paragraphs, numbering its lists in document order. */
export function flattenBlocks(blocks: readonly Block[]): FlatLetter {
  const units: ParagraphUnit[] = [];
  const lists: ListDefinition[] = [];
  const visit = (block: Block, item: { list: number; level: number; first: boolean } | undefined): void => {
    if (block.type === 'list') {
      const level = item ? Math.min(item.level + 1, 2) : 0;
      const list = lists.length;
      lists.push({ ordered: block.ordered, start: block.start, level });
      for (const listItem of block.items) {
        const place = { list, level, first: true };
        for (const child of listItem.children) visit(child, place);
      }
      return;
    }
    const pieces = piecesOf(block.children);
    if (block.type === 'heading') {
      units.push({ style: `Heading${block.depth}`, pieces });
    } else if (item) {
      const ordered = lists[item.list]!.ordered;
      const style = item.first ? (ordered ? 'ListNumber' : 'ListBullet') : 'ListContinue';
      units.push({ style, pieces, list: { list: item.list, level: item.level, labelled: item.first } });
      item.first = false;
    } else {
      units.push({ style: roleStyles[block.role], pieces });
    }
  };
  for (const block of blocks) visit(block, undefined);
  return { units, lists };
}

/** The inside of a paragraph's w:pPr (without the paragraph-mark run properties). */
export function paragraphProperties(
  unit: ParagraphUnit,
  numIdOf: (list: number) => number = (list) => firstListNumId + list,
): string {
  let xml = unit.style === 'Normal' ? '' : `<w:pStyle w:val="${unit.style}"/>`;
  const place = unit.list;
  if (place?.labelled) {
    xml += `<w:numPr><w:ilvl w:val="${place.level}"/><w:numId w:val="${numIdOf(place.list)}"/></w:numPr>`;
  } else if (place && place.level > 0) {
    xml += `<w:ind w:left="${listIndent * (place.level + 1)}"/>`;
  }
  return xml;
}

function runProperties(piece: Piece): string {
  if (!piece.bold && !piece.italic && piece.highlight !== true) return '';
  // CT_RPr order: b, bCs, i, iCs … highlight.
  return `<w:rPr>${piece.bold ? '<w:b/><w:bCs/>' : ''}${piece.italic ? '<w:i/><w:iCs/>' : ''}${piece.highlight === true ? '<w:highlight w:val="yellow"/>' : ''}</w:rPr>`;
}

/** One run: text as w:t (w:delText inside a deletion), tabs and newlines as w:tab and w:br. */
export function runXml(piece: Piece, deleted = false): string {
  const rPr = runProperties(piece);
  if (piece.kind === 'break') return `<w:r>${rPr}<w:br/></w:r>`;
  const tag = deleted ? 'w:delText' : 'w:t';
  let body = '';
  for (const part of piece.text.split(/(\t|\r\n|\n|\r)/)) {
    if (part === '') continue;
    if (part === '\t') body += '<w:tab/>';
    else if (part === '\n' || part === '\r' || part === '\r\n') body += '<w:br/>';
    else body += `<${tag} xml:space="preserve">${escapeXml(part)}</${tag}>`;
  }
  return `<w:r>${rPr}${body}</w:r>`;
}

/** A whole paragraph; `markRevision` (a w:ins or w:del element) marks its paragraph mark as inserted or deleted. */
export function paragraphXml(properties: string, content: string, markRevision = ''): string {
  const rPr = markRevision ? `<w:rPr>${markRevision}</w:rPr>` : '';
  const pPr = properties || rPr ? `<w:pPr>${properties}${rPr}</w:pPr>` : '';
  return `<w:p>${pPr}${content}</w:p>`;
}

/** The paragraphs of a letter, ready for the body of document.xml. */
export function bodyXml(flat: FlatLetter): string {
  let xml = '';
  for (const unit of flat.units)
    xml += paragraphXml(paragraphProperties(unit), unit.pieces.map((p) => runXml(p)).join(''));
  return xml;
}
