/**
 * Whether a batch writes a final letter or keeps the one already there,
 * decided from the letter's history: a letter that was sent is never
 * re-finalised by a batch (not even with --force: `finalise --force` makes a
 * new version, with its redline and who made it); a letter already final is
 * kept unless --force. Final files with no finalisation in the history were
 * left by a batch that stopped while writing them: --resume writes them whole.
 */
import { existsSync } from 'node:fs';
import { historyPath, readHistory } from '../../ground/history.js';
import { existingFinalFiles, type DraftMade } from '../draft.js';

export type FinalDecision =
  /** Keep what is there: `files` are the letter's existing files; `reason` goes to the manifest. */
  | { action: 'keep'; files: string[]; reason: string }
  /** Write the letter; `overwrite` replaces final files already there. */
  | { action: 'write'; overwrite: boolean };

const day = (at: string): string => at.slice(0, 10);

export function decideFinal(
  made: DraftMade,
  options: { outDir: string; force: boolean; resume: boolean },
): FinalDecision {
  const { urn, visitDate } = made.letter.document.meta;
  const file = historyPath(options.outDir, urn, visitDate);
  const events = existsSync(file) ? readHistory(file).events : [];
  const existing = existingFinalFiles(made, options.outDir);
  const sent = events.filter((e) => e.stage === 'sent').at(-1);
  if (sent) {
    return {
      action: 'keep',
      files: existing,
      reason:
        `already sent on ${day(sent.on ?? sent.at)} (version ${sent.version ?? 1}): a batch never replaces a sent letter; ` +
        '`finalise --force` makes a new version with its redline',
    };
  }
  const finalised = events.filter((e) => e.stage === 'finalised').at(-1);
  if (options.force) return { action: 'write', overwrite: true };
  if (finalised) {
    return {
      action: 'keep',
      files: existing,
      reason: `already final (version ${finalised.version ?? 1}, finalised ${day(finalised.at)}): not written again; --force replaces it`,
    };
  }
  // Files but no finalisation recorded: a run stopped while writing this letter.
  if (existing.length > 0 && options.resume) return { action: 'write', overwrite: true };
  return { action: 'write', overwrite: false };
}
