/**
 * The form on disk, which the page edits. Every save names the version it was
 * made from (a hash of the text it started from); when the file has changed
 * since (another tab, an editor), the save is refused rather than overwriting
 * that work. Saves are atomic: the file is never half-written.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { maxFormBytes } from '../evidence/load.js';

/** The largest form the page reads or saves, as the loader allows. */
export { maxFormBytes };
import { writeFileAtomic } from '../writers/write-atomic.js';

/** The version of a text: the start of its SHA-256 (the same text is the same version after a restart). */
export function versionOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 20);
}

/** The file changed since the page read it. */
export class StaleVersionError extends Error {
  constructor(readonly current: string) {
    super('stale version');
    this.name = 'StaleVersionError';
  }
}

/** The form's text is too large to be a form. */
export class FormTooLargeError extends Error {
  constructor() {
    super(`a form is at most ${maxFormBytes} characters`);
    this.name = 'FormTooLargeError';
  }
}

/** One form file: read it, and save over it only from its current version. */
export class FormFile {
  constructor(readonly path: string) {}

  /** The text on disk (UTF-8, a byte-order mark dropped) and its version. */
  read(): { text: string; version: string } {
    const raw = readFileSync(this.path, 'utf8');
    const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    return { text, version: versionOf(text) };
  }

  /** Saves `text` when the file is still at `base`; returns the new version. Saving the same text again is a no-op. */
  save(text: string, base: string): string {
    if (text.length > maxFormBytes) throw new FormTooLargeError();
    const current = this.read();
    const next = versionOf(text);
    if (current.version === next) return next;
    if (current.version !== base) throw new StaleVersionError(current.version);
    writeFileAtomic(this.path, text);
    return next;
  }
}
