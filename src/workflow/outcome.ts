/**
 * The shape every workflow function's result takes when it can be refused:
 * the diagnostics found on the way (warnings, or the errors that stopped it)
 * and either the action's data or a sentence for the user with the exit code.
 */
import type { Diagnostic } from '../ground/diagnostics.js';
import type { ExitCode } from '../ground/exit-codes.js';

/** Why an action stopped: a sentence for the user and the exit code. */
export interface Refusal {
  ok: false;
  message: string;
  exitCode: ExitCode;
}

export type Outcome<T> = { diagnostics: Diagnostic[] } & ((T & { ok: true }) | Refusal);
