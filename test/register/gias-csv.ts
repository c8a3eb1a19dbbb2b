/**
 * Writes GIAS-shaped CSV in Windows-1252, for tests, fixtures and the register
 * benchmark, quoted the way the published extract (edubasealldata*.csv) is:
 * the header and every field in double quotes, empty ones as "", except a
 * few numeric columns written bare (URN, ages, capacity, UKPRN, grid
 * references, SEN counts). Lines end in CRLF.
 */
import iconv from 'iconv-lite';
import { giasHeader } from '../../src/register/columns.js';

/** Columns the register writes without quotes. */
export const bareColumns: ReadonlySet<string> = new Set([
  'URN',
  'StatutoryLowAge',
  'StatutoryHighAge',
  'SchoolCapacity',
  'UKPRN',
  'Easting',
  'Northing',
  'SENStat',
  'SENNoStat',
]);

/** One CSV field, quoted the way the register quotes it. */
export function csvField(value: string, column = ''): string {
  return bareColumns.has(column) && /^\d*$/.test(value) ? value : `"${value.replace(/"/g, '""')}"`;
}

/** A CSV line (CRLF-terminated, as the register writes them) for a row given by column name; unnamed columns are empty. */
export function giasLine(row: Readonly<Record<string, string>>, header: readonly string[] = giasHeader): string {
  return header.map((column) => csvField(row[column] ?? '', column)).join(',') + '\r\n';
}

/** The header line, every name quoted. */
export function giasHeaderLine(header: readonly string[] = giasHeader): string {
  return header.map((column) => csvField(column)).join(',') + '\r\n';
}

/** Text → Windows-1252 bytes (’ becomes 0x92). */
export function windows1252(text: string): Buffer {
  return iconv.encode(text, 'win1252');
}
