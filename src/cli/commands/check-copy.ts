import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkLetterCopies, type CopyCheck } from '../../workflow/check-copy.js';
import type { Command } from '../command.js';
import { exitCodes, UserError } from '../../ground/io.js';
import { printDiagnosticLines } from '../outcome.js';

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
  for (const note of check.notes) lines.push(`  NOTE     ${note}`);
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
        describe:
          'Print { ok, school, letter, warnings, sentence, found, matched, missing, extra, namedDifferently, notes }',
      })
      .example('$0 check-copy letter.pdf visit.yaml', 'the letter’s copy sentence against para 17')
      .example('$0 check-copy letter.docx --urn 121190 --register edubasealldata.csv', 'facts from the register'),
  run: async (args, io) => {
    const letter = String(args.letter);
    let bytes: Buffer;
    try {
      bytes = readFileSync(resolve(io.cwd, letter));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UserError(`cannot read the letter ${letter}: no such file`, exitCodes.usage);
      if (code === 'EISDIR') throw new UserError(`cannot read the letter ${letter}: it is a folder`, exitCodes.usage);
      throw error;
    }
    const outcome = await checkLetterCopies({
      letter: { name: letter, bytes },
      form: typeof args.form === 'string' ? args.form : undefined,
      urn: args.urn === undefined ? undefined : String(args.urn),
      register: typeof args.register === 'string' ? args.register : undefined,
      cwd: io.cwd,
    });
    printDiagnosticLines(outcome.diagnostics, io);
    if (!outcome.ok) {
      throw new UserError(outcome.message, outcome.problem === 'usage' ? exitCodes.usage : exitCodes.invalid);
    }
    const check = outcome.check;
    if (args.json === true) {
      const {
        ok,
        school,
        letter: named,
        warnings,
        sentence,
        found,
        matched,
        missing,
        extra,
        namedDifferently,
        notes,
      } = check;
      const json = {
        ...{ ok, school, letter: named, warnings, sentence, found, matched, missing, extra, namedDifferently },
        notes,
      };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      io.stdout(report(check, letter));
    }
    return check.ok ? exitCodes.ok : exitCodes.invalid;
  },
};
