/** Writes GIAS-shaped CSV in Windows-1252, for tests, fixtures and the register benchmark. */
import iconv from 'iconv-lite';
import { giasHeader } from '../../src/register/columns.js';

/** One CSV field, quoted the way the register quotes text. */
export function csvField(value: string): string {
  return /^\d*$/.test(value) ? value : `"${value.replace(/"/g, '""')}"`;
}

/** A CSV line (CRLF-terminated, as the register writes them) for a row given by column name; unnamed columns are empty. */
export function giasLine(row: Readonly<Record<string, string>>, header: readonly string[] = giasHeader): string {
  return header.map((column) => csvField(row[column] ?? '')).join(',') + '\r\n';
}

/** The header line. */
export function giasHeaderLine(header: readonly string[] = giasHeader): string {
  return header.join(',') + '\r\n';
}

/** Text → Windows-1252 bytes (’ becomes 0x92). */
export function windows1252(text: string): Buffer {
  return iconv.encode(text, 'win1252');
}
