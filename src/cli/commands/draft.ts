import type { Command } from '../command.js';
import { parseFormats } from '../format-option.js';
import { outputFormats } from '../../ground/formats.js';
import { prepareContext } from '../../workflow/context.js';
import { draftToFolder } from '../../workflow/draft-files.js';
import { printDraft } from '../draft-report.js';

export const draftCommand: Command = {
  command: 'draft <form>',
  describe: 'Render the letter (DOCX, PDF, Markdown, HTML, JSON) from an evidence form; gaps show as markers',
  builder: (y) =>
    y
      .positional('form', { type: 'string', describe: 'The visit-evidence form (YAML or JSON)' })
      .option('out', { type: 'string', default: 'output', describe: 'Folder to write the letter into' })
      .option('format', {
        type: 'string',
        describe: `Formats to write, comma-separated: ${outputFormats.join(',')} (default: all)`,
      })
      .option('final', {
        type: 'boolean',
        default: false,
        describe:
          'Make the final letter, dated today unless the form gives letter.date; refuses while anything para 16 requires is missing',
      })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing final letter' })
      .option('templates', { type: 'string', describe: 'A folder of templates overriding the bundled wording' })
      .option('register', { type: 'string', describe: 'A GIAS register extract (CSV) for the school’s facts' })
      .example('$0 draft visit.yaml', 'every format into output/')
      .example('$0 draft visit.yaml --format pdf,docx --register edubasealldata.csv', 'facts from the register'),
  run: async (args, io) => {
    const form = String(args.form);
    const context = prepareContext(io, { templates: typeof args.templates === 'string' ? args.templates : undefined });
    const outcome = await draftToFolder(context, {
      form,
      out: String(args.out ?? 'output'),
      formats: parseFormats(args.format),
      final: args.final === true,
      force: args.force === true,
      register: typeof args.register === 'string' ? args.register : undefined,
    });
    return printDraft(outcome, form, io);
  },
};
