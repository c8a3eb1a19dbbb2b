import type { Diagnostic } from '../../ground/diagnostics.js';
import { prepareContext, type WorkflowContext } from '../../workflow/context.js';
import { schoolRecipients, type RecipientList, type SchoolFacts } from '../../workflow/recipients.js';
import { printOutcome } from '../outcome.js';
import { schoolRequest } from '../school-options.js';
import type { Command } from '../command.js';
import { exitCodes } from '../../ground/io.js';

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
    const context: WorkflowContext = prepareContext(io);
    const outcome = await schoolRecipients(context, schoolRequest(args));
    const { facts, list } = printOutcome(outcome.ok && registerOnly ? { ...outcome, diagnostics: [] } : outcome, io);
    if (args.json === true) {
      const json = { to: list.to, copies: list.copies, notCopied: list.notCopied, warnings: list.warnings ?? [] };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      io.stdout(text(list, facts, args.explain === true, registerOnly ? facts.diagnostics : []));
    }
    return exitCodes.ok;
  },
};
