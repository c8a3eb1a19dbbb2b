/**
 * The prepared fonts: the committed subset faces (assets/fonts/) loaded once
 * per process, synchronously, into everything a letter needs: a code point →
 * glyph table, a width table for line breaking, and the PDF font objects'
 * bytes (FontFile2, ToUnicode, W), which are shared by every document.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFInvalidObject, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import { pdfLib } from './pdf-lib.js';
import { readSfnt, type SfntMetrics } from './sfnt.js';
import { charsetHash, faceNames, type FaceName, type FontManifest } from './charset.js';

/** One face, ready to measure and draw with. */
export interface PreparedFace {
  face: FaceName;
  /** Subset font name with its tag, e.g. "AAAAAA+DejaVuSans". */
  baseFont: string;
  /** Glyph id per code point (0: not in the subset). */
  glyphs: Uint16Array;
  /** Advance width per code point, in thousandths of an em. */
  widths: Uint16Array;
  /** Four hex digits per glyph id, as the Identity-H content stream writes it. */
  glyphHex: string[];
  /** Font metrics in thousandths of an em. */
  metrics: SfntMetrics;
  /** Deflated subset font (FontFile2), shared across documents. */
  fontFile: PDFRawStream;
  /** Deflated ToUnicode CMap, shared across documents. */
  toUnicode: PDFRawStream;
  /** The CIDFont's W array, pre-serialised. */
  widthArray: PDFInvalidObject;
}

export type PreparedFonts = Record<FaceName, PreparedFace>;

/** Highest code point of the charset plus one (the € sign is the last). */
const tableSize = 0x20ad;

let cached: PreparedFonts | undefined;

/** The fonts, loaded from assets/fonts/ on first use and kept for the process. */
export function loadFonts(): PreparedFonts {
  cached ??= readFonts(findAssets());
  return cached;
}

/** The directory holding the committed font assets, found from this module upwards. */
function findAssets(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(directory, 'assets', 'fonts');
    if (existsSync(join(candidate, 'manifest.json'))) return candidate;
    const parent = dirname(directory);
    if (parent === directory) throw new Error('PDF font assets not found (assets/fonts/manifest.json)');
    directory = parent;
  }
}

function readFonts(directory: string): PreparedFonts {
  const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as FontManifest;
  if (manifest.charsetHash !== charsetHash()) {
    throw new Error('PDF font assets are stale for the charset: run `node scripts/prepare-font.mjs`');
  }
  const context = pdfLib().PDFContext.create();
  const fonts = {} as PreparedFonts;
  for (const face of faceNames) {
    fonts[face] = prepareFace(face, readFileSync(join(directory, manifest.faces[face])), context);
  }
  return fonts;
}

/** A six-letter subset tag derived from the subset's bytes (ISO 32000-1, 9.6.4). */
function subsetTag(bytes: Uint8Array): string {
  const digest = createHash('sha256').update(bytes).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
  return tag;
}

function prepareFace(face: FaceName, bytes: Uint8Array, context: PDFContext): PreparedFace {
  const { PDFInvalidObject, PDFNumber, PDFRawStream } = pdfLib();
  const font = readSfnt(bytes);
  const scale = 1000 / font.metrics.unitsPerEm;
  const glyphs = new Uint16Array(tableSize);
  const widths = new Uint16Array(tableSize);
  const unicodeOf = new Map<number, number>();
  for (const [codePoint, glyph] of [...font.cmap].sort((a, b) => a[0] - b[0])) {
    if (codePoint >= tableSize) continue;
    glyphs[codePoint] = glyph;
    widths[codePoint] = Math.round((font.advances[glyph] ?? 0) * scale);
    if (!unicodeOf.has(glyph)) unicodeOf.set(glyph, codePoint);
  }
  const glyphHex = font.advances.map((_, glyph) => glyph.toString(16).padStart(4, '0'));
  const m = font.metrics;
  const metrics: SfntMetrics = {
    ...m,
    bbox: m.bbox.map((v) => Math.round(v * scale)) as SfntMetrics['bbox'],
    ascent: Math.round(m.ascent * scale),
    descent: Math.round(m.descent * scale),
    capHeight: Math.round(m.capHeight * scale),
  };
  const fontFile = PDFRawStream.of(
    context.obj({ Filter: 'FlateDecode', Length1: PDFNumber.of(bytes.length) }),
    deflateSync(bytes, { level: 9 }),
  );
  const toUnicode = PDFRawStream.of(
    context.obj({ Filter: 'FlateDecode' }),
    deflateSync(Buffer.from(toUnicodeCMap(unicodeOf), 'latin1'), { level: 9 }),
  );
  const widthList = font.advances.map((advance) => Math.round(advance * scale)).join(' ');
  const widthArray = PDFInvalidObject.of(Buffer.from(`[0 [${widthList}]]`, 'latin1'));
  return {
    face,
    baseFont: `${subsetTag(bytes)}+${m.postScriptName}`,
    glyphs,
    widths,
    glyphHex,
    metrics,
    fontFile,
    toUnicode,
    widthArray,
  };
}

/** The ToUnicode CMap that makes every glyph's text extractable (ISO 32000-1, 9.10.3). */
function toUnicodeCMap(unicodeOf: Map<number, number>): string {
  const entries = [...unicodeOf].sort((a, b) => a[0] - b[0]);
  const hex = (n: number): string => n.toString(16).padStart(4, '0');
  let body = '';
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    body += `${chunk.length} beginbfchar\n`;
    for (const [glyph, codePoint] of chunk) body += `<${hex(glyph)}> <${hex(codePoint)}>\n`;
    body += 'endbfchar\n';
  }
  return (
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n' +
    body +
    'endcmap\nCMapName currentdict /CIDInit /ProcSet findresource pop\nend\nend\n'
  );
}

const resourceKeys: Record<FaceName, string> = { regular: 'F1', bold: 'F2', oblique: 'F3', boldOblique: 'F4' };

/** Name of a face's font resource in every page's /Font dictionary (the content streams use the same). */
export function fontResourceName(face: FaceName): PDFName {
  return pdfLib().PDFName.of(resourceKeys[face]);
}
