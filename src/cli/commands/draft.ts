import { appendHistory, historyPath } from '../../workflow/history.js';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from '../command.js';
import { exitCodes, UserError, type Io } from '../io.js';
import { parseFormats } from '../format-option.js';
import { hasErrors, placeDiagnostics, type Diagnostic } from '../../diagnostics.js';
import { loadFormFile, type LoadResult } from '../../evidence/load.js';
import type { EvidenceForm } from '../../evidence/schema.js';
import { prepareTemplates, TemplatesError, type PreparedTemplates } from '../../letter/templates.js';
import type { LetterDocument } from '../../letter/tree.js';
import {
  composeLetter,
  outputFileName,
  outputFormats,
  renderFormat,
  type ComposedLetter,
  type OutputFormat,
} from '../../pipeline.js';
import { findRecordInRegister, RegisterError } from '../../register/read.js';
import { registerSchoolFromRecord } from '../../register/map.js';
import { englandBankHolidays } from '../../rules/holidays.js';
import { missingGlyphDiagnostic } from '../../writers/missing-glyph.js';
import { MissingGlyphError } from '../../writers/pdf/index.js';
import { FileExistsError, writeFileAtomic } from '../../writers/write-atomic.js';
import { ensureOutDir, writeFailure } from '../out-dir.js';
import { formatDiagnostics } from '../print.js';

export interface DraftRequest {
  form: string;
  out: string;
  formats: OutputFormat[];
  final: boolean;
  force: boolean;
  templates?: string;
  register?: string;
}

/** What a draft run wrote and skipped. */
export interface DraftResult {
  code: number;
  written: string[];
  letter?: ComposedLetter & { document: LetterDocument };
}

/** Prints a form's diagnostics to stderr like a compiler, with source excerpts on a terminal. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[], loaded: LoadResult, file: string): void {
  if (diagnostics.length === 0) return;
  const sources = new Map<string, string>();
  if (loaded.text !== undefined) sources.set(file, loaded.text);
  const colour = io.isTTY && io.env.NO_COLOR === undefined;
  io.stderr(formatDiagnostics(diagnostics, sources, { showSource: io.isTTY, colour }));
}

/** The register's facts for the school, under the form's own (the form wins where it says something). */
async function withRegister(form: EvidenceForm, file: string, io: Io): Promise<EvidenceForm> {
  let record;
  try {
    record = await findRecordInRegister(resolve(io.cwd, file), form.school.urn);
  } catch (error) {
    if (error instanceof RegisterError) throw new UserError(`${file}: ${error.message}`, exitCodes.invalid);
    throw new UserError(`cannot read the register ${file}: ${(error as Error).message}`, exitCodes.usage);
  }
  if (!record) throw new UserError(`${file}: no school with URN ${form.school.urn} in the register`);
  const fromRegister = registerSchoolFromRecord(record, file);
  const headteacher = form.headteacher ?? fromRegister.headteacher;
  return {
    ...form,
    school: { ...fromRegister.school, ...form.school },
    ...(headteacher ? { headteacher } : {}),
  };
}

/** The bundled templates overlaid by --templates DIR; a bad folder is a usage error. */
export function loadTemplates(dir: string | undefined, io: Io): PreparedTemplates {
  try {
    return prepareTemplates(dir === undefined ? undefined : resolve(io.cwd, dir));
  } catch (error) {
    if (error instanceof TemplatesError) throw new UserError(error.message, exitCodes.usage);
    throw error;
  }
}

/** Drafts one letter in the formats asked for; the whole of `draft`, callable by `example` too. */
export async function draftLetter(request: DraftRequest, io: Io): Promise<DraftResult> {
  const loaded = loadFormFile(resolve(io.cwd, request.form), request.form);
  const unreadable = loaded.diagnostics.some((d) => d.rule.startsWith('file/'));
  if (!loaded.form || hasErrors(loaded.diagnostics)) {
    printDiagnostics(io, loaded.diagnostics, loaded, request.form);
    io.stderr(`${request.form}: the form is not valid; no letter was drafted\n`);
    return { code: unreadable ? exitCodes.usage : exitCodes.invalid, written: [] };
  }
  const form = request.register ? await withRegister(loaded.form, request.register, io) : loaded.form;
  const templates = loadTemplates(request.templates, io);
  const status = request.final ? 'final' : 'draft';
  const letter = composeLetter(form, { status, templates, holidays: englandBankHolidays() });
  const diagnostics = placeDiagnostics(letter.diagnostics, loaded.locate, request.form);
  printDiagnostics(io, [...loaded.diagnostics, ...diagnostics], loaded, request.form);
  if (!letter.document) {
    io.stderr(
      request.final
        ? `${request.form}: a final letter cannot be made until the errors above are put right\n`
        : `the templates do not fit the letter model; no letter was drafted\n`,
    );
    return { code: exitCodes.invalid, written: [] };
  }
  const document = letter.document;
  const complete = { ...letter, document };

  const outDir = resolve(io.cwd, request.out);
  const targets = request.formats.map((format) => ({ format, path: join(outDir, outputFileName(document, format)) }));
  if (request.final && !request.force) {
    const existing = targets.filter((t) => existsSync(t.path));
    if (existing.length > 0) {
      throw new UserError(
        `a final letter already exists: ${existing.map((t) => relative(io.cwd, t.path)).join(', ')}; use --force to replace it`,
      );
    }
  }
  // Every format is rendered before any is written: a format that fails leaves no other half-written.
  const rendered: { format: OutputFormat; path: string; content: string | Uint8Array }[] = [];
  for (const { format, path } of targets) {
    try {
      rendered.push({ format, path, content: await renderFormat(format, complete) });
    } catch (error) {
      if (error instanceof MissingGlyphError) {
        printDiagnostics(io, [missingGlyphDiagnostic(error, form, loaded.locate, request.form)], loaded, request.form);
        io.stderr(`${request.form}: no letter was drafted; to write the other formats, leave out pdf with --format\n`);
        return { code: exitCodes.invalid, written: [] };
      }
      throw error;
    }
  }
  ensureOutDir(outDir, request.out);
  const written: string[] = [];
  for (const { path, content } of rendered) {
    try {
      writeFileAtomic(path, content, { overwrite: !request.final || request.force });
    } catch (error) {
      if (error instanceof FileExistsError) {
        throw new UserError(`a final letter already exists: ${relative(io.cwd, path)}; use --force to replace it`);
      }
      throw writeFailure(error, relative(io.cwd, path));
    }
    written.push(path);
    io.stdout(`Wrote ${relative(io.cwd, path) || path}\n`);
  }
  if (!request.final && written.length > 0) {
    // The letter's history: the HMI's draft now exists (`status` shows it; `finalise` takes it from here).
    appendHistory(historyPath(outDir, complete.document.meta.urn, complete.document.meta.visitDate), {
      stage: 'drafted',
      at: io.now().toISOString(),
      files: written.map((w) => relative(io.cwd, w) || w),
    });
  }
  return { code: exitCodes.ok, written, letter: complete };
}

/** `draft <form>`: renders the letter into output/ as <URN>-<visit date>-<draft|final>.<ext>. */
export const draftCommand: Command = {
  command: 'draft <form>',
  describe: 'render the letter (DOCX, PDF, Markdown, HTML, JSON) from an evidence form',
  builder: (y) =>
    y
      .positional('form', { type: 'string', describe: 'the visit-evidence form (YAML or JSON)' })
      .option('out', { type: 'string', default: 'output', describe: 'folder to write the letter into' })
      .option('format', {
        type: 'string',
        describe: `formats to write, comma-separated: ${outputFormats.join(',')} (default: all)`,
      })
      .option('final', {
        type: 'boolean',
        default: false,
        describe: 'make the final letter: refuses while anything para 16 requires is missing',
      })
      .option('force', { type: 'boolean', default: false, describe: 'replace an existing final letter' })
      .option('templates', { type: 'string', describe: 'a folder of templates overriding the bundled wording' })
      .option('register', { type: 'string', describe: 'a GIAS register extract (CSV) for the school’s facts' }),
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
    return (await draftLetter(request, io)).code;
  },
};
