/**
 * A minimal TrueType (sfnt) table reader: just what a PDF CID font needs
 * (cmap, advance widths, the descriptor's metrics). Used when preparing
 * the font assets, never per letter.
 */

export interface SfntMetrics {
  unitsPerEm: number;
  /** xMin, yMin, xMax, yMax in font units. */
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
  italicAngle: number;
  /** usWeightClass from OS/2 (400 regular, 700 bold). */
  weight: number;
  postScriptName: string;
}

export interface SfntFont {
  metrics: SfntMetrics;
  /** Unicode code point → glyph id. */
  cmap: Map<number, number>;
  /** Glyph id → advance width in font units. */
  advances: number[];
}

interface TableDirectory {
  view: DataView;
  tables: Map<string, { offset: number; length: number }>;
}

function readDirectory(bytes: Uint8Array): TableDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return { view, tables };
}

function table(dir: TableDirectory, tag: string): number {
  const found = dir.tables.get(tag);
  if (!found) throw new Error(`font has no ${tag} table`);
  return found.offset;
}

function readCmap(dir: TableDirectory): Map<number, number> {
  const { view } = dir;
  const base = table(dir, 'cmap');
  const count = view.getUint16(base + 2);
  const map = new Map<number, number>();
  // Prefer the full-repertoire subtable (3,10; format 12), else the BMP one (3,1; format 4).
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(base + 4 + i * 8);
    const encoding = view.getUint16(base + 6 + i * 8);
    const offset = base + view.getUint32(base + 8 + i * 8);
    const format = view.getUint16(offset);
    if ((platform === 3 && encoding === 10) || (platform === 0 && format === 12)) format12 = offset;
    if ((platform === 3 && encoding === 1) || (platform === 0 && format === 4)) format4 = offset;
  }
  if (format12 >= 0 && view.getUint16(format12) === 12) {
    const groups = view.getUint32(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = format12 + 16 + g * 12;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const glyph = view.getUint32(at + 8);
      for (let c = start; c <= end; c++) map.set(c, glyph + (c - start));
    }
    return map;
  }
  if (format4 < 0) throw new Error('font has no Unicode cmap');
  const segments = view.getUint16(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffset = view.getUint16(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
        glyph = view.getUint16(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

function readPostScriptName(dir: TableDirectory, bytes: Uint8Array): string {
  const { view } = dir;
  const base = table(dir, 'name');
  const count = view.getUint16(base + 2);
  const strings = base + view.getUint16(base + 4);
  for (let i = 0; i < count; i++) {
    const at = base + 6 + i * 12;
    const platform = view.getUint16(at);
    const nameId = view.getUint16(at + 6);
    if (nameId !== 6) continue;
    const length = view.getUint16(at + 8);
    const offset = strings + view.getUint16(at + 10);
    const raw = bytes.subarray(offset, offset + length);
    if (platform === 3 || platform === 0) {
      let out = '';
      for (let j = 0; j + 1 < raw.length; j += 2) out += String.fromCharCode((raw[j]! << 8) | raw[j + 1]!);
      return out;
    }
    return String.fromCharCode(...raw);
  }
  throw new Error('font has no PostScript name');
}

/** Reads the tables a PDF font needs from TrueType bytes. */
export function readSfnt(bytes: Uint8Array): SfntFont {
  const dir = readDirectory(bytes);
  const { view } = dir;
  const head = table(dir, 'head');
  const hhea = table(dir, 'hhea');
  const hmtx = table(dir, 'hmtx');
  const maxp = table(dir, 'maxp');
  const os2 = table(dir, 'OS/2');
  const post = table(dir, 'post');
  const glyphCount = view.getUint16(maxp + 4);
  const metricCount = view.getUint16(hhea + 34);
  const advances: number[] = [];
  let last = 0;
  for (let g = 0; g < glyphCount; g++) {
    if (g < metricCount) last = view.getUint16(hmtx + g * 4);
    advances.push(last);
  }
  const os2Version = view.getUint16(os2);
  const metrics: SfntMetrics = {
    unitsPerEm: view.getUint16(head + 18),
    bbox: [view.getInt16(head + 36), view.getInt16(head + 38), view.getInt16(head + 40), view.getInt16(head + 42)],
    ascent: view.getInt16(hhea + 4),
    descent: view.getInt16(hhea + 6),
    capHeight: 0,
    italicAngle: view.getInt32(post + 4) / 65536,
    weight: view.getUint16(os2 + 4),
    postScriptName: readPostScriptName(dir, bytes),
  };
  const cmap = readCmap(dir);
  // OS/2 before version 2 has no sCapHeight (DejaVu's is version 1): measure the H instead.
  metrics.capHeight = os2Version >= 2 ? view.getInt16(os2 + 88) : glyphTop(dir, cmap.get(0x48) ?? 0) || metrics.ascent;
  return { metrics, cmap, advances };
}

/** The yMax of a glyph's outline, from loca and glyf. */
function glyphTop(dir: TableDirectory, glyph: number): number {
  const { view } = dir;
  const longOffsets = view.getInt16(table(dir, 'head') + 50) === 1;
  const loca = table(dir, 'loca');
  const offset = longOffsets ? view.getUint32(loca + glyph * 4) : view.getUint16(loca + glyph * 2) * 2;
  return view.getInt16(table(dir, 'glyf') + offset + 8);
}
