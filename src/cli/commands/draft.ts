import { relative, resolve } from 'node:path';
import type { Command } from '../command.js';
import { exitCodes, UserError, type Io } from '../../ground/io.js';
import { parseFormats } from '../format-option.js';
import { loadTemplates } from '../../workflow/context.js';
import { outputFormats, type OutputFormat } from '../../ground/formats.js';
import { londonDate } from '../../ground/calendar.js';
import { englandBankHolidays } from '../../rules/holidays.js';
import { draftFormFile, existingFinalFiles, writeLetterFiles, type DraftMade } from '../../workflow/draft.js';
import { ensureOutDir, writeFailure } from '../../workflow/out-dir.js';
import { printDiagnostics } from '../../ground/diagnostics-text.js';

export interface DraftRequest {
  form: string;
  out: string;
  formats: OutputFormat[];
  final: boolean;
  force: boolean;
  templates?: string;
  register?: string;
}

/** What a draft run wrote. */
export interface DraftRun {
  code: number;
  written: string[];
  made?: DraftMade;
}

/** The whole of `draft` (parse → load → draft → write → print), callable by `example` too. */
export async function runDraft(request: DraftRequest, io: Io): Promise<DraftRun> {
  const drafted = await draftFormFile(
    { file: request.form, cwd: io.cwd, register: request.register },
    {
      status: request.final ? 'final' : 'draft',
      formats: request.formats,
      templates: loadTemplates(request.templates, io),
      holidays: englandBankHolidays(),
      today: londonDate(io.now()),
    },
  );
  const { load } = drafted;
  const source = { file: request.form, text: load.loaded.text };
  if (!('outcome' in drafted)) {
    printDiagnostics(io, load.diagnostics, source);
    io.stderr(`${request.form}: the form is not valid; no letter was drafted\n`);
    return { code: drafted.load.exitCode, written: [] };
  }
  const outcome = drafted.outcome;
  printDiagnostics(io, [...load.diagnostics, ...outcome.diagnostics], source);
  if (!outcome.ok) {
    io.stderr(
      outcome.reason === 'missing-glyph'
        ? `${request.form}: no letter was drafted; to write the other formats, leave out pdf with --format\n`
        : outcome.reason === 'templates'
          ? `the templates do not fit the letter model; no letter was drafted\n`
          : `${request.form}: a final letter cannot be made until the errors above are put right\n`,
    );
    return { code: exitCodes.invalid, written: [] };
  }
  const outDir = resolve(io.cwd, request.out);
  const shown = (path: string): string => relative(io.cwd, path) || path;
  const existing = request.force ? [] : existingFinalFiles(outcome, outDir);
  if (existing.length > 0) {
    throw new UserError(`a final letter already exists: ${existing.map(shown).join(', ')}; use --force to replace it`);
  }
  ensureOutDir(outDir, request.out);
  const written = writeLetterFiles(outcome, { outDir, force: request.force, at: io.now().toISOString() });
  for (const path of written.written) io.stdout(`Wrote ${shown(path)}\n`);
  const failure = written.failures[0];
  if (failure) {
    if (failure.exists) {
      throw new UserError(`a final letter already exists: ${shown(failure.path)}; use --force to replace it`);
    }
    throw writeFailure(failure.error, shown(failure.path));
  }
  return { code: exitCodes.ok, written: written.written, made: outcome };
}

/** `draft <form>`: renders the letter into output/ as <URN>-<visit date>-<draft|final>.<ext>. */
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
    const request: DraftRequest = {
      form: String(args.form),
      out: String(args.out ?? 'output'),
      formats: parseFormats(args.format),
      final: args.final === true,
      force: args.force === true,
      ...(typeof args.templates === 'string' ? { templates: args.templates } : {}),
      ...(typeof args.register === 'string' ? { register: args.register } : {}),
    };
    return (await runDraft(request, io)).code;
  },
};
