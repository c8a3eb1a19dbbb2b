/**
 * One kind of diagnostic for every stage: schema validation, rule checks,
 * template checks and the register all report problems as this data.
 * The CLI alone decides how to print them.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A path into the form, e.g. ['inspection', 'areasForImprovement', 2]. */
export type FormPath = ReadonlyArray<string | number>;

export interface Diagnostic {
  severity: Severity;
  /** Human-readable: what was found, what was expected. */
  message: string;
  /** Where in the form ([] for the whole form). */
  path: FormPath;
  /** 1-based line and column of the value, when the source is known. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Stable rule id, e.g. 'schema/unknown-key', 'para-17/...'. */
  rule: string;
  /** Which of the rule's messages, e.g. 'before-visit': its entry under the rule id in templates/messages/en.yaml. */
  code?: string;
  /** The guidance paragraph the rule comes from, e.g. '16' or 'footnote 6'. */
  paragraph?: string;
  /** The file the diagnostic is about, when known. */
  file?: string;
}

/** Where a value sits in its source text. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Maps a form path to the closest source position we know. */
export type Locate = (path: FormPath) => SourceRange | undefined;

/** Adds line/column to diagnostics that have a path but no position. */
export function placeDiagnostics(diagnostics: readonly Diagnostic[], locate: Locate, file?: string): Diagnostic[] {
  return diagnostics.map((d) => {
    const placed: Diagnostic = { ...d };
    if (placed.line === undefined) {
      const range = locate(d.path);
      if (range) {
        placed.line = range.line;
        placed.column = range.column;
        placed.endLine = range.endLine;
        placed.endColumn = range.endColumn;
      }
    }
    if (file !== undefined && placed.file === undefined) placed.file = file;
    return placed;
  });
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Renders a path the way a user reads it: inspection.areasForImprovement[2]. */
export function formatPath(path: FormPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** Compiler-style line: `visit.yaml:14:3 error message (rule)`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file ?? '<form>', d.line ?? 1, d.column ?? 1].join(':');
  const path = d.path.length > 0 ? ` at ${formatPath(d.path)}` : '';
  const para = d.paragraph ? `, para ${d.paragraph}` : '';
  return `${where} ${d.severity} ${d.message}${path} (${d.rule}${para})`;
}
