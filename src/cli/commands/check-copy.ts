import { exitCodes } from '../../ground/io.js';
import { checkLetterCopy, type CopyCheck } from '../../workflow/check-copy.js';
import { prepareContext } from '../../workflow/context.js';
import type { Command } from '../command.js';
import { printOutcome } from '../outcome.js';
import { schoolRequest } from '../school-options.js';

function report(check: CopyCheck, letter: string): string {
  const school = check.school;
  const checked = school ? (school.name ? `${school.name} (URN ${school.urn})` : `URN ${school.urn}`) : undefined;
  const lines = [...(checked ? [`School checked: ${checked}`] : []), `${letter}: "${check.sentence}"`, ''];
  for (const w of check.warnings) lines.push(`  WARNING  ${w}: is this letter for the school checked?`);
  for (const m of check.matched) lines.push(`  ok       ${m.role}: ${m.found}`);
  for (const m of check.missing)
    lines.push(`  MISSING  ${m.role}: ${m.name}`, `             ${m.reason} (para ${m.paragraph})`);
  for (const n of check.namedDifferently) {
    lines.push(`  DIFFERS  ${n.role}: the letter names ${n.found}`, `             ${n.reason} (para 17)`);
  }
  for (const e of check.extra)
    lines.push(
      `  EXTRA    ${e.role ?? (e.other ? 'not para 17' : 'not recognised')}: ${e.text}`,
      `             ${e.reason}`,
    );
  const differences = check.missing.length + check.extra.length + check.namedDifferently.length;
  lines.push(
    '',
    check.ok
      ? 'The letter is copied as para 17 requires.'
      : `${differences} difference${differences === 1 ? '' : 's'} from para 17.`,
  );
  return lines.join('\n') + '\n';
}

/** `check-copy <letter> (<form> | --urn N --register FILE) [--json]`: compares a letter's copy sentence with para 17. */
export const checkCopyCommand: Command = {
  command: 'check-copy <letter> [form]',
  describe: 'Check an existing letter (DOCX, PDF or text) was copied to whom para 17 requires',
  builder: (y) =>
    y
      .positional('letter', { type: 'string', describe: 'The letter: .docx, .pdf, .txt or .md' })
      .positional('form', { type: 'string', describe: 'The visit-evidence form (YAML or JSON)' })
      .option('urn', { type: 'string', describe: 'The school\u2019s URN, looked up in --register' })
      .option('register', { type: 'string', describe: 'A GIAS "all establishment data" CSV extract' })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print { ok, school, letter, warnings, sentence, found, matched, missing, extra, namedDifferently }',
      })
      .example('$0 check-copy letter.pdf visit.yaml', 'the letter’s copy sentence against para 17')
      .example('$0 check-copy letter.docx --urn 121190 --register edubasealldata.csv', 'facts from the register'),
  run: async (args, io) => {
    const letter = String(args.letter);
    const { check } = printOutcome(await checkLetterCopy(prepareContext(io), { ...schoolRequest(args), letter }), io);
    if (args.json === true) {
      const { ok, school, letter: named, warnings, sentence, found, matched, missing, extra, namedDifferently } = check;
      const json = { ok, school, letter: named, warnings, sentence, found, matched, missing, extra, namedDifferently };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      io.stdout(report(check, letter));
    }
    return check.ok ? exitCodes.ok : exitCodes.invalid;
  },
};
