/**
 * `example` as one workflow step (what `npm start` runs): draft the bundled
 * example form in every format into the output folder, with its copy list
 * and its deadlines as text and as an iCalendar file beside the letter.
 */
import { join, resolve } from 'node:path';
import { firstVisitDay } from '../evidence/visit-dates.js';
import { outputFormats } from '../ground/formats.js';
import { exitCodes, UserError } from '../ground/io.js';
import { packageRoot } from '../ground/package-root.js';
import { generatorName } from '../ground/version.js';
import type { Deadline, RecipientList } from '../rules/types.js';
import { deadlinesCalendar } from '../writers/ics.js';
import { writeFileAtomic } from '../writers/write-atomic.js';
import type { WorkflowContext } from './context.js';
import { draftToFolder, shownPath, type DraftFilesOutcome } from './draft-files.js';

/** The bundled example form. */
export function exampleFormPath(): string {
  return join(packageRoot(), 'fixtures', 'forms', 'example.yaml');
}

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

export interface ExampleOutcome {
  draft: DraftFilesOutcome;
  /** The copy list, deadlines and calendar files written beside the letter. */
  extra: string[];
  /** A file that could not be written, after those in `extra` were. */
  stopped?: UserError;
}

/** Drafts the example letter into `out`, then its copy list, deadlines and calendar beside it. */
export async function draftExample(context: WorkflowContext, request: { out: string }): Promise<ExampleOutcome> {
  const { io } = context;
  const draft = await draftToFolder(context, {
    form: exampleFormPath(),
    out: request.out,
    formats: [...outputFormats],
    final: false,
    force: false,
  });
  if (!draft.ok || draft.stopped) return { draft, extra: [] };
  const letter = draft.made.letter;
  const { document, recipients, deadlines } = letter;
  const base = join(resolve(io.cwd, request.out), `${document.meta.urn}-${document.meta.visitDate}`);
  const files: [string, string][] = [[`${base}-deadlines.txt`, deadlinesText(deadlines)]];
  if (recipients) files.unshift([`${base}-recipients.txt`, recipientsText(recipients)]);
  const visitDate = firstVisitDay(letter.form) || document.meta.visitDate;
  files.push([
    `${base}-deadlines.ics`,
    deadlinesCalendar({
      deadlines,
      school: { urn: document.meta.urn, name: letter.form.school.name },
      visitDate,
      stamp: io.now(),
      product: generatorName,
    }),
  ]);
  const extra: string[] = [];
  for (const [path, text] of files) {
    try {
      writeFileAtomic(path, text);
    } catch (error) {
      const message = `cannot write ${shownPath(io.cwd, path)}: ${(error as Error).message}`;
      return { draft, extra, stopped: new UserError(message, exitCodes.outside) };
    }
    extra.push(path);
  }
  return { draft, extra };
}
