/** How `draft` and `example` show a drafted letter: diagnostics, why no letter was made, each file written. */
import { printDiagnostics } from '../ground/diagnostics-text.js';
import { exitCodes, type Io } from '../ground/io.js';
import { shownPath, type DraftFilesOutcome } from '../workflow/draft-files.js';

/** Prints the outcome and returns the exit code; a file that could not be written is thrown, after those written. */
export function printDraft(outcome: DraftFilesOutcome, form: string, io: Io): number {
  printDiagnostics(io, outcome.diagnostics, outcome.source);
  if (!outcome.ok) {
    io.stderr(
      outcome.reason === 'invalid-form'
        ? `${form}: the form is not valid; no letter was drafted\n`
        : outcome.reason === 'missing-glyph'
          ? `${form}: no letter was drafted; to write the other formats, leave out pdf with --format\n`
          : outcome.reason === 'templates'
            ? `the templates do not fit the letter model; no letter was drafted\n`
            : `${form}: a final letter cannot be made until the errors above are put right\n`,
    );
    return outcome.exitCode;
  }
  for (const path of outcome.written) io.stdout(`Wrote ${shownPath(io.cwd, path)}\n`);
  if (outcome.stopped) throw outcome.stopped;
  return exitCodes.ok;
}
