/**
 * The batch manifest for the data exchange: one row per form, written as it
 * arrives (CSV and JSON side by side), to temporary names renamed at the end,
 * so memory stays flat and a half-finished manifest never looks finished.
 */
import { closeSync, createWriteStream, openSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export interface ManifestEntry {
  form: string;
  /** The letter was made complete: written, no gaps, no errors. */
  ok: boolean;
  /** Its files were written (a draft with gaps is rendered, with markers, but not ok). */
  rendered: boolean;
  urn?: string;
  school?: string;
  visitDate?: string;
  status?: 'draft' | 'final';
  files: string[];
  to?: string;
  copies: { role: string; name: string }[];
  deadlines: { id: string; date: string }[];
  /** What the letter still needs (para 16), one phrase each. */
  gaps: string[];
  errors: string[];
  warnings: number;
  /** Why the letter was kept as it was, not written again: already final, or already sent. */
  skipped?: string;
  /** This computer's disk refused the letter's files (the batch stops: exit 3); never written to the manifest. */
  localFailure?: string;
}

/** A form's entry before anything is known of its letter: not ok, nothing written; `errors` say why. */
export function emptyEntry(form: string, errors: string[] = []): ManifestEntry {
  return { form, ok: false, rendered: false, files: [], copies: [], deadlines: [], gaps: [], errors, warnings: 0 };
}

const columns = [
  'form',
  'ok',
  'rendered',
  'urn',
  'school',
  'visitDate',
  'status',
  'files',
  'to',
  'copies',
  'copyRoles',
  'deadlines',
  'gaps',
  'errors',
  'warnings',
  'skipped',
] as const;

/** Quotes a CSV field per RFC 4180. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV row for an entry (lists joined with "; "). */
export function csvRow(e: ManifestEntry): string {
  const cells: Record<(typeof columns)[number], string> = {
    form: e.form,
    ok: e.ok ? 'yes' : 'no',
    rendered: e.rendered ? 'yes' : 'no',
    urn: e.urn ?? '',
    school: e.school ?? '',
    visitDate: e.visitDate ?? '',
    status: e.status ?? '',
    files: e.files.join('; '),
    to: e.to ?? '',
    copies: e.copies.map((c) => c.name).join('; '),
    copyRoles: e.copies.map((c) => c.role).join('; '),
    deadlines: e.deadlines.map((d) => `${d.id}=${d.date}`).join('; '),
    gaps: e.gaps.join('; '),
    errors: e.errors.join('; '),
    warnings: String(e.warnings),
    skipped: e.skipped ?? '',
  };
  return columns.map((c) => csvField(cells[c])).join(',') + '\r\n';
}

export interface ManifestWriter {
  add(entry: ManifestEntry): Promise<void>;
  /** Finishes both files and renames them into place; returns their paths. */
  close(): Promise<{ csv: string; json: string }>;
  /** Stops writing and removes the unfinished files (a full disk): the manifest from before stays as it was. */
  abandon(): Promise<void>;
}

/** Writes, waiting for the stream to drain; a refusal by the disk rejects (it is never an unhandled 'error'). */
async function write(stream: WriteStream, text: string): Promise<void> {
  const failed = (stream as WriteStream & { failure?: Error }).failure;
  if (failed) throw failed;
  if (!stream.write(text)) await once(stream, 'drain');
}

async function end(stream: WriteStream): Promise<void> {
  const failed = (stream as WriteStream & { failure?: Error }).failure;
  if (failed) throw failed;
  stream.end();
  await once(stream, 'finish');
}

/** Keeps a stream's error for the next write to throw, so it never escapes as an unhandled 'error' event. */
function holdErrors(stream: WriteStream): WriteStream {
  stream.on('error', (error) => {
    (stream as WriteStream & { failure?: Error }).failure = error;
  });
  return stream;
}

/** Opens `<base>.csv` and `<base>.json` for streaming rows into. */
export function openManifest(base: string): ManifestWriter {
  const csvPath = `${base}.csv`;
  const jsonPath = `${base}.json`;
  const csvTmp = `${csvPath}.${process.pid}.tmp`;
  const jsonTmp = `${jsonPath}.${process.pid}.tmp`;
  // Opened here, not lazily by the stream: a folder that refuses files is an error the caller can catch.
  const csvFd = openSync(csvTmp, 'w');
  let jsonFd: number;
  try {
    jsonFd = openSync(jsonTmp, 'w');
  } catch (error) {
    closeSync(csvFd);
    rmSync(csvTmp, { force: true });
    throw error;
  }
  const csv = holdErrors(createWriteStream(csvTmp, { fd: csvFd }));
  const json = holdErrors(createWriteStream(jsonTmp, { fd: jsonFd }));
  let first = true;
  csv.write('\ufeff' + columns.join(',') + '\r\n'); // BOM: spreadsheet programs then read UTF-8 names right
  json.write('[\n');
  return {
    async add(entry) {
      const { localFailure: _never, ...shown } = entry;
      await write(csv, csvRow(shown));
      await write(json, (first ? '' : ',\n') + JSON.stringify(shown));
      first = false;
    },
    async abandon() {
      for (const stream of [csv, json]) {
        if (stream.closed) continue;
        const closed = once(stream, 'close').catch(() => undefined);
        stream.destroy();
        await closed;
      }
      rmSync(csvTmp, { force: true });
      rmSync(jsonTmp, { force: true });
    },
    async close() {
      json.write('\n]\n');
      await Promise.all([end(csv), end(json)]);
      renameSync(csvTmp, csvPath);
      renameSync(jsonTmp, jsonPath);
      return { csv: csvPath, json: jsonPath };
    },
  };
}
