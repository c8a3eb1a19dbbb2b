/**
 * The structure tree as PDF objects: StructTreeRoot, one StructElem per
 * node, and the ParentTree mapping each page's MCIDs back to their element
 * (ISO 32000-1, 14.7.4). A paragraph split across pages has one MCID on
 * each page; those on pages other than its /Pg are marked-content references.
 */
import type { PDFContext, PDFObject, PDFRef } from '@cantoo/pdf-lib';
import { pdfLib } from './pdf-lib.js';
import { isElement, type StructNode } from './structure.js';

function collect(node: StructNode, out: StructNode[]): void {
  out.push(node);
  for (const kid of node.kids) if (isElement(kid)) collect(kid, out);
}

/** Registers the structure tree; returns the StructTreeRoot's reference. */
export function writeStructTree(
  context: PDFContext,
  document: StructNode,
  parentsPerPage: readonly (readonly StructNode[])[],
  pageRefs: readonly PDFRef[],
): PDFRef {
  const { PDFName, PDFNumber } = pdfLib();
  const rootRef = context.nextRef();
  const nodes: StructNode[] = [];
  collect(document, nodes);
  const refs = new Map<StructNode, PDFRef>();
  for (const node of nodes) refs.set(node, context.nextRef());
  const parentOf = new Map<StructNode, PDFRef>([[document, rootRef]]);
  for (const node of nodes) {
    for (const kid of node.kids) if (isElement(kid)) parentOf.set(kid, refs.get(node)!);
  }
  for (const node of nodes) {
    const firstMarked = node.kids.find((kid) => !isElement(kid));
    const pageIndex = firstMarked && !isElement(firstMarked) ? firstMarked.page : -1;
    const kids: PDFObject[] = node.kids.map((kid) => {
      if (isElement(kid)) return refs.get(kid)!;
      if (kid.page === pageIndex) return PDFNumber.of(kid.mcid);
      return context.obj({ Type: 'MCR', Pg: pageRefs[kid.page]!, MCID: kid.mcid });
    });
    const dict = context.obj({ Type: 'StructElem', S: node.role, P: parentOf.get(node)! });
    if (pageIndex >= 0) dict.set(context.obj('Pg'), pageRefs[pageIndex]!);
    if (kids.length === 1) dict.set(PDFName.of('K'), kids[0]!);
    else if (kids.length > 1) dict.set(PDFName.of('K'), context.obj(kids));
    if (node.listNumbering) dict.set(PDFName.of('A'), context.obj({ O: 'List', ListNumbering: node.listNumbering }));
    context.assign(refs.get(node)!, dict);
  }
  const nums: PDFObject[] = [];
  parentsPerPage.forEach((parents, page) => {
    nums.push(PDFNumber.of(page), context.obj(parents.map((node) => refs.get(node)!)));
  });
  context.assign(
    rootRef,
    context.obj({
      Type: 'StructTreeRoot',
      K: refs.get(document)!,
      ParentTree: context.register(context.obj({ Nums: nums })),
      ParentTreeNextKey: parentsPerPage.length,
    }),
  );
  return rootRef;
}
