/**
 * Per-letter glyph subsetting of a prepared TrueType face. Glyph ids are
 * fixed once per process (so the Identity-H codes and widths need no
 * remapping per letter); the letter's font file keeps head, hhea, maxp, hmtx, loca and
 * glyf (the tables ISO 32000-1, 9.9, requires for a CIDFontType2 used with
 * CIDToGIDMap Identity), with every glyph the letter does not draw left empty.
 * Composite glyphs keep their components. Everything that does not depend
 * on the letter is read once per process.
 */

/** A prepared face's tables, ready to be cut down per letter. */
export interface GlyfSource {
  glyphCount: number;
  /** head, with checkSumAdjustment zeroed and indexToLocFormat set to long. */
  head: Uint8Array;
  /** hhea and maxp; numberOfHMetrics and numGlyphs are set per letter. */
  hhea: Uint8Array;
  maxp: Uint8Array;
  /** hmtx with a long metric (advance, left side bearing) for every glyph. */
  hmtx: Uint8Array;
  glyf: Uint8Array;
  /** Start of each glyph in glyf (glyphCount + 1 entries). */
  offsets: Uint32Array;
  /** Component glyph ids of composite glyphs, and where each id sits in the glyph's data. */
  components: Map<number, { glyphs: number[]; at: number[] }>;
  /** Ink bounds per glyph in font units (xMin, yMin, xMax, yMax; zeros when empty). */
  bounds: Int16Array;
}

interface Tables {
  view: DataView;
  bytes: Uint8Array;
  find(tag: string): Uint8Array;
}

function tables(bytes: Uint8Array): Tables {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const offset = view.getUint32(at + 8);
    found.set(tag, bytes.subarray(offset, offset + view.getUint32(at + 12)));
  }
  return {
    view,
    bytes,
    find(tag: string): Uint8Array {
      const table = found.get(tag);
      if (!table) throw new Error(`font has no ${tag} table`);
      return table;
    },
  };
}

const viewOf = (table: Uint8Array): DataView => new DataView(table.buffer, table.byteOffset, table.byteLength);

/** Component glyph ids of a composite glyph and their offsets (OpenType glyf, composite glyph description). */
function readComponents(glyph: DataView): { glyphs: number[]; at: number[] } {
  const out = { glyphs: [] as number[], at: [] as number[] };
  let at = 10;
  for (;;) {
    const flags = glyph.getUint16(at);
    out.glyphs.push(glyph.getUint16(at + 2));
    out.at.push(at + 2);
    at += 4 + (flags & 0x0001 ? 4 : 2);
    if (flags & 0x0008) at += 2;
    else if (flags & 0x0040) at += 4;
    else if (flags & 0x0080) at += 8;
    if (!(flags & 0x0020)) return out;
  }
}

/** Reads what per-letter subsetting needs from a prepared face (once per process). */
export function readGlyfSource(bytes: Uint8Array): GlyfSource {
  const font = tables(bytes);
  const head = new Uint8Array(font.find('head'));
  const headView = viewOf(head);
  const longLoca = headView.getInt16(50) === 1;
  headView.setUint32(8, 0);
  headView.setInt16(50, 1);
  const maxp = new Uint8Array(font.find('maxp'));
  const glyphCount = viewOf(maxp).getUint16(4);
  const hhea = new Uint8Array(font.find('hhea'));
  const metricCount = viewOf(hhea).getUint16(34);
  viewOf(hhea).setUint16(34, glyphCount);
  const hmtxIn = viewOf(font.find('hmtx'));
  const hmtx = new Uint8Array(glyphCount * 4);
  const hmtxOut = viewOf(hmtx);
  for (let g = 0; g < glyphCount; g++) {
    const long = Math.min(g, metricCount - 1);
    hmtxOut.setUint16(g * 4, hmtxIn.getUint16(long * 4));
    const lsb = g < metricCount ? hmtxIn.getInt16(g * 4 + 2) : hmtxIn.getInt16(metricCount * 4 + (g - metricCount) * 2);
    hmtxOut.setInt16(g * 4 + 2, lsb);
  }
  const loca = viewOf(font.find('loca'));
  const glyf = font.find('glyf');
  const offsets = new Uint32Array(glyphCount + 1);
  for (let g = 0; g <= glyphCount; g++) offsets[g] = longLoca ? loca.getUint32(g * 4) : loca.getUint16(g * 2) * 2;
  const components = new Map<number, { glyphs: number[]; at: number[] }>();
  const bounds = new Int16Array(glyphCount * 4);
  const glyfView = viewOf(glyf);
  for (let g = 0; g < glyphCount; g++) {
    const start = offsets[g]!;
    if (offsets[g + 1]! <= start) continue;
    for (let k = 0; k < 4; k++) bounds[g * 4 + k] = glyfView.getInt16(start + 2 + k * 2);
    if (glyfView.getInt16(start) < 0) {
      components.set(g, readComponents(new DataView(glyf.buffer, glyf.byteOffset + start, offsets[g + 1]! - start)));
    }
  }
  return { glyphCount, head, hhea, maxp, hmtx, glyf, offsets, components, bounds };
}

/**
 * The same face with its glyphs renumbered: `order[newId]` is the old id.
 * Done once per process so the glyphs letters use most have the lowest ids
 * and a letter's font file can end at the highest id it draws.
 */
export function reorderGlyphs(source: GlyfSource, order: readonly number[]): GlyfSource {
  const count = order.length;
  const newId = new Map<number, number>();
  order.forEach((old, id) => newId.set(old, id));
  const offsets = new Uint32Array(count + 1);
  let length = 0;
  for (const old of order) length += source.offsets[old + 1]! - source.offsets[old]!;
  const glyf = new Uint8Array(length);
  const hmtx = new Uint8Array(count * 4);
  const bounds = new Int16Array(count * 4);
  const components = new Map<number, { glyphs: number[]; at: number[] }>();
  let offset = 0;
  order.forEach((old, id) => {
    const start = source.offsets[old]!;
    const end = source.offsets[old + 1]!;
    offsets[id] = offset;
    glyf.set(source.glyf.subarray(start, end), offset);
    const parts = source.components.get(old);
    if (parts) {
      const view = new DataView(glyf.buffer, offset, end - start);
      const glyphs = parts.glyphs.map((part) => newId.get(part)!);
      glyphs.forEach((part, k) => view.setUint16(parts.at[k]!, part));
      components.set(id, { glyphs, at: parts.at });
    }
    offset += end - start;
    hmtx.set(source.hmtx.subarray(old * 4, old * 4 + 4), id * 4);
    bounds.set(source.bounds.subarray(old * 4, old * 4 + 4), id * 4);
  });
  offsets[count] = offset;
  const maxp = new Uint8Array(source.maxp);
  viewOf(maxp).setUint16(4, count);
  const hhea = new Uint8Array(source.hhea);
  viewOf(hhea).setUint16(34, count);
  return { ...source, glyphCount: count, hhea, maxp, hmtx, glyf, offsets, components, bounds };
}

/** Adds the components of the used composite glyphs (and theirs) to `used`. */
function closeOverComponents(source: GlyfSource, used: Uint8Array): void {
  const stack: number[] = [];
  for (const glyph of source.components.keys()) if (used[glyph]) stack.push(glyph);
  while (stack.length > 0) {
    for (const part of source.components.get(stack.pop()!)?.glyphs ?? []) {
      if (!used[part]) {
        used[part] = 1;
        if (source.components.has(part)) stack.push(part);
      }
    }
  }
}

/** OpenType table checksum: the sum of big-endian uint32s (tables are padded with zeros to 4 bytes). */
function checksum(view: DataView, start: number, length: number): number {
  let sum = 0;
  const end = start + ((length + 3) & ~3);
  for (let i = start; i < end; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

const pad4 = (n: number): number => (n + 3) & ~3;

/**
 * The letter's font file: the prepared face with only the glyphs marked in
 * `used` (and .notdef, and their components) drawn, ending at the highest
 * glyph id drawn. Marks `used` in place.
 */
export function subsetGlyf(source: GlyfSource, used: Uint8Array): Uint8Array {
  used[0] = 1;
  closeOverComponents(source, used);
  const { offsets } = source;
  let count = 0;
  let glyfLength = 0;
  for (let g = 0; g < source.glyphCount; g++) {
    if (!used[g]) continue;
    glyfLength += pad4(offsets[g + 1]! - offsets[g]!);
    count = g + 1;
  }
  const order: [string, number][] = [
    ['glyf', glyfLength],
    ['head', source.head.length],
    ['hhea', source.hhea.length],
    ['hmtx', count * 4],
    ['loca', (count + 1) * 4],
    ['maxp', source.maxp.length],
  ];
  const starts: number[] = [];
  let size = 12 + order.length * 16;
  for (const [, length] of order) {
    starts.push(size);
    size += pad4(length);
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, order.length);
  view.setUint16(6, 64);
  view.setUint16(8, 2);
  view.setUint16(10, order.length * 16 - 64);
  const [glyfAt, headAt, hheaAt, hmtxAt, locaAt, maxpAt] = starts as [number, number, number, number, number, number];
  out.set(source.head, headAt);
  out.set(source.hhea, hheaAt);
  view.setUint16(hheaAt + 34, count);
  out.set(source.maxp, maxpAt);
  view.setUint16(maxpAt + 4, count);
  let offset = 0;
  for (let g = 0; g < count; g++) {
    view.setUint32(locaAt + g * 4, offset);
    if (!used[g]) continue;
    const start = offsets[g]!;
    const end = offsets[g + 1]!;
    out.set(source.glyf.subarray(start, end), glyfAt + offset);
    offset += pad4(end - start);
    // Advance and left side bearing (FreeType places outlines by the latter).
    out.set(source.hmtx.subarray(g * 4, g * 4 + 4), hmtxAt + g * 4);
  }
  view.setUint32(locaAt + count * 4, offset);
  order.forEach(([tag, length], i) => {
    const at = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[at + k] = tag.charCodeAt(k);
    view.setUint32(at + 4, checksum(view, starts[i]!, length));
    view.setUint32(at + 8, starts[i]!);
    view.setUint32(at + 12, length);
  });
  view.setUint32(headAt + 8, (0xb1b0afba - checksum(view, 0, size)) >>> 0);
  return out;
}
