/**
 * A minimal ZIP writer (deflate or stored, no ZIP64) over node:zlib. Entries are
 * prepared (compressed, CRC computed) separately from packing, so parts that
 * never change are compressed once per process and copied into every file.
 */
import zlib from 'node:zlib';

/** One compressed file, ready to be packed. */
export interface ZipEntry {
  name: Buffer;
  crc: number;
  size: number;
  /** 8 (deflate) or 0 (stored). */
  method: 0 | 8;
  data: Buffer;
}

/** CRC-32 of some bytes (zlib.crc32: Node 20.15 and later; package.json asks for 20.19). */
function crc32(bytes: Buffer): number {
  return zlib.crc32(bytes);
}

/**
 * Prepares one file: deflated at `level` (1–9), or stored when level is 0,
 * which suits parts of a kilobyte or two: setting up a deflate stream costs
 * more than the bytes saved.
 */
export function zipEntry(name: string, content: string | Buffer, level = 6): ZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name: Buffer.from(name, 'utf8'),
    crc: crc32(bytes),
    size: bytes.length,
    method: level === 0 ? 0 : 8,
    data: level === 0 ? bytes : zlib.deflateRawSync(bytes, { level }),
  };
}

/** 1980-01-01 00:00 in MS-DOS format: a fixed stamp so the same letter gives the same bytes. */
const dosTime = 0;
const dosDate = (1 << 5) | 1;

/** Packs prepared entries into one ZIP file, in the order given. */
export function packZip(entries: readonly ZipEntry[]): Buffer {
  let localSize = 0;
  let centralSize = 0;
  for (const entry of entries) {
    localSize += 30 + entry.name.length + entry.data.length;
    centralSize += 46 + entry.name.length;
  }
  const out = Buffer.alloc(localSize + centralSize + 22);
  let at = 0;
  const offsets: number[] = [];
  for (const entry of entries) {
    offsets.push(at);
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(20, at + 4); // version needed: deflate
    out.writeUInt16LE(0x0800, at + 6); // names are UTF-8
    out.writeUInt16LE(entry.method, at + 8);
    out.writeUInt16LE(dosTime, at + 10);
    out.writeUInt16LE(dosDate, at + 12);
    out.writeUInt32LE(entry.crc, at + 14);
    out.writeUInt32LE(entry.data.length, at + 18);
    out.writeUInt32LE(entry.size, at + 22);
    out.writeUInt16LE(entry.name.length, at + 26);
    out.writeUInt16LE(0, at + 28);
    at += 30;
    at += entry.name.copy(out, at);
    at += entry.data.copy(out, at);
  }
  const centralStart = at;
  entries.forEach((entry, index) => {
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(20, at + 6);
    out.writeUInt16LE(0x0800, at + 8);
    out.writeUInt16LE(entry.method, at + 10);
    out.writeUInt16LE(dosTime, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    out.writeUInt32LE(entry.crc, at + 16);
    out.writeUInt32LE(entry.data.length, at + 20);
    out.writeUInt32LE(entry.size, at + 24);
    out.writeUInt16LE(entry.name.length, at + 28);
    // extra length, comment length, disk, internal and external attributes stay 0
    out.writeUInt32LE(offsets[index]!, at + 42);
    at += 46;
    at += entry.name.copy(out, at);
  });
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
  out.writeUInt32LE(at - centralStart, at + 12);
  out.writeUInt32LE(centralStart, at + 16);
  return out;
}
