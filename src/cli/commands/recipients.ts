import { formatDiagnostic, type Diagnostic } from '../../ground/diagnostics.js';
import { loadSchoolFacts, SchoolFactsError, type SchoolFacts } from '../../register/school-facts.js';
import { RecipientsError, resolveRecipients } from '../../rules/recipients.js';
import type { RecipientList } from '../../rules/types.js';
import type { Command } from '../command.js';
import { exitCodes, UserError, type Io } from '../../ground/io.js';

/** Prints the form's and the register's diagnostics (warnings, or the errors that stopped the command). */
export function printDiagnosticLines(diagnostics: readonly Diagnostic[], io: Io): void {
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
}

/**
 * The school's facts for a command, with every failure turned into a UserError.
 * Warnings go to stderr unless `keepWarnings`: then the caller presents them (facts.diagnostics).
 */
export async function schoolFactsFor(
  args: Record<string, unknown>,
  io: Io,
  options: { keepWarnings?: boolean } = {},
): Promise<SchoolFacts> {
  try {
    const facts = await loadSchoolFacts({
      form: typeof args.form === 'string' ? args.form : undefined,
      urn: args.urn === undefined ? undefined : String(args.urn),
      register: typeof args.register === 'string' ? args.register : undefined,
      cwd: io.cwd,
    });
    if (options.keepWarnings !== true) printDiagnosticLines(facts.diagnostics, io);
    return facts;
  } catch (error) {
    if (error instanceof SchoolFactsError) {
      printDiagnosticLines(error.diagnostics, io);
      throw new UserError(error.message, error.kind === 'usage' ? exitCodes.usage : exitCodes.invalid);
    }
    if (error instanceof Error && error.name === 'RegisterError') throw new UserError(error.message, exitCodes.invalid);
    throw error;
  }
}

/** The para 17 list, with a missing or unknown fact turned into a UserError naming it. */
export function recipientsFor(facts: SchoolFacts): RecipientList {
  try {
    // With no form, the facts are the register's: a fact not known is said in its words (src/rules/fact-words.ts).
    return resolveRecipients(facts.school, facts.headteacher, { factsFrom: facts.form ? 'form' : 'register' });
  } catch (error) {
    if (error instanceof RecipientsError) {
      throw new UserError(`cannot decide who gets the letter: ${error.message}`, exitCodes.invalid);
    }
    throw error;
  }
}

function text(
  list: RecipientList,
  facts: SchoolFacts,
  explain: boolean,
  registerWarnings: readonly Diagnostic[],
): string {
  const school = facts.school.name ? `${facts.school.name} (URN ${facts.school.urn})` : `URN ${facts.school.urn}`;
  const lines = [
    school,
    '',
    `To: ${list.to.name}`,
    `    ${list.to.reason} (para ${list.to.paragraph})`,
    '',
    'Copies (para 17):',
  ];
  for (const c of list.copies) lines.push(`  ${c.name}`, `    ${c.role}: ${c.reason}`);
  if (explain) {
    lines.push('', 'Not copied:');
    for (const n of list.notCopied) lines.push(`  ${n.role}: ${n.reason}`);
  }
  const warnings = list.warnings ?? [];
  if (warnings.length + registerWarnings.length > 0) {
    lines.push('', 'Warnings (para 17):');
    for (const d of registerWarnings) lines.push(`  register: ${d.message}`);
    for (const w of warnings) lines.push(`  ${w.role}: ${w.message}`);
  }
  return lines.join('\n') + '\n';
}

/** `recipients (<form> | --urn N --register FILE) [--json] [--explain]`: who gets the letter, and why. */
export const recipientsCommand: Command = {
  command: 'recipients [form]',
  describe: 'Who gets the letter and who is copied (para 17), and why',
  builder: (y) =>
    y
      .positional('form', { type: 'string', describe: 'The visit-evidence form (YAML or JSON)' })
      .option('urn', { type: 'string', describe: 'The school\u2019s URN, looked up in --register' })
      .option('register', {
        type: 'string',
        describe: 'A GIAS "all establishment data" CSV extract; with a form, its facts fill the form\u2019s gaps',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe:
          'Print { to, copies: [{ role, name, reason, paragraph }], notCopied: [{ role, reason }], warnings: [{ role, message, path }] }',
      })
      .option('explain', { type: 'boolean', default: false, describe: 'Also list the roles not copied, and why' })
      .example('$0 recipients visit.yaml --explain', 'the copy list, with who is not copied and why')
      .example('$0 recipients --urn 121190 --register edubasealldata.csv', 'from the register alone'),
  run: async (args, io) => {
    // An LA officer with the register alone sees its warnings in the Warnings section, in the register's words.
    const registerOnly = typeof args.form !== 'string' && args.json !== true;
    const facts = await schoolFactsFor(args, io, { keepWarnings: registerOnly });
    const list = recipientsFor(facts);
    if (args.json === true) {
      const json = { to: list.to, copies: list.copies, notCopied: list.notCopied, warnings: list.warnings ?? [] };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      io.stdout(text(list, facts, args.explain === true, registerOnly ? facts.diagnostics : []));
    }
    return exitCodes.ok;
  },
};
