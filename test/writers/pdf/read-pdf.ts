/**
 * Reads a PDF back the way an assistive technology would, with pdf.js:
 * the text inside each marked-content sequence, the artifacts, and the
 * structure tree's content-bearing elements in reading order.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface StructLeaf {
  /** Role path from below Document, e.g. "P", "L/LI/LBody". */
  path: string;
  text: string;
  page: number;
}

export interface PdfReading {
  pageCount: number;
  /** Text of artifacts per page (footer, watermark). */
  artifacts: string[][];
  /** Content-bearing structure elements, page by page, in reading order. */
  leaves: StructLeaf[];
  /** Text items that sat outside any marked content (should be none). */
  untagged: string[];
  /** Marked-content ids on each page that no structure element references. */
  orphanIds: string[];
  /** Roles of the last content element on each page. */
  lastRolePerPage: string[];
  markInfo: { Marked?: boolean } | null;
  info: Record<string, unknown>;
  metadata: Map<string, unknown>;
  /** The raw XMP packet. */
  xmp: string;
}

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  type?: string;
  tag?: string;
  id?: string;
}

function collectLeaves(
  node: StructNode,
  path: string[],
  byId: Map<string, string>,
  page: number,
  out: StructLeaf[],
  seen: Set<string>,
): void {
  const children = node.children ?? [];
  const contents = children.filter((c) => c.type === 'content');
  if (contents.length > 0) {
    let text = '';
    for (const c of contents) {
      if (c.id) {
        seen.add(c.id);
        text += byId.get(c.id) ?? '';
      }
    }
    out.push({ path: path.join('/'), text, page });
  }
  for (const child of children) {
    if (child.role) collectLeaves(child, child.role === 'Document' ? [] : [...path, child.role], byId, page, out, seen);
  }
}

/** Everything the tests assert on, read with pdf.js. */
export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const artifacts: string[][] = [];
  const leaves: StructLeaf[] = [];
  const untagged: string[] = [];
  const orphanIds: string[] = [];
  const lastRolePerPage: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const byId = new Map<string, string>();
    const pageArtifacts: string[] = [];
    const stack: { tag: string; id?: string }[] = [];
    for (const item of content.items as TextItemLike[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
        stack.push({ tag: item.tag ?? '', ...(item.id ? { id: item.id } : {}) });
      } else if (item.type === 'endMarkedContent') {
        stack.pop();
      } else if (typeof item.str === 'string') {
        // pdf.js trims the space kept at a line's end and flags the end instead.
        const str = item.hasEOL ? `${item.str} ` : item.str;
        const top = stack[stack.length - 1];
        if (!top) untagged.push(str);
        else if (top.tag === 'Artifact') pageArtifacts.push(str);
        else if (top.id) byId.set(top.id, (byId.get(top.id) ?? '') + str);
        else untagged.push(str);
      }
    }
    artifacts.push(pageArtifacts);
    const tree = (await page.getStructTree()) as StructNode | null;
    const seen = new Set<string>();
    const pageLeaves: StructLeaf[] = [];
    if (tree) collectLeaves(tree, [], byId, n, pageLeaves, seen);
    for (const id of byId.keys()) if (!seen.has(id)) orphanIds.push(id);
    leaves.push(...pageLeaves);
    lastRolePerPage.push(pageLeaves[pageLeaves.length - 1]?.path ?? '');
  }
  const markInfo = (await pdf.getMarkInfo()) as { Marked?: boolean } | null;
  const meta = await pdf.getMetadata();
  const metadata = new Map<string, unknown>(
    meta.metadata ? [...(meta.metadata as unknown as Iterable<[string, unknown]>)] : [],
  );
  const xmp = meta.metadata?.getRaw() ?? '';
  const pageCount = pdf.numPages;
  await pdf.destroy();
  return {
    pageCount,
    artifacts,
    leaves,
    untagged,
    orphanIds,
    lastRolePerPage,
    markInfo,
    info: meta.info as Record<string, unknown>,
    metadata,
    xmp,
  };
}

/** Whitespace-separated words of some text, NFC. */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}
