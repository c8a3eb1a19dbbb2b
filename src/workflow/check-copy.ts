/**
 * `check-copy` as one workflow step: read an existing letter (DOCX, PDF or
 * text), find its copy sentence and compare it with who para 17 says gets the
 * letter, for the school the request names. Returns the comparison as data.
 */
import { resolve } from 'node:path';
import {
  checkCopyList,
  LetterReadError,
  NoCopySentenceError,
  readLetterText,
  type CopyCheck,
} from '../check-copy/index.js';
import { exitCodes, type ExitCode } from '../ground/exit-codes.js';
import type { SchoolFacts } from '../register/school-facts.js';
import type { RecipientList } from '../rules/types.js';
import type { WorkflowContext } from './context.js';
import type { Outcome } from './outcome.js';
import { schoolRecipients, type SchoolRequest } from './recipients.js';

export type CopyCheckOutcome = Outcome<{ facts: SchoolFacts; list: RecipientList; check: CopyCheck }>;

export type { CopyCheck };

/** The letter's copy sentence against para 17; `letter` as the user named it (relative to the io's cwd). */
export async function checkLetterCopy(
  context: WorkflowContext,
  request: SchoolRequest & { letter: string },
): Promise<CopyCheckOutcome> {
  const decided = await schoolRecipients(context, request);
  if (!decided.ok) return decided;
  const { letter } = request;
  const refuse = (message: string, exitCode: ExitCode): CopyCheckOutcome => ({
    ok: false,
    message,
    exitCode,
    diagnostics: decided.diagnostics,
  });
  let text: string;
  try {
    text = await readLetterText(resolve(context.io.cwd, letter));
  } catch (error) {
    if (error instanceof LetterReadError) return refuse(error.message, exitCodes.invalid);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return refuse(`cannot read the letter ${letter}: no such file`, exitCodes.usage);
    throw error;
  }
  const { school } = decided.facts;
  try {
    const check = checkCopyList(text, decided.list, { ...(school.name ? { name: school.name } : {}), urn: school.urn });
    return { ...decided, check };
  } catch (error) {
    if (error instanceof NoCopySentenceError) return refuse(`${letter}: ${error.message}`, exitCodes.invalid);
    throw error;
  }
}
