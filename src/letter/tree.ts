/**
 * The one document tree every writer consumes (DOCX, PDF, Markdown, HTML).
 * Templates produce Markdown; it is parsed once into this tree, so the
 * formats can never disagree in wording.
 */

export type Inline =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  /** A hard line break inside a block (e.g. address lines). */
  | { type: 'break' };

/**
 * The part of the letter a block belongs to; writers style by role
 * (the letterhead is set small and to the right, the address block
 * unspaced, the body as normal paragraphs, and so on).
 */
export type BlockRole = 'letterhead' | 'date' | 'address' | 'reference' | 'salutation' | 'body' | 'signoff' | 'marking';

export type Block =
  | { type: 'heading'; depth: 1 | 2 | 3; children: Inline[]; role: BlockRole }
  | { type: 'paragraph'; children: Inline[]; role: BlockRole }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[]; role: BlockRole };

/** A list item holds paragraphs (usually one) and, rarely, a nested list. */
export interface ListItem {
  children: Block[];
}

export interface DocumentMeta {
  /** "Requires improvement: monitoring inspection visit to <school>". */
  title: string;
  /** e.g. "Monitoring inspection letter, URN 123456". */
  subject: string;
  /** The inspector who wrote the letter. */
  author: string;
  /** Always 'en-GB'. */
  language: string;
  /** Keywords for document properties. */
  keywords: string[];
  urn: string;
  /** ISO date of the (last) visit day. */
  visitDate: string;
  /** ISO date printed on the letter. */
  letterDate: string;
  status: 'draft' | 'final';
  /** false for section 117 letters, which are not published (para 26). */
  published: boolean;
  /** Version stamp once finalised, e.g. 2 (writers record it in document properties, not in the printed letter). */
  version?: number;
  /** Who finalised the letter at the ISP, and when (ISO date); document properties only. */
  finalisedBy?: string;
  finalisedOn?: string;
  /** The tool's name and version, e.g. "monitoring-letter 0.1.0". */
  generator: string;
  /** SHA-256 (hex) of the templates that produced the wording. */
  templateHash: string;
}

export interface LetterDocument {
  meta: DocumentMeta;
  blocks: Block[];
}

/** The plain text of some inlines, as a reader would extract it. */
export function inlineText(children: readonly Inline[]): string {
  let out = '';
  for (const child of children) {
    if (child.type === 'text') out += child.value;
    else if (child.type === 'break') out += '\n';
    else out += inlineText(child.children);
  }
  return out;
}

/** The plain text of a block and everything inside it, one line per paragraph. */
export function blockText(block: Block): string {
  if (block.type === 'list') {
    return block.items.map((item) => item.children.map(blockText).join('\n')).join('\n');
  }
  return inlineText(block.children);
}
