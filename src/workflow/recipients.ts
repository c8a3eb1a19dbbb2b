/**
 * `recipients` as one workflow step: the school's facts (from the form, the
 * register, or both) and who gets the letter and why (para 17). Returns data;
 * the command prints it. A failure says what to put right and its exit code.
 */
import { exitCodes } from '../ground/exit-codes.js';
import { loadSchoolFacts, SchoolFactsError, type SchoolFacts } from '../register/school-facts.js';
import { decideCopyList } from '../rules/letter-decisions.js';
import type { RecipientList } from '../rules/types.js';
import type { WorkflowContext } from './context.js';
import type { Outcome } from './outcome.js';

export type { SchoolFacts, RecipientList };

/** Where the school's facts come from: a form, a URN in a register extract, or both. */
export interface SchoolRequest {
  form?: string | undefined;
  urn?: string | undefined;
  register?: string | undefined;
}

export type SchoolFactsOutcome = Outcome<{ facts: SchoolFacts }>;

/** The school's facts, or why there are none; the form's and the register's diagnostics either way. */
export async function schoolFacts(context: WorkflowContext, request: SchoolRequest): Promise<SchoolFactsOutcome> {
  try {
    const facts = await loadSchoolFacts({ ...request, cwd: context.io.cwd });
    return { ok: true, facts, diagnostics: facts.diagnostics };
  } catch (error) {
    if (error instanceof SchoolFactsError) {
      const exitCode = error.kind === 'usage' ? exitCodes.usage : exitCodes.invalid;
      return { ok: false, message: error.message, exitCode, diagnostics: error.diagnostics };
    }
    if (error instanceof Error && error.name === 'RegisterError') {
      return { ok: false, message: error.message, exitCode: exitCodes.invalid, diagnostics: [] };
    }
    throw error;
  }
}

export type RecipientsOutcome = Outcome<{ facts: SchoolFacts; list: RecipientList }>;

/** Who gets the letter for the school the request names, and why (para 17). */
export async function schoolRecipients(context: WorkflowContext, request: SchoolRequest): Promise<RecipientsOutcome> {
  const loaded = await schoolFacts(context, request);
  if (!loaded.ok) return loaded;
  const { facts, diagnostics } = loaded;
  // With no form, the facts are the register's: a fact not known is said in its words (src/rules/fact-words.ts).
  const copyList = decideCopyList(facts, { factsFrom: facts.form ? 'form' : 'register' });
  if (copyList.decided) return { ok: true, facts, list: copyList.list, diagnostics };
  const message = `cannot decide who gets the letter: ${copyList.problem.message}`;
  return { ok: false, message, exitCode: exitCodes.invalid, diagnostics };
}
