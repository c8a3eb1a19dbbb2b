/**
 * Per-letter glyph subsetting of a prepared TrueType face. Glyph ids stay
 * those of the prepared face (so the Identity-H codes and widths need no
 * remapping); the letter's font file keeps head, hhea, maxp, hmtx, loca and
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
  hhea: Uint8Array;
  maxp: Uint8Array;
  /** hmtx as in the face. */
  hmtx: Uint8Array;
  numberOfHMetrics: number;
  glyf: Uint8Array;
  /** Start of each glyph in glyf (glyphCount + 1 entries). */
  offsets: Uint32Array;
  /** Component glyph ids of composite glyphs. */
  components: Map<number, number[]>;
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

/** Component glyph ids of a composite glyph (OpenType glyf, composite glyph description). */
function readComponents(glyph: DataView): number[] {
  const out: number[] = [];
  let at = 10;
  for (;;) {
    const flags = glyph.getUint16(at);
    out.push(glyph.getUint16(at + 2));
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
  const maxp = font.find('maxp');
  const glyphCount = viewOf(maxp).getUint16(4);
  const hhea = font.find('hhea');
  const loca = viewOf(font.find('loca'));
  const glyf = font.find('glyf');
  const offsets = new Uint32Array(glyphCount + 1);
  for (let g = 0; g <= glyphCount; g++) offsets[g] = longLoca ? loca.getUint32(g * 4) : loca.getUint16(g * 2) * 2;
  const components = new Map<number, number[]>();
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
  return {
    glyphCount,
    head,
    hhea,
    maxp,
    hmtx: font.find('hmtx'),
    numberOfHMetrics: viewOf(hhea).getUint16(34),
    glyf,
    offsets,
    components,
    bounds,
  };
}

/** Adds the components of the used composite glyphs (and theirs) to `used`. */
function closeOverComponents(source: GlyfSource, used: Uint8Array): void {
  const stack: number[] = [];
  for (const glyph of source.components.keys()) if (used[glyph]) stack.push(glyph);
  while (stack.length > 0) {
    for (const part of source.components.get(stack.pop()!) ?? []) {
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
 * `used` (and .notdef, and their components) drawn. Marks `used` in place.
 */
export function subsetGlyf(source: GlyfSource, used: Uint8Array): Uint8Array {
  used[0] = 1;
  closeOverComponents(source, used);
  const { glyphCount, offsets, numberOfHMetrics } = source;
  let glyfLength = 0;
  for (let g = 0; g < glyphCount; g++) if (used[g]) glyfLength += pad4(offsets[g + 1]! - offsets[g]!);
  const hmtxLength = source.hmtx.length;
  const locaLength = (glyphCount + 1) * 4;
  const order: [string, number][] = [
    ['glyf', glyfLength],
    ['head', source.head.length],
    ['hhea', source.hhea.length],
    ['hmtx', hmtxLength],
    ['loca', locaLength],
    ['maxp', source.maxp.length],
  ];
  const directoryLength = 12 + order.length * 16;
  const starts: number[] = [];
  let size = directoryLength;
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
  out.set(source.maxp, maxpAt);
  let offset = 0;
  for (let g = 0; g < glyphCount; g++) {
    view.setUint32(locaAt + g * 4, offset);
    if (!used[g]) continue;
    const start = offsets[g]!;
    const end = offsets[g + 1]!;
    out.set(source.glyf.subarray(start, end), glyfAt + offset);
    offset += pad4(end - start);
    // Advance and left side bearing (FreeType places outlines by the latter).
    if (g < numberOfHMetrics) out.set(source.hmtx.subarray(g * 4, g * 4 + 4), hmtxAt + g * 4);
    else {
      const at = numberOfHMetrics * 4 + (g - numberOfHMetrics) * 2;
      out.set(source.hmtx.subarray(at, at + 2), hmtxAt + at);
    }
  }
  view.setUint32(locaAt + glyphCount * 4, offset);
  // The last long metric carries the advance of every later glyph.
  out.set(source.hmtx.subarray(numberOfHMetrics * 4 - 4, numberOfHMetrics * 4 - 2), hmtxAt + numberOfHMetrics * 4 - 4);
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
