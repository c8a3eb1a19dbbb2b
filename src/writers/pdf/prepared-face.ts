/**
 * A prepared face as one file (issue 18): everything `prepareFace` derives
 * from a committed subset (glyphs reordered, code point and width tables,
 * the tables letters' font files are cut from) written at `npm run build`
 * into dist/fonts/, so a process maps it back into typed arrays in about a
 * millisecond instead of preparing it (≈ 60–90 ms a face, measured, most of
 * it allocation and garbage collection on cold code).
 *
 * Layout: "MLPF", format version (uint32), header length (uint32), the JSON
 * header, zero padding to 8 bytes, then each array's bytes at the offset the
 * header gives, each 8-byte aligned. The header's `stamp` is the SHA-256 of
 * the subset the face was prepared from: a file prepared from other bytes is
 * ignored and the face prepared at run time, so a stale build never draws
 * with the wrong font.
 */
import { createHash } from 'node:crypto';
import type { FaceName } from './charset.js';
import type { GlyfSource } from './glyf.js';
import type { SfntMetrics } from './sfnt.js';

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
  /** Per code point: 1 for a combining mark drawn with zero advance over the glyph before it. */
  marks: Uint8Array;
  /** Ink bounds per glyph in thousandths of an em (xMin, yMin, xMax, yMax). */
  bounds: Int16Array;
  /** Advance width per glyph id, in thousandths of an em (the W array's values). */
  glyphWidths: Uint16Array;
  /** The code point each glyph id stands for (ToUnicode). */
  unicodeOf: Uint32Array;
  /** The face's tables, from which each letter's font file is cut. */
  source: GlyfSource;
}

const magic = 0x4d4c5046; // "MLPF"
const version = 1;

/** The typed arrays of a face, by name, as they are stored. */
const arrayNames = ['glyphs', 'widths', 'marks', 'bounds', 'glyphWidths', 'unicodeOf'] as const;
const sourceArrayNames = ['head', 'hhea', 'maxp', 'hmtx', 'glyf', 'offsets', 'bounds'] as const;

type Kind = 'u8' | 'u16' | 'i16' | 'u32';
const constructors = { u8: Uint8Array, u16: Uint16Array, i16: Int16Array, u32: Uint32Array } as const;

function kindOf(array: ArrayBufferView): Kind {
  if (array instanceof Uint16Array) return 'u16';
  if (array instanceof Int16Array) return 'i16';
  if (array instanceof Uint32Array) return 'u32';
  return 'u8';
}

interface Header {
  stamp: string;
  face: FaceName;
  baseFont: string;
  metrics: SfntMetrics;
  glyphCount: number;
  components: [number, number[], number[]][];
  arrays: Record<string, [kind: Kind, offset: number, length: number]>;
}

/** The SHA-256 of a subset's bytes, which a prepared file must carry to be used. */
export function faceStamp(subset: Uint8Array): string {
  return createHash('sha256').update(subset).digest('hex');
}

const align8 = (n: number): number => (n + 7) & ~7;

/** A prepared face's bytes, stamped with the subset it came from. */
export function serializeFace(face: PreparedFace, stamp: string): Uint8Array {
  const views: [string, ArrayBufferView][] = [
    ...arrayNames.map((name) => [name, face[name]] as [string, ArrayBufferView]),
    ...sourceArrayNames.map((name) => [`source.${name}`, face.source[name]] as [string, ArrayBufferView]),
  ];
  const arrays: Header['arrays'] = {};
  let offset = 0;
  for (const [name, view] of views) {
    arrays[name] = [kindOf(view), offset, view.byteLength];
    offset = align8(offset + view.byteLength);
  }
  const header: Header = {
    stamp,
    face: face.face,
    baseFont: face.baseFont,
    metrics: face.metrics,
    glyphCount: face.source.glyphCount,
    components: [...face.source.components].map(([id, c]) => [id, c.glyphs, c.at]),
    arrays,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align8(12 + json.length);
  const out = new Uint8Array(start + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, magic);
  view.setUint32(4, version);
  view.setUint32(8, json.length);
  out.set(json, 12);
  for (const [name, array] of views) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), start + arrays[name]![1]);
  }
  return out;
}

/** The face stored in `bytes`, or undefined when they are not a prepared face for the subset `stamp`. */
export function deserializeFace(bytes: Uint8Array, stamp: string): PreparedFace | undefined {
  if (bytes.byteLength < 12) return undefined;
  // Typed arrays need their own alignment: work on an 8-byte aligned copy when the buffer is not.
  const data = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(0) !== magic || view.getUint32(4) !== version) return undefined;
  const length = view.getUint32(8);
  const header = JSON.parse(Buffer.from(data.buffer, data.byteOffset + 12, length).toString('utf8')) as Header;
  if (header.stamp !== stamp) return undefined;
  const start = data.byteOffset + align8(12 + length);
  const array = (name: string): ArrayBufferView => {
    const [kind, offset, byteLength] = header.arrays[name]!;
    const Constructor = constructors[kind];
    return new Constructor(data.buffer as ArrayBuffer, start + offset, byteLength / Constructor.BYTES_PER_ELEMENT);
  };
  const glyphCount = header.glyphCount;
  return {
    face: header.face,
    baseFont: header.baseFont,
    metrics: header.metrics,
    glyphs: array('glyphs') as Uint16Array,
    widths: array('widths') as Uint16Array,
    marks: array('marks') as Uint8Array,
    bounds: array('bounds') as Int16Array,
    glyphWidths: array('glyphWidths') as Uint16Array,
    unicodeOf: array('unicodeOf') as Uint32Array,
    glyphHex: Array.from({ length: glyphCount }, (_, glyph) => glyph.toString(16).padStart(4, '0')),
    source: {
      glyphCount,
      head: array('source.head') as Uint8Array,
      hhea: array('source.hhea') as Uint8Array,
      maxp: array('source.maxp') as Uint8Array,
      hmtx: array('source.hmtx') as Uint8Array,
      glyf: array('source.glyf') as Uint8Array,
      offsets: array('source.offsets') as Uint32Array,
      components: new Map(header.components.map(([id, glyphs, at]) => [id, { glyphs, at }])),
      bounds: array('source.bounds') as Int16Array,
    },
  };
}
