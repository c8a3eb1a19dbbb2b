import { join, relative, resolve } from 'node:path';
import type { Command } from '../command.js';
import { exitCodes, UserError, type Io } from '../../ground/io.js';
import { packageRoot } from '../../ground/package-root.js';
import { outputFormats } from '../../ground/formats.js';
import type { Deadline, RecipientList } from '../../rules/types.js';
import { generatorName } from '../../ground/version.js';
import { deadlinesCalendar } from '../../writers/ics.js';
import { writeFileAtomic } from '../../writers/write-atomic.js';
import { firstVisitDay } from '../../evidence/visit-dates.js';
import { runDraft } from './draft.js';

/** The copy list as a person reads it: to whom, each copy and why, and who is not copied and why. */
function recipientsText(list: RecipientList): string {
  const lines = [`To: ${list.to.name} (${list.to.reason})`, '', 'Copied to:'];
  for (const c of list.copies) lines.push(`  ${c.name}: ${c.reason} (para ${c.paragraph})`);
  if (list.notCopied.length > 0) {
    lines.push('', 'Not copied:');
    for (const n of list.notCopied) lines.push(`  ${n.role}: ${n.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

function deadlinesText(deadlines: readonly Deadline[]): string {
  const lines = deadlines.map((d) => `${d.date}  ${d.description} (para ${d.paragraph}; ${d.basis})`);
  lines.push(
    '',
    'Working days: Monday to Friday except England\u2019s bank holidays; the visit\u2019s last day is day 0.',
  );
  return `${lines.join('\n')}\n`;
}

/** `example`: drafts the bundled example form in every format into output/, with its copy list and deadlines. */
export const exampleCommand: Command = {
  command: 'example',
  describe: 'Draft the bundled example letter in every format into output/, with its copy list and deadlines',
  builder: (y) =>
    y
      .option('out', { type: 'string', default: 'output', describe: 'Folder to write into' })
      .example('$0 example', 'what `npm start` runs')
      .example('$0 example --out /tmp/letters', 'somewhere else'),
  run: async (args, io: Io) => {
    const out = String(args.out ?? 'output');
    const form = join(packageRoot(), 'fixtures', 'forms', 'example.yaml');
    io.stdout(`Drafting the bundled example (${relative(io.cwd, form) || form})\n`);
    const result = await runDraft({ form, out, formats: [...outputFormats], final: false, force: false }, io);
    if (result.code !== exitCodes.ok || !result.made) return result.code;
    const letter = result.made.letter;
    const { document, recipients, deadlines } = letter;
    const base = join(resolve(io.cwd, out), `${document.meta.urn}-${document.meta.visitDate}`);
    const extra: [string, string][] = [[`${base}-deadlines.txt`, deadlinesText(deadlines)]];
    if (recipients) extra.unshift([`${base}-recipients.txt`, recipientsText(recipients)]);
    const visitDate = firstVisitDay(letter.form) || document.meta.visitDate;
    extra.push([
      `${base}-deadlines.ics`,
      deadlinesCalendar({
        deadlines,
        school: { urn: document.meta.urn, name: letter.form.school.name },
        visitDate,
        stamp: io.now(),
        product: generatorName,
      }),
    ]);
    for (const [path, text] of extra) {
      try {
        writeFileAtomic(path, text);
      } catch (error) {
        throw new UserError(`cannot write ${relative(io.cwd, path)}: ${(error as Error).message}`, exitCodes.outside);
      }
      io.stdout(`Wrote ${relative(io.cwd, path)}\n`);
    }
    return exitCodes.ok;
  },
};
