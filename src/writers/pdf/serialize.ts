/**
 * Writes a PDFContext to bytes synchronously: the same layout as pdf-lib's
 * PDFWriter with useObjectStreams false (header, objects, classic xref
 * table, trailer), built from pdf-lib's own serialisers. pdf-lib's save()
 * is async even with objectsPerTick Infinity; this keeps renderPdf synchronous.
 */
import type { PDFContext, PDFObject, PDFRef } from '@cantoo/pdf-lib';
import { pdfLib } from './pdf-lib.js';

const newline = 0x0a;

function copyAscii(text: string, buffer: Uint8Array, offset: number): number {
  for (let i = 0; i < text.length; i++) buffer[offset + i] = text.charCodeAt(i);
  return text.length;
}

/** The complete file of a context whose trailer Root (and Info) are set. */
export function serializeContext(context: PDFContext): Uint8Array {
  const { PDFCrossRefSection, PDFHeader, PDFTrailer, PDFTrailerDict } = pdfLib();
  const header = PDFHeader.forVersion(1, 7);
  const objects: [PDFRef, PDFObject][] = context.enumerateIndirectObjects();
  const xref = PDFCrossRefSection.create();
  let size = header.sizeInBytes() + 2;
  const openings: string[] = [];
  for (const [ref, object] of objects) {
    const opening = `${ref.objectNumber} ${ref.generationNumber} obj\n`;
    openings.push(opening);
    xref.addEntry(ref, size);
    size += opening.length + object.sizeInBytes() + 9; // '\nendobj\n\n'
  }
  const xrefOffset = size;
  size += xref.sizeInBytes() + 1;
  const trailerDict = PDFTrailerDict.of(
    context.obj({
      Size: context.largestObjectNumber + 1,
      Root: context.trailerInfo.Root,
      Info: context.trailerInfo.Info,
    }),
  );
  size += trailerDict.sizeInBytes() + 2;
  const trailer = PDFTrailer.forLastCrossRefSectionOffset(xrefOffset);
  size += trailer.sizeInBytes();

  const buffer = new Uint8Array(size);
  let offset = header.copyBytesInto(buffer, 0);
  buffer[offset++] = newline;
  buffer[offset++] = newline;
  objects.forEach(([, object], index) => {
    offset += copyAscii(openings[index]!, buffer, offset);
    offset += object.copyBytesInto(buffer, offset);
    offset += copyAscii('\nendobj\n\n', buffer, offset);
  });
  offset += xref.copyBytesInto(buffer, offset);
  buffer[offset++] = newline;
  offset += trailerDict.copyBytesInto(buffer, offset);
  buffer[offset++] = newline;
  buffer[offset++] = newline;
  offset += trailer.copyBytesInto(buffer, offset);
  if (offset !== size) throw new Error(`PDF serialisation size mismatch: ${offset} of ${size}`);
  return buffer;
}
