/**
 * pdf-lib, loaded on first use through its CommonJS build. Importing it costs
 * ≈150–290 ms cold (its ES build ≈400 ms, measured here), so a `draft` that
 * writes no PDF never pays it, and one that does pays the cheaper load.
 * The command-line bundle replaces this file by ./pdf-lib.bundle.ts
 * (scripts/bundle.mjs), which imports only the classes below.
 */
import { createRequire } from 'node:module';
import type * as PdfLib from '@cantoo/pdf-lib';

/** The part of pdf-lib the writer uses: its object model, never its drawing or fonts. */
export type PdfObjectModel = Pick<
  typeof PdfLib,
  | 'PDFContext'
  | 'PDFCrossRefSection'
  | 'PDFHeader'
  | 'PDFHexString'
  | 'PDFInvalidObject'
  | 'PDFName'
  | 'PDFNumber'
  | 'PDFRawStream'
  | 'PDFString'
  | 'PDFTrailer'
  | 'PDFTrailerDict'
>;

let loaded: PdfObjectModel | undefined;

/** The pdf-lib module, required once per process. */
export function pdfLib(): PdfObjectModel {
  loaded ??= createRequire(import.meta.url)('@cantoo/pdf-lib') as typeof PdfLib;
  return loaded;
}
