/**
 * The folder the workspace is opened on, and the server's own listing of
 * it: every letter `status` finds there (one workflow call, statusReport),
 * each under an id made by the server. A request names a letter by that id
 * and a file by its place in the listing; no name a client sends is ever
 * joined to a path.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listForms } from '../../workflow/batch/run-batch.js';
import { londonDate } from '../../ground/calendar.js';
import { statusReport, type LetterRow } from '../../workflow/status-report.js';
import type { Holidays } from '../../workflow/context.js';

export interface WorkspaceFolder {
  /** The folder of forms, absolute, and as the user named it. */
  dir: string;
  name: string;
  /** Where letters, histories, the send journal and the outbox go (absolute), and as the user named it. */
  out: string;
  outName: string;
  /** The contacts file (absolute), from --contacts or the folder's contacts.yaml; absent when there is none. */
  contacts?: string;
  /** A GIAS register (absolute) for the LA check by URN. */
  register?: string;
  /** `smtp://host:port` to send through; the outbox otherwise. */
  smtp?: string;
}

/** A letter in the listing: its row from `status`, its id, and its forms' paths. */
export interface ListedLetter {
  id: string;
  row: LetterRow;
  /** The letter's forms, absolute, in the order of `row.forms`. */
  forms: string[];
}

/** The contacts file a folder brings with it, if any: contacts.yaml or contacts.yml. */
export function folderContacts(dir: string): string | undefined {
  return ['contacts.yaml', 'contacts.yml'].map((name) => join(dir, name)).find((path) => existsSync(path));
}

/** Forms in the folder: its YAML and JSON files, less the contacts file (which is not a form). */
function formFiles(folder: WorkspaceFolder): string[] {
  return listForms(folder.dir).filter((path) => path !== folder.contacts && !/^contacts\.ya?ml$/i.test(basename(path)));
}

/** An id for a letter: its URN and last visit day where the form gives them, else a digest of its form's name. */
function letterId(row: LetterRow): string {
  if (row.urn !== undefined && row.visitDate !== undefined) return `${row.urn}-${row.visitDate}`;
  return `form-${createHash('sha256').update(row.form).digest('hex').slice(0, 12)}`;
}

/** Every letter in the folder as `status` judges it today, overdue first. */
export async function listLetters(
  folder: WorkspaceFolder,
  now: Date,
  holidays: Holidays,
): Promise<{ today: string; letters: ListedLetter[] }> {
  const today = londonDate(now);
  const files = formFiles(folder);
  const rows = await statusReport(
    files.map((path) => ({ path, shown: basename(path) })),
    { outDir: folder.out, today, holidays },
  );
  const letters = rows.map((row) => ({
    id: letterId(row),
    row,
    forms: row.forms.map((shown) => join(folder.dir, shown)),
  }));
  return { today, letters };
}

/** The letter with this id in a fresh listing, or undefined. */
export async function findLetter(
  folder: WorkspaceFolder,
  id: string,
  now: Date,
  holidays: Holidays,
): Promise<ListedLetter | undefined> {
  return (await listLetters(folder, now, holidays)).letters.find((letter) => letter.id === id);
}

/** A file a letter may be finalised against: where it is (absolute) and how the page names it. */
export interface DraftCandidate {
  path: string;
  shown: string;
}

const letterFile = /\.(docx|md|txt)$/i;

/**
 * What the HMI's draft of a letter can be: one of its forms, a draft the
 * drafting page wrote into the output folder, or a letter file in the folder
 * whose name starts with the URN (as the HMI's DOCX is usually named).
 */
export function draftCandidates(folder: WorkspaceFolder, letter: ListedLetter): DraftCandidate[] {
  const candidates: DraftCandidate[] = letter.forms.map((path) => ({ path, shown: basename(path) }));
  const { urn, visitDate } = letter.row;
  if (urn === undefined) return candidates;
  const look = (dir: string, prefix: string, shownDir: string) => {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(prefix) && letterFile.test(name) && !/-(final|redline)\.docx$/i.test(name)) {
        candidates.push({ path: join(dir, name), shown: shownDir ? `${shownDir}/${name}` : name });
      }
    }
  };
  look(folder.out, `${urn}-${visitDate ?? ''}-draft`, folder.outName);
  look(folder.dir, urn, '');
  return candidates;
}
