/**
 * pdf-lib, loaded on first use through its CommonJS build. Importing it costs
 * ≈150–290 ms cold (its ES build ≈400 ms, measured here), so a `draft` that
 * writes no PDF never pays it, and one that does pays the cheaper load.
 */
import { createRequire } from 'node:module';
import type * as PdfLib from '@cantoo/pdf-lib';

let loaded: typeof PdfLib | undefined;

/** The pdf-lib module, required once per process. */
export function pdfLib(): typeof PdfLib {
  loaded ??= createRequire(import.meta.url)('@cantoo/pdf-lib') as typeof PdfLib;
  return loaded;
}
