/**
 * `check-copy` as one workflow step (for LA officers): the school's facts
 * (a form, or a URN looked up in a GIAS register), the para 17 list they
 * call for, the received letter's text, and what its copy sentence misses,
 * adds or names differently. The letter comes as bytes with its name, so
 * an upload is read in memory and never written anywhere.
 */
import {
  checkCopyList,
  LetterReadError,
  NoCopySentenceError,
  readLetterBytes,
  type CopyCheck,
} from '../check-copy/index.js';
import type { Diagnostic } from '../ground/diagnostics.js';
import { loadSchoolFacts, SchoolFactsError } from '../register/school-facts.js';
import { decideCopyList } from '../rules/letter-decisions.js';

export type { CopyCheck };

export interface CheckCopyRequest {
  /** The received letter: its name (for its type, .docx, .pdf, .txt or .md) and its bytes. */
  letter: { name: string; bytes: Buffer };
  /** The school's facts: a form, as the user named it … */
  form?: string | undefined;
  /** … or a URN looked up in `register` (both: the form's facts, its gaps filled from the register). */
  urn?: string | undefined;
  register?: string | undefined;
  /** Relative paths are resolved against this. */
  cwd: string;
}

export type CheckCopyOutcome =
  | { ok: true; check: CopyCheck; diagnostics: Diagnostic[] }
  /** `usage`: the request names something that cannot be used; `invalid`: the letter or the facts are wrong. */
  | { ok: false; problem: 'usage' | 'invalid'; message: string; diagnostics: Diagnostic[] };

/** Checks a received letter's copy list against para 17 for the school; never throws for a user's mistake. */
export async function checkLetterCopies(request: CheckCopyRequest): Promise<CheckCopyOutcome> {
  let facts;
  try {
    facts = await loadSchoolFacts({
      form: request.form,
      urn: request.urn,
      register: request.register,
      cwd: request.cwd,
    });
  } catch (error) {
    if (error instanceof SchoolFactsError) {
      return { ok: false, problem: error.kind, message: error.message, diagnostics: error.diagnostics };
    }
    if (error instanceof Error && error.name === 'RegisterError') {
      return { ok: false, problem: 'invalid', message: error.message, diagnostics: [] };
    }
    throw error;
  }
  const refuse = (message: string): CheckCopyOutcome => ({
    ok: false,
    problem: 'invalid',
    message,
    diagnostics: facts.diagnostics,
  });
  // With no form, the facts are the register's: a fact not known is said in its words.
  const copyList = decideCopyList(facts, { factsFrom: facts.form ? 'form' : 'register' });
  if (!copyList.decided) return refuse(`cannot decide who gets the letter: ${copyList.problem.message}`);
  const list = copyList.list;
  let text: string;
  try {
    text = await readLetterBytes(request.letter.bytes, request.letter.name);
  } catch (error) {
    if (error instanceof LetterReadError) return refuse(error.message);
    throw error;
  }
  try {
    const check = checkCopyList(text, list, {
      ...(facts.school.name ? { name: facts.school.name } : {}),
      urn: facts.school.urn,
    });
    return { ok: true, check, diagnostics: facts.diagnostics };
  } catch (error) {
    if (error instanceof NoCopySentenceError) return refuse(`${request.letter.name}: ${error.message}`);
    throw error;
  }
}
