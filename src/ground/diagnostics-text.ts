/**
 * How the CLI shows diagnostics: compiler-style lines (with the source line
 * and a caret under it on a terminal), a summary, or the stable JSON report.
 */
import { formatDiagnostic, hasErrors, type Diagnostic, type Severity } from './diagnostics.js';
import type { Io } from './io.js';

/** One diagnostic in the `--json` report; the fields and their order are stable. */
export interface JsonDiagnostic {
  severity: Severity;
  message: string;
  path: Array<string | number>;
  /** 1-based; null only when the file itself could not be read. */
  line: number | null;
  column: number | null;
  rule: string;
  /** A guidance rule's finding: which of the rule's messages (templates/messages/en.yaml, under the rule id). */
  code?: string;
  paragraph?: string;
  file?: string;
}

/** The `--json` report: `ok` is false when any diagnostic is an error. */
export interface JsonReport {
  ok: boolean;
  diagnostics: JsonDiagnostic[];
}

/** Builds the `--json` report. */
export function jsonReport(diagnostics: readonly Diagnostic[]): JsonReport {
  return {
    ok: !hasErrors(diagnostics),
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      message: d.message,
      path: [...d.path],
      line: d.line ?? null,
      column: d.column ?? null,
      rule: d.rule,
      ...(d.code !== undefined ? { code: d.code } : {}),
      ...(d.paragraph !== undefined ? { paragraph: d.paragraph } : {}),
      ...(d.file !== undefined ? { file: d.file } : {}),
    })),
  };
}

/** Options for the terminal form. */
export interface PrintOptions {
  /** Show the source line and a caret under the place (on a terminal). */
  showSource: boolean;
  /** ANSI colour for the severity. */
  colour: boolean;
}

const colours: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' };
const reset = '\u001b[0m';
const dim = '\u001b[2m';

/** The source line a diagnostic points at, with a caret line under it; '' when unknown. */
export function sourceExcerpt(d: Diagnostic, text: string | undefined, colour = false): string {
  if (text === undefined || d.line === undefined) return '';
  const line = text.split('\n')[d.line - 1]?.replace(/\r$/, '');
  if (line === undefined) return '';
  const column = Math.max(1, Math.min(d.column ?? 1, line.length + 1));
  const endColumn =
    d.endLine === d.line && d.endColumn !== undefined && d.endColumn > column
      ? Math.min(d.endColumn, line.length + 1)
      : column + 1;
  // Tabs are shown as single spaces so the caret stays under its character.
  const shown = line.replace(/\t/g, ' ');
  const gutter = `${String(d.line).padStart(5)} | `;
  const marks = '^' + '~'.repeat(Math.max(0, endColumn - column - 1));
  const caret = `${' '.repeat(gutter.length - 2)}| ${' '.repeat(column - 1)}${colour ? colours[d.severity] : ''}${marks}${colour ? reset : ''}`;
  return `${colour ? dim : ''}${gutter}${colour ? reset : ''}${shown}\n${caret}\n`;
}

/** Compiler-style lines for the diagnostics, each followed by its source line when asked. */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: PrintOptions,
): string {
  let out = '';
  for (const d of diagnostics) {
    // A file that could not be read has no line to point at: `visit.yaml: error cannot find visit.yaml (file/not-found)`.
    let line = d.line === undefined ? formatDiagnostic(d).replace(/^(.*?):1:1 /, '$1: ') : formatDiagnostic(d);
    if (options.colour) line = line.replace(` ${d.severity} `, ` ${colours[d.severity]}${d.severity}${reset} `);
    out += `${line}\n`;
    if (options.showSource)
      out += sourceExcerpt(d, d.file === undefined ? undefined : sources.get(d.file), options.colour);
  }
  return out;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning in visit.yaml" (or "in 3 forms"). */
export function summaryLine(diagnostics: readonly Diagnostic[], files: readonly string[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const notes = diagnostics.filter((d) => d.severity === 'info').length;
  const parts = [count(errors, 'error'), count(warnings, 'warning')];
  if (notes > 0) parts.push(count(notes, 'note'));
  const where = files.length === 1 ? (files[0] ?? '') : `${files.length} forms`;
  return `${parts.join(', ')} in ${where}`;
}

/** A file's name and the text read from it (undefined when it could not be read). */
export interface SourceText {
  file: string;
  text: string | undefined;
}

/** Prints diagnostics to stderr like a compiler, with the form's source lines on a terminal. */
export function printDiagnostics(
  io: Io,
  diagnostics: readonly Diagnostic[],
  source?: SourceText | readonly SourceText[],
): void {
  if (diagnostics.length === 0) return;
  const sources = new Map<string, string>();
  for (const s of source === undefined ? [] : 'file' in source ? [source] : source) {
    if (s.text !== undefined) sources.set(s.file, s.text);
  }
  io.stderr(formatDiagnostics(diagnostics, sources, { showSource: io.isTTY, colour: useColour(io) }));
}

/** Colour on a terminal, unless NO_COLOR is set. */
export function useColour(io: Io): boolean {
  return io.isTTY && io.env.NO_COLOR === undefined;
}
