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
 *
 * Encoding: the published extract is Windows-1252, but a file re-saved from
 * Excel or LibreOffice may be UTF-8, with a byte-order mark or without. With
 * none, each decoded line is read as UTF-8 when it is valid UTF-8 and holds
 * non-ASCII bytes (Windows-1252 names practically never are), else as
 * Windows-1252; text converted twice ("St Bedeâ€™s") is repaired; characters
 * already lost to a wrong conversion (U+FFFD, "St Bede�s") and UTF-16 files
 * are refused with what to do.
 */
import { isUtf8 } from 'node:buffer';
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

/** 'utf8' after a byte-order mark; otherwise each line is told apart ('either'). */
type Encoding = 'utf8' | 'either';

/** UTF-8 read as Windows-1252: "â€™" for ’, "Ã«" for ë. */
const convertedTwice =
  /[\u00C2\u00C3][\u00A0-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u203A\u20AC\u2122]|\u00E2\u20AC/;

/** Text converted twice, put back: its Windows-1252 bytes read as the UTF-8 they were; unchanged when that fails. */
function repairConvertedTwice(text: string): string {
  if (!convertedTwice.test(text)) return text;
  const bytes = iconv.encode(text, 'win1252');
  return isUtf8(bytes) ? bytes.toString('utf8') : text;
}

const hasNonAscii = (bytes: Buffer): boolean => bytes.some((b) => b >= 0x80);

function decode(bytes: Buffer, encoding: Encoding): string {
  const utf8 = encoding === 'utf8' || (hasNonAscii(bytes) && isUtf8(bytes));
  const text = utf8 ? bytes.toString('utf8') : iconv.decode(bytes, 'win1252');
  return repairConvertedTwice(text).replace(/\r$/, '');
}

/** The file's encoding from its first bytes; a UTF-16 file (Excel "Unicode Text") is refused. */
function sniffEncoding(start: Buffer, file: string): { encoding: Encoding; skip: number } {
  const utf16 =
    (start[0] === 0xff && start[1] === 0xfe) ||
    (start[0] === 0xfe && start[1] === 0xff) ||
    start.subarray(0, 64).includes(0);
  if (utf16) {
    throw new RegisterError(
      `${file}: saved as UTF-16 (Excel's "Unicode Text"), which the reader does not take; open it and save it as "CSV UTF-8 (Comma delimited)", or use the GIAS download as published`,
      file,
    );
  }
  return start.subarray(0, 3).equals(utf8Bom) ? { encoding: 'utf8', skip: 3 } : { encoding: 'either', skip: 0 };
}

/** A found record with characters lost to a wrong conversion (U+FFFD) is refused: its names cannot be trusted. */
function refuseLostCharacters(record: GiasRecord, urn: string, file: string): GiasRecord {
  const lost = Object.entries(record).find(([, value]) => value.includes('\uFFFD'));
  if (lost) {
    throw new RegisterError(
      `${file}: the row for URN ${urn} has characters lost to a wrong conversion in ${lost[0]}: "${lost[1]}" (the Windows-1252 file was read as UTF-8 and saved again); download the extract again from Get Information About Schools and use it as it is, or save it from the original as "CSV UTF-8"`,
      file,
    );
  }
  return record;
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
  encoding: Encoding;
}

function readHeader(line: Buffer, encoding: Encoding, file: string): Header {
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
        const { encoding, skip } = sniffEncoding(buf, file);
        buf = buf.subarray(skip);
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
      readHeader(carry.subarray(sniffEncoding(carry, file).skip), 'either', file);
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
  let encoding: Encoding = 'either';
  let first = true;
  let carry: Buffer = Buffer.alloc(0);
  const check = (record: Buffer): GiasRecord | undefined => {
    if (!header) return undefined;
    const values = parseRecord(decode(record, encoding), file);
    return values[header.urnIndex]?.trim() === urn ? toRecord(header, values) : undefined;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      if (first) {
        const sniffed = sniffEncoding(buf, file);
        encoding = sniffed.encoding;
        buf = buf.subarray(sniffed.skip);
        first = false;
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
  const record = fast.record ?? (fast.suspicious ? await exactFind(file, wanted) : undefined);
  return record === undefined ? undefined : refuseLostCharacters(record, wanted, file);
}
