/**
 * Finds one school's row in a GIAS "all establishment data" CSV extract
 * (about 60 MB, 50,000 rows, Windows-1252, quoted CSV: PITFALLS 15).
 *
 * The file is streamed as raw bytes (in Windows-1252, as in UTF-8, a quote is
 * always 0x22 and a newline 0x0A). Buffer.indexOf finds the URN's digits; only
 * the header and the lines holding them are decoded (iconv-lite) and parsed
 * (csv-parse), and the URN column, found by name, must equal the URN.
 * Decoding and parsing all 50,000 rows costs seconds; this costs a memchr.
 * A hit inside a record that spans lines (a quoted newline) is resolved by an
 * exact byte-by-byte pass. Reading stops once the school is found.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { giasColumns } from './columns.js';

/** One register row: column name → raw value. */
export type GiasRecord = Readonly<Record<string, string>>;

/** The register file is not what the reader expects (no URN column, unreadable). */
export class RegisterError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'RegisterError';
  }
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

function decode(bytes: Buffer, encoding: string): string {
  return iconv.decode(bytes, encoding).replace(/\r$/, '');
}

function parseRecord(text: string, file: string): string[] {
  try {
    const rows = parse(text, { relax_column_count: true, bom: true, skip_empty_lines: true }) as string[][];
    return rows[0] ?? [];
  } catch (error) {
    throw new RegisterError(`${file}: not a readable CSV record: ${(error as Error).message}`, file);
  }
}

type LineResult = 'match' | 'no' | 'suspicious';

interface Header {
  names: string[];
  urnIndex: number;
  encoding: string;
}

function readHeader(line: Buffer, encoding: string, file: string): Header {
  const names = parseRecord(decode(line, encoding), file).map((h) => h.trim());
  const urnIndex = names.indexOf(giasColumns.urn);
  if (urnIndex < 0) {
    throw new RegisterError(
      `${file}: no "${giasColumns.urn}" column in the first line; expected a GIAS "all establishment data" CSV extract`,
      file,
    );
  }
  return { names, urnIndex, encoding };
}

function countQuotes(bytes: Buffer): number {
  let n = 0;
  for (let k = bytes.indexOf(QUOTE); k >= 0; k = bytes.indexOf(QUOTE, k + 1)) n++;
  return n;
}

function toRecord(header: Header, values: readonly string[]): GiasRecord {
  return Object.fromEntries(header.names.map((name, column) => [name, values[column] ?? '']));
}

/**
 * Checks one physical line holding the URN's digits. A line that is only part of
 * a record (a quoted field spans lines) is 'suspicious': the exact scan then decides.
 */
function checkLine(
  line: Buffer,
  header: Header,
  urn: string,
  file: string,
): { result: LineResult; record?: GiasRecord } {
  if (countQuotes(line) % 2 === 1) return { result: 'suspicious' };
  let values: string[];
  try {
    values = parseRecord(decode(line, header.encoding), file);
  } catch {
    return { result: 'suspicious' };
  }
  if (values.length !== header.names.length) return { result: 'suspicious' };
  if (values[header.urnIndex]?.trim() !== urn) return { result: 'no' };
  return { result: 'match', record: toRecord(header, values) };
}

/**
 * The fast pass: finds the URN's digits with Buffer.indexOf and checks only the
 * lines that hold them. Exact for records on one line (every real GIAS row);
 * reports whether any hit sat in a record spanning lines.
 */
async function fastFind(file: string, urn: string): Promise<{ record?: GiasRecord; suspicious: boolean }> {
  const needle = Buffer.from(urn, 'latin1');
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  let header: Header | undefined;
  let carry: Buffer = Buffer.alloc(0);
  let suspicious = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      if (header === undefined) {
        let encoding = 'win1252';
        if (buf.subarray(0, 3).equals(utf8Bom)) {
          encoding = 'utf8';
          buf = buf.subarray(3);
        }
        const end = buf.indexOf(NEWLINE);
        if (end < 0) {
          carry = Buffer.from(buf);
          continue;
        }
        header = readHeader(buf.subarray(0, end), encoding, file);
        start = end + 1;
      }
      const lastNewline = buf.lastIndexOf(NEWLINE);
      for (let hit = buf.indexOf(needle, start); hit >= 0 && hit < lastNewline;) {
        const lineStart = Math.max(start, buf.lastIndexOf(NEWLINE, hit) + 1);
        const lineEnd = buf.indexOf(NEWLINE, hit);
        const { result, record } = checkLine(buf.subarray(lineStart, lineEnd), header, urn, file);
        if (record) return { record, suspicious };
        if (result === 'suspicious') suspicious = true;
        hit = buf.indexOf(needle, lineEnd + 1);
      }
      carry = Buffer.from(buf.subarray(Math.max(start, lastNewline + 1)));
    }
    if (header === undefined) {
      if (carry.length === 0)
        throw new RegisterError(`${file}: empty; expected a GIAS "all establishment data" CSV extract`, file);
      readHeader(carry, 'win1252', file);
      return { suspicious };
    }
    if (carry.indexOf(needle) >= 0) {
      const { result, record } = checkLine(carry, header, urn, file);
      if (record) return { record, suspicious };
      if (result === 'suspicious') suspicious = true;
    }
    return { suspicious };
  } finally {
    stream.destroy();
  }
}

/**
 * The exact pass, for the rare file with a quoted field spanning lines near a
 * hit: record boundaries found by tracking quotes byte by byte.
 */
async function exactFind(file: string, urn: string): Promise<GiasRecord | undefined> {
  const needle = Buffer.from(urn, 'latin1');
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  let header: Header | undefined;
  let encoding = 'win1252';
  let carry: Buffer = Buffer.alloc(0);
  const check = (record: Buffer): GiasRecord | undefined => {
    if (!header) return undefined;
    const values = parseRecord(decode(record, encoding), file);
    return values[header.urnIndex]?.trim() === urn ? toRecord(header, values) : undefined;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      if (header === undefined && buf.subarray(0, 3).equals(utf8Bom)) {
        encoding = 'utf8';
        buf = buf.subarray(3);
      }
      let hit = header === undefined ? 0 : buf.indexOf(needle);
      let recordStart = 0;
      let quoted = false;
      for (let i = 0; i < buf.length; i++) {
        const byte = buf[i];
        if (byte === QUOTE) quoted = !quoted;
        else if (byte === NEWLINE && !quoted) {
          const record = buf.subarray(recordStart, i);
          if (header === undefined) {
            header = readHeader(record, encoding, file);
            hit = buf.indexOf(needle, i + 1);
          } else if (hit >= 0 && hit < i) {
            const found = check(record);
            if (found) return found;
            hit = buf.indexOf(needle, i + 1);
          }
          recordStart = i + 1;
        }
      }
      carry = Buffer.from(buf.subarray(recordStart));
    }
    return carry.length > 0 && carry.indexOf(needle) >= 0 ? check(carry) : undefined;
  } finally {
    stream.destroy();
  }
}

/** The raw row for this URN, or undefined when the register has none; reading stops once it is found. */
export async function findRecordInRegister(file: string, urn: string): Promise<GiasRecord | undefined> {
  const wanted = urn.trim();
  const fast = await fastFind(file, wanted);
  if (fast.record) return fast.record;
  return fast.suspicious ? exactFind(file, wanted) : undefined;
}
