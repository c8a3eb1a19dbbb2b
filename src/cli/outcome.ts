/** How a command shows a workflow outcome: its diagnostics one a line, and a refusal as the error main prints. */
import { formatDiagnostic, type Diagnostic } from '../ground/diagnostics.js';
import { UserError, type Io } from '../ground/io.js';
import type { Outcome } from '../workflow/outcome.js';

/** Prints diagnostics to stderr, one a line (warnings, or the errors that stopped the command). */
export function printDiagnosticLines(diagnostics: readonly Diagnostic[], io: Io): void {
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
}

/** Prints an outcome's diagnostics; a refusal becomes the UserError main prints with its exit code. */
export function printOutcome<T>(outcome: Outcome<T>, io: Io): T {
  printDiagnosticLines(outcome.diagnostics, io);
  if (!outcome.ok) throw new UserError(outcome.message, outcome.exitCode);
  return outcome;
}
