import type { Command } from '../command.js';
import { exitCodes, type Io } from '../../ground/io.js';
import { prepareContext } from '../../workflow/context.js';
import { shownPath } from '../../workflow/draft-files.js';
import { draftExample, exampleFormPath } from '../../workflow/example.js';
import { printDraft } from '../draft-report.js';

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
    const form = exampleFormPath();
    io.stdout(`Drafting the bundled example (${shownPath(io.cwd, form)})\n`);
    const outcome = await draftExample(prepareContext(io), { out });
    const code = printDraft(outcome.draft, form, io);
    if (code !== exitCodes.ok) return code;
    for (const path of outcome.extra) io.stdout(`Wrote ${shownPath(io.cwd, path)}\n`);
    if (outcome.stopped) throw outcome.stopped;
    return exitCodes.ok;
  },
};
