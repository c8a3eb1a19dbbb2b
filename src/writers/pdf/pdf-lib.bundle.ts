/**
 * pdf-lib for the command-line bundle (scripts/bundle.mjs puts this file in
 * place of ./pdf-lib.ts): named imports of the object model only, so the
 * bundler keeps these classes (≈ 80 KB) and drops the rest of pdf-lib (1.2 MB).
 */
import {
  PDFContext,
  PDFCrossRefSection,
  PDFHeader,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFString,
  PDFTrailer,
  PDFTrailerDict,
} from '@cantoo/pdf-lib';
import type { PdfObjectModel } from './pdf-lib.js';

const objectModel: PdfObjectModel = {
  PDFContext,
  PDFCrossRefSection,
  PDFHeader,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFString,
  PDFTrailer,
  PDFTrailerDict,
};

/** The pdf-lib object model, bundled. */
export function pdfLib(): PdfObjectModel {
  return objectModel;
}
