/**
 * Finds the final letter to send (para 17: the ISP sends the final version).
 * `draft <form> --final` writes `<URN>-<visit date>-final.pdf` (and .docx);
 * a draft is refused, and a missing letter names every file looked for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvidenceForm } from '../evidence/schema.js';
import { historyPath, readHistory } from '../ground/history.js';

export interface FinalLetter {
  pdfPath: string;
  pdf: Buffer;
  docxPath?: string;
  docx?: Buffer;
  /** The letter's version: from the PDF's LetterStatus, else the letter's history, else 1. */
  version: number;
  /** The visit date in the file name. */
  visitDate: string;
}

export class FinalLetterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FinalLetterError';
  }
}

/** The visit dates a letter's file may be named by: the last visit day first, then the first. */
export function letterDates(form: EvidenceForm): string[] {
  const dates = form.visit.dates;
  const first = dates[0]!;
  const last = dates[dates.length - 1] ?? first;
  return [...new Set([last, first])];
}

/** Reads the letter status the PDF writer records (`/LetterStatus (final v2)`, `<ml:status>draft</ml:status>`). */
export function pdfLetterStatus(pdf: Buffer): { status?: 'draft' | 'final'; version?: number } {
  const text = pdf.toString('latin1');
  const literal = /\/LetterStatus\s*\((draft|final)(?: v(\d+))?\)/.exec(text);
  const xmp = /<ml:status>(draft|final)<\/ml:status>/.exec(text);
  const status = (literal?.[1] ?? xmp?.[1]) as 'draft' | 'final' | undefined;
  const version = literal?.[2] ? Number(literal[2]) : undefined;
  return { ...(status ? { status } : {}), ...(version ? { version } : {}) };
}

/** The final letter for a form in `letterDir`, or a FinalLetterError saying what was looked for. */
export function findFinalLetter(form: EvidenceForm, letterDir: string): FinalLetter {
  const urn = form.school.urn;
  const dates = letterDates(form);
  const candidates = dates.map((date) => ({ date, pdfPath: join(letterDir, `${urn}-${date}-final.pdf`) }));
  const found = candidates.find((c) => existsSync(c.pdfPath));
  if (!found) {
    const drafts = dates
      .flatMap((date) => [`${urn}-${date}.pdf`, `${urn}-${date}-draft.pdf`])
      .map((name) => join(letterDir, name))
      .filter((path) => existsSync(path));
    const looked = candidates.map((c) => c.pdfPath).join(' or ');
    const draftNote = drafts.length > 0 ? ` Only a draft was found (${drafts.join(', ')}); a draft is never sent.` : '';
    throw new FinalLetterError(
      `no final letter for URN ${urn}: looked for ${looked}.${draftNote} Finalise it first: \`monitoring-letter finalise <form> --draft <the HMI’s draft>\`.`,
    );
  }
  const pdf = readFileSync(found.pdfPath);
  const stamp = pdfLetterStatus(pdf);
  if (stamp.status === 'draft') {
    throw new FinalLetterError(`${found.pdfPath} is marked as a draft inside the file; only a final letter is sent`);
  }
  const docxPath = found.pdfPath.replace(/\.pdf$/, '.docx');
  const docx = existsSync(docxPath) ? readFileSync(docxPath) : undefined;
  const history = readHistory(historyPath(letterDir, urn, found.date)).events;
  const historyVersion = [...history].reverse().find((e) => e.version !== undefined)?.version;
  return {
    pdfPath: found.pdfPath,
    pdf,
    ...(docx ? { docxPath, docx } : {}),
    version: stamp.version ?? historyVersion ?? 1,
    visitDate: found.date,
  };
}
