/**
 * The prepared fonts: the committed subset faces (assets/fonts/) loaded once
 * per process, synchronously, into everything a letter needs: a code point →
 * glyph table, a width table for line breaking, and the tables from which
 * each letter's font objects (FontFile2, ToUnicode, W) are cut down to the
 * glyphs it draws (glyf.ts).
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFInvalidObject, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import { readGlyfSource, reorderGlyphs, subsetGlyf, type GlyfSource } from './glyf.js';
import { pdfLib } from './pdf-lib.js';
import { readSfnt, type SfntMetrics } from './sfnt.js';
import { charsetHash, faceNames, type FaceName, type FontManifest } from './charset.js';
import { deserializeFace, faceStamp, serializeFace, type PreparedFace } from './prepared-face.js';

export type { PreparedFace };

/** One face's font objects for one letter: only the glyphs the letter uses. */
export interface LetterFace {
  /** Deflated FontFile2 with every unused glyph empty. */
  fontFile: PDFRawStream;
  /** Deflated ToUnicode CMap of the used glyphs. */
  toUnicode: PDFRawStream;
  /** The CIDFont's W array for the used glyphs, pre-serialised. */
  widthArray: PDFInvalidObject;
}

export type PreparedFonts = Record<FaceName, PreparedFace>;

/** Tables are indexed by code point; the charset lies in the Basic Multilingual Plane. */
const tableSize = 0x10000;

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

function readManifest(directory: string): FontManifest {
  const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as FontManifest;
  if (manifest.charsetHash !== charsetHash()) {
    throw new Error('PDF font assets are stale for the charset: run `node scripts/prepare-font.mjs`');
  }
  return manifest;
}

/** Where `npm run build` writes the prepared faces: dist/fonts/ beside the package's assets/. */
function preparedDirectory(assets: string): string {
  return join(dirname(dirname(assets)), 'dist', 'fonts');
}

/** A face from its file prepared at build time when there is one for these very bytes, else prepared now. */
function loadFace(face: FaceName, subset: Uint8Array, prepared: string, name: string): PreparedFace {
  try {
    const loaded = deserializeFace(readFileSync(join(prepared, `${name}.prepared`)), faceStamp(subset));
    if (loaded) return loaded;
  } catch {
    // no prepared file (a build without it, or the tests run from the sources): prepare it here
  }
  return prepareFace(face, subset);
}

function readFonts(directory: string): PreparedFonts {
  const manifest = readManifest(directory);
  const prepared = preparedDirectory(directory);
  // Each face is read and prepared when a letter first uses it: most letters never draw the oblique faces.
  const fonts = {} as PreparedFonts;
  for (const face of faceNames) {
    let loaded: PreparedFace | undefined;
    Object.defineProperty(fonts, face, {
      enumerable: true,
      get: () =>
        (loaded ??= loadFace(
          face,
          readFileSync(join(directory, manifest.faces[face])),
          prepared,
          manifest.faces[face],
        )),
    });
  }
  return fonts;
}

/** Every face prepared from the committed assets, with the file name and bytes `npm run build` writes for it. */
export function preparedFaceFiles(): { directory: string; files: { name: string; bytes: Uint8Array }[] } {
  const assets = findAssets();
  const manifest = readManifest(assets);
  const files = faceNames.map((face) => {
    const subset = readFileSync(join(assets, manifest.faces[face]));
    const bytes = serializeFace(prepareFace(face, subset), faceStamp(subset));
    return { name: `${manifest.faces[face]}.prepared`, bytes };
  });
  return { directory: preparedDirectory(assets), files };
}

/** A six-letter subset tag derived from the subset's bytes (ISO 32000-1, 9.6.4). */
function subsetTag(bytes: Uint8Array): string {
  const digest = createHash('sha256').update(bytes).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
  return tag;
}

/** Nonspacing marks (general category Mn), which DejaVu draws over the previous glyph. */
const nonspacing = /^\p{Mn}$/u;

/** Characters nearly every letter draws: their glyphs get the lowest ids, so letter fonts stay short. */
const common: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e],
  [0x2013, 0x2014],
  [0x2018, 0x201d],
  [0x2022, 0x2022],
  [0x2026, 0x2026],
  [0x00a0, 0x00ff],
  [0x20ac, 0x20ac],
  [0x0100, 0x017f],
];

/** New glyph order (old ids): .notdef, the common characters' glyphs each followed by its components, the rest. */
function glyphOrder(source: GlyfSource, cmap: Map<number, number>): number[] {
  const order: number[] = [];
  const placed = new Uint8Array(source.glyphCount);
  const place = (glyph: number): void => {
    if (placed[glyph]) return;
    placed[glyph] = 1;
    order.push(glyph);
    for (const part of source.components.get(glyph)?.glyphs ?? []) place(part);
  };
  place(0);
  for (const [first, last] of common) for (let c = first; c <= last; c++) if (cmap.has(c)) place(cmap.get(c)!);
  for (let glyph = 0; glyph < source.glyphCount; glyph++) place(glyph);
  return order;
}

/** A face prepared from its committed subset's bytes (at build time, or at run time when no prepared file fits). */
export function prepareFace(face: FaceName, bytes: Uint8Array): PreparedFace {
  const font = readSfnt(bytes);
  const original = readGlyfSource(bytes);
  const order = glyphOrder(original, font.cmap);
  const source = reorderGlyphs(original, order);
  const newId = new Uint16Array(order.length);
  order.forEach((old, id) => (newId[old] = id));
  const scale = 1000 / font.metrics.unitsPerEm;
  const glyphs = new Uint16Array(tableSize);
  const widths = new Uint16Array(tableSize);
  const marks = new Uint8Array(tableSize);
  const unicodeOf = new Uint32Array(source.glyphCount);
  for (const [codePoint, old] of [...font.cmap].sort((a, b) => a[0] - b[0])) {
    if (codePoint >= tableSize) continue;
    const glyph = newId[old]!;
    glyphs[codePoint] = glyph;
    widths[codePoint] = Math.round((font.advances[old] ?? 0) * scale);
    if (widths[codePoint] === 0 && nonspacing.test(String.fromCodePoint(codePoint))) marks[codePoint] = 1;
    if (!unicodeOf[glyph]) unicodeOf[glyph] = codePoint;
  }
  const glyphHex = order.map((_, glyph) => glyph.toString(16).padStart(4, '0'));
  const glyphWidths = Uint16Array.from(order, (old) => Math.round(font.advances[old]! * scale));
  const bounds = Int16Array.from(source.bounds, (v) => Math.round(v * scale));
  const m = font.metrics;
  const metrics: SfntMetrics = {
    ...m,
    bbox: m.bbox.map((v) => Math.round(v * scale)) as SfntMetrics['bbox'],
    ascent: Math.round(m.ascent * scale),
    descent: Math.round(m.descent * scale),
    capHeight: Math.round(m.capHeight * scale),
  };
  return {
    face,
    baseFont: `${subsetTag(bytes)}+${m.postScriptName}`,
    glyphs,
    widths,
    glyphHex,
    metrics,
    marks,
    bounds,
    glyphWidths,
    unicodeOf,
    source,
  };
}

/** A face's font data for one set of glyphs: the bytes of its LetterFace objects. */
interface FaceBytes {
  fontFile: Buffer;
  fontFileLength: number;
  toUnicode: Buffer;
  widthArray: Buffer;
}

/**
 * Font data for the glyph sets letters used lately, per face. With the shared
 * characters below in every set, letters of a batch mostly draw the same
 * set, so cutting and deflating a face's file for a set already seen is
 * skipped; the bytes are the same either way.
 */
const recentFaces = new Map<string, FaceBytes>();
const recentFacesLimit = 32;

/**
 * Characters nearly every letter draws in its regular and bold faces (body
 * text, headings): printable ASCII and the typographic quotes, dashes,
 * bullet and ellipsis. Every letter's regular and bold fonts hold at least
 * their glyphs, so a letter drawing nothing else reuses the one font file
 * cut and compressed for them, and a letter with a few more (an accented
 * name) reuses the file of the last letter with the same few. The oblique
 * faces are rare and hold only what a letter draws.
 */
const shared: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e],
  [0x2013, 0x2014],
  [0x2018, 0x201d],
  [0x2022, 0x2022],
  [0x2026, 0x2026],
];

const sharedGlyphs = new Map<PreparedFace, Uint8Array>();

/** The glyphs of the shared characters in a face (none for the oblique faces). */
function sharedGlyphsOf(face: PreparedFace): Uint8Array {
  let glyphs = sharedGlyphs.get(face);
  if (!glyphs) {
    glyphs = new Uint8Array(face.source.glyphCount);
    if (face.face === 'regular' || face.face === 'bold') {
      for (const [first, last] of shared) for (let c = first; c <= last; c++) glyphs[face.glyphs[c]!] = 1;
    }
    sharedGlyphs.set(face, glyphs);
  }
  return glyphs;
}

function faceBytes(face: PreparedFace, used: Uint8Array): FaceBytes {
  const common = sharedGlyphsOf(face);
  for (let glyph = 0; glyph < used.length; glyph++) if (common[glyph]) used[glyph] = 1;
  const key = face.face + Buffer.from(used.buffer, used.byteOffset, used.byteLength).toString('latin1');
  const known = recentFaces.get(key);
  if (known) {
    recentFaces.delete(key); // most recently used last
    recentFaces.set(key, known);
    return known;
  }
  const file = subsetGlyf(face.source, used);
  const unicodeOf = new Map<number, number>();
  let widths = '';
  let previous = -2;
  for (let glyph = 0; glyph < used.length; glyph++) {
    if (!used[glyph]) continue;
    const codePoint = face.unicodeOf[glyph]!;
    if (codePoint) unicodeOf.set(glyph, codePoint);
    // Consecutive glyph ids share one "first [w1 w2 …]" group.
    widths +=
      glyph === previous + 1
        ? ` ${face.glyphWidths[glyph]}`
        : `${previous < 0 ? '' : ']'} ${glyph} [${face.glyphWidths[glyph]}`;
    previous = glyph;
  }
  const bytes: FaceBytes = {
    fontFile: deflateSync(file, { level: 1 }),
    fontFileLength: file.length,
    toUnicode: deflateSync(Buffer.from(toUnicodeCMap(unicodeOf), 'latin1'), { level: 1 }),
    widthArray: Buffer.from(`[${widths}${previous < 0 ? '' : ']'}]`, 'latin1'),
  };
  if (recentFaces.size >= recentFacesLimit) recentFaces.delete(recentFaces.keys().next().value!);
  recentFaces.set(key, bytes);
  return bytes;
}

/** A face's font objects for one letter, holding only the glyphs marked in `used` (indexed by glyph id). */
export function letterFace(face: PreparedFace, used: Uint8Array, context: PDFContext): LetterFace {
  const { PDFInvalidObject, PDFNumber, PDFRawStream } = pdfLib();
  const bytes = faceBytes(face, used);
  const fontFile = PDFRawStream.of(
    context.obj({ Filter: 'FlateDecode', Length1: PDFNumber.of(bytes.fontFileLength) }),
    bytes.fontFile,
  );
  const toUnicode = PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), bytes.toUnicode);
  const widthArray = PDFInvalidObject.of(bytes.widthArray);
  return { fontFile, toUnicode, widthArray };
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
