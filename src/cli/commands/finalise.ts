import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from '../command.js';
import { exitCodes, UserError, type Io } from '../io.js';
import { hasErrors, placeDiagnostics } from '../../diagnostics.js';
import { loadFormFile } from '../../evidence/load.js';
import { composeLetter, outputFileName, outputFormats } from '../../pipeline.js';
import { dayNumber, formatLongDate, fromDayNumber, londonDate } from '../../rules/calendar.js';
import { englandBankHolidays } from '../../rules/holidays.js';
import { DraftSourceError, readDraftSource, type DraftSource } from '../../workflow/draft-source.js';
import { formatChanges, lastFinalisation, nextVersion, planFinalise, type Lateness } from '../../workflow/finalise.js';
import { appendHistory, historyPath, readHistory } from '../../workflow/history.js';
import { missingGlyphDiagnostic } from '../../writers/missing-glyph.js';
import { MissingGlyphError } from '../../writers/pdf/index.js';
import { FileExistsError, writeFileAtomic } from '../../writers/write-atomic.js';
import { ensureOutDir } from '../out-dir.js';
import { loadTemplates, printDiagnostics } from './draft.js';
import { parseFormats } from '../format-option.js';

/** --date: a real calendar date written YYYY-MM-DD. */
function parseDate(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || fromDayNumber(dayNumber(text)) !== text) {
    throw new UserError(`--date ${text}: expected a date written YYYY-MM-DD, e.g. 2014-03-20`, exitCodes.usage);
  }
  return text;
}

/** --by, else the account's user name: the name Word shows on each tracked change. */
function finaliser(value: unknown, io: Io): string {
  const name = (typeof value === 'string' ? value : (io.env.USER ?? io.env.USERNAME ?? '')).trim();
  if (name === '') {
    throw new UserError('who is finalising the letter? Give your name with --by NAME', exitCodes.usage);
  }
  return name;
}

async function readDraft(file: string, options: Parameters<typeof readDraftSource>[1], io: Io): Promise<DraftSource> {
  try {
    return await readDraftSource(resolve(io.cwd, file), { ...options, displayName: file });
  } catch (error) {
    if (!(error instanceof DraftSourceError)) throw error;
    if (error.loaded) printDiagnostics(io, error.diagnostics, error.loaded, file);
    const unreadable = error.diagnostics.some((d) => d.rule.startsWith('file/')) || /cannot read/.test(error.message);
    throw new UserError(error.message, unreadable ? exitCodes.usage : exitCodes.invalid);
  }
}

function latenessWarning(lateness: Lateness, finalisedOn: string): string {
  const late =
    lateness.workingDaysLate === 1
      ? '1 working day late'
      : lateness.workingDaysLate > 0
        ? `${lateness.workingDaysLate} working days late`
        : 'after the deadline (no working day has passed since)';
  return (
    `warning: para 17: the final letter was due by ${formatLongDate(lateness.due)} (within 10 working days of the end of the visit, England); ` +
    `finalised on ${formatLongDate(finalisedOn)}, ${late}\n`
  );
}

interface FinaliseArgs {
  form: string;
  draft: string;
  by: string;
  out: string;
  on: string | undefined;
  force: boolean;
  templates: string | undefined;
  formats: ReturnType<typeof parseFormats>;
}

async function finalise(request: FinaliseArgs, io: Io): Promise<number> {
  const loaded = loadFormFile(resolve(io.cwd, request.form), request.form);
  if (!loaded.form || hasErrors(loaded.diagnostics)) {
    printDiagnostics(io, loaded.diagnostics, loaded, request.form);
    io.stderr(`${request.form}: the form is not valid; the letter was not finalised\n`);
    return loaded.diagnostics.some((d) => d.rule.startsWith('file/')) ? exitCodes.usage : exitCodes.invalid;
  }
  const templates = loadTemplates(request.templates, io);
  const holidays = englandBankHolidays();
  const letter = composeLetter(loaded.form, { status: 'final', templates, holidays });
  printDiagnostics(
    io,
    [...loaded.diagnostics, ...placeDiagnostics(letter.diagnostics, loaded.locate, request.form)],
    loaded,
    request.form,
  );
  const rendition = composeLetter(loaded.form, { status: 'draft', templates, holidays }).document;
  if (!letter.document || !rendition) {
    io.stderr(`${request.form}: a final letter cannot be made until the errors above are put right\n`);
    return exitCodes.invalid;
  }
  const document = letter.document;

  const outDir = resolve(io.cwd, request.out);
  const history = historyPath(outDir, document.meta.urn, document.meta.visitDate);
  const { events } = readHistory(history);
  const previous = lastFinalisation(events);
  const existing = request.formats
    .map((format) => join(outDir, outputFileName({ ...document, meta: { ...document.meta, status: 'final' } }, format)))
    .filter((path) => existsSync(path));
  if (!request.force && (previous || existing.length > 0)) {
    const what = previous
      ? `the letter was finalised already (version ${previous.version ?? 1}${previous.by ? ` by ${previous.by}` : ''}, ${previous.at.slice(0, 10)})`
      : `a final letter already exists: ${existing.map((path) => relative(io.cwd, path)).join(', ')}`;
    throw new UserError(`${what}; use --force to make version ${nextVersion(events)}`);
  }

  const draft = await readDraft(request.draft, { templates, holidays, meta: rendition.meta }, io);
  if (
    draft.kind === 'form' &&
    (draft.document.meta.urn !== document.meta.urn || draft.document.meta.visitDate !== document.meta.visitDate)
  ) {
    throw new UserError(
      `${request.draft} is the draft for URN ${draft.document.meta.urn}, visit ${draft.document.meta.visitDate}, but ${request.form} is for URN ${document.meta.urn}, visit ${document.meta.visitDate}`,
    );
  }

  const finalisedOn = request.on ?? londonDate(io.now());
  const stamp = { version: nextVersion(events), by: request.by, on: finalisedOn };
  let plan;
  try {
    plan = await planFinalise({
      letter: { ...letter, document },
      draftRendition: rendition,
      draft: draft.document,
      draftKind: draft.kind,
      stamp,
      formats: request.formats,
      holidays,
    });
  } catch (error) {
    if (!(error instanceof MissingGlyphError)) throw error;
    printDiagnostics(
      io,
      [missingGlyphDiagnostic(error, loaded.form, loaded.locate, request.form)],
      loaded,
      request.form,
    );
    io.stderr(
      `${request.form}: the letter was not finalised; to write the other formats, leave out pdf with --format\n`,
    );
    return exitCodes.invalid;
  }

  ensureOutDir(outDir, request.out);
  for (const file of plan.files) {
    const path = join(outDir, file.name);
    try {
      writeFileAtomic(path, file.content, { overwrite: file.kind !== 'final' || request.force });
    } catch (error) {
      if (error instanceof FileExistsError) {
        throw new UserError(`a final letter already exists: ${relative(io.cwd, path)}; use --force to replace it`);
      }
      throw new UserError(`cannot write ${relative(io.cwd, path)}: ${(error as Error).message}`, exitCodes.outside);
    }
    io.stdout(`Wrote ${relative(io.cwd, path) || path}\n`);
  }

  const at = io.now().toISOString();
  if (!events.some((event) => event.stage === 'draft-received')) {
    appendHistory(history, {
      stage: 'draft-received',
      at,
      ...(draft.kind === 'form' ? { by: draft.document.meta.author } : {}),
      files: [resolve(io.cwd, request.draft)],
    });
  }
  appendHistory(history, {
    stage: 'finalised',
    at,
    by: stamp.by,
    version: stamp.version,
    files: plan.files.map((file) => file.name),
    ...(request.on !== undefined ? { note: `finalised on ${request.on}` } : {}),
  });

  io.stdout(`Finalised version ${stamp.version} by ${stamp.by} on ${formatLongDate(stamp.on)}\n\n`);
  io.stdout(`Changes to the HMI’s draft:\n${formatChanges(plan.changes)}`);
  if (plan.lateness) io.stderr(latenessWarning(plan.lateness, stamp.on));
  return exitCodes.ok;
}

/** `finalise <form> --draft FILE`: the ISP's final letter, version-stamped, with a redline against the HMI's draft. */
export const finaliseCommand: Command = {
  command: 'finalise <form>',
  describe: 'make the final letter from the ISP’s edited form, with a redline DOCX against the HMI’s draft',
  builder: (y) =>
    y
      .positional('form', { type: 'string', describe: 'the ISP’s edited final form (YAML or JSON)' })
      .option('draft', {
        type: 'string',
        demandOption: true,
        describe: 'the HMI’s submitted draft: a form (.yaml, .json) or a letter (.docx, .md, .txt)',
      })
      .option('by', { type: 'string', describe: 'who finalises the letter (default: your user name)' })
      .option('out', { type: 'string', default: 'output', describe: 'folder to write the letter into' })
      .option('templates', { type: 'string', describe: 'a folder of templates overriding the bundled wording' })
      .option('format', {
        type: 'string',
        describe: `formats to write, comma-separated: ${outputFormats.join(',')} (default: all)`,
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'finalise again: replaces the final letter with the next version',
      })
      .option('date', { type: 'string', describe: 'the date of finalising, YYYY-MM-DD (default: today, London)' }),
  run: async (args, io) =>
    finalise(
      {
        form: String(args.form),
        draft: String(args.draft),
        by: finaliser(args.by, io),
        out: String(args.out ?? 'output'),
        on: parseDate(args.date),
        force: args.force === true,
        templates: typeof args.templates === 'string' ? args.templates : undefined,
        formats: parseFormats(args.format),
      },
      io,
    ),
};
