/**
 * Loads an evidence form from YAML or JSON text into a validated form plus
 * diagnostics with positions. Never throws on any input: every problem with
 * the text, its YAML and its content is a diagnostic.
 *
 * Parsing is the `yaml` package's (YAML 1.2 core schema, whatever the file's
 * %YAML directive says: 2014-03-12 stays text, `yes` stays text, and tags such
 * as !!timestamp are not resolved), with its node ranges for positions.
 */
import { readFileSync, statSync } from 'node:fs';
import { CST, LineCounter, Parser, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostic, Locate } from '../ground/diagnostics.js';
import { makeLocators, pathAtOffset, rangeOf } from './locate.js';
import { issueDiagnostics } from './issues.js';
import { sourceMessages } from './messages.js';
import { form as formSchema, type EvidenceForm } from './schema.js';
import { formatPath } from '../ground/diagnostics.js';
import { bracketScan, readValuesFast } from './fast-parse.js';
import { partialForm, type PartialForm } from './partial-form.js';

/** What loading a form gives: the form when it is valid, every diagnostic, and a position finder. */
export interface LoadResult {
  form?: EvidenceForm;
  diagnostics: Diagnostic[];
  /** Maps any form path to the nearest existing node's position (for rule diagnostics). */
  locate: Locate;
  /** The text that was read (after decoding), for printing source lines; absent when the file was unreadable. */
  text?: string;
  /**
   * When the form reads but the schema refuses some values: the rest of it, as if those values were
   * missing, so the later checks still run (src/evidence/partial-form.ts). Absent when a value the
   * form cannot do without was refused.
   */
  partial?: PartialForm;
}

/** The largest form accepted: real forms are tens of kilobytes. */
export const maxFormBytes = 5_000_000;

/**
 * Keys and list items at most: checking keys are unique and placing each
 * problem take time growing with the square of their number, so a generated
 * file of 200,000 keys would run for many minutes. Real forms have a few hundred.
 */
export const maxFormEntries = 10_000;

/** Below this many characters a form cannot hold enough entries to be slow; the count is skipped. */
const entryCheckFrom = 64_000;

/** The number of keys and list items in the text, counted on the CST (linear); stops past the limit. */
function entryCount(source: string): number {
  let count = 0;
  try {
    for (const token of new Parser().parse(source)) {
      if (token.type !== 'document') continue;
      CST.visit(token, () => (++count > maxFormEntries ? CST.visit.BREAK : undefined));
      if (count > maxFormEntries) break;
    }
  } catch {
    return 0; // nesting too deep for the CST: the parse below reports it
  }
  return count;
}

/** Aliases expanded at most (guards against "billion laughs" documents). */
const maxAliasCount = 1_000;

const noPosition: Locate = () => undefined;

/** In the order of the source, as a compiler lists them. */
function bySource(a: Diagnostic, b: Diagnostic): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** Diagnostic at a character offset of the text. */
function atOffset(
  lineCounter: LineCounter,
  offset: number,
  d: Omit<Diagnostic, 'line' | 'column'>,
  end = offset,
): Diagnostic {
  return { ...d, ...rangeOf(lineCounter, offset, end) };
}

function lineCounterFor(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}

/** The first character no text file holds (NUL and the other C0 controls but tab, CR and LF). */
function firstControlCharacter(text: string): number {
  // eslint-disable-next-line no-control-regex
  const match = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  return match ? match.index : -1;
}

/**
 * Loads and validates a form from its text; `file` names it in diagnostics (and `.json` selects JSON's errors).
 * `fast: false` reads every form with positions (the test that both ways agree).
 */
export function loadForm(text: string, file: string, options: { fast?: boolean } = {}): LoadResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineCounter = lineCounterFor(source);
  const base = { file, path: [] as const, severity: 'error' as const };

  if (source.length > maxFormBytes) {
    const message = sourceMessages['file/too-large']({ size: source.length, limit: maxFormBytes });
    return { diagnostics: [{ ...base, message, rule: 'file/too-large', line: 1, column: 1 }], locate: noPosition };
  }
  if (source.length > entryCheckFrom && entryCount(source) > maxFormEntries) {
    const message = sourceMessages['file/too-many-entries']({ limit: maxFormEntries });
    return {
      diagnostics: [{ ...base, message, rule: 'file/too-many-entries', line: 1, column: 1 }],
      locate: noPosition,
    };
  }
  const brackets = bracketScan(source);
  if (brackets.deepest > maxFlowDepth) {
    // Refused before any parser recurses into it: a stack overflow deep in a parser can take the process down.
    return {
      diagnostics: [{ ...base, message: sourceMessages['yaml/too-deep'](), rule: 'yaml/too-deep', line: 1, column: 1 }],
      locate: noPosition,
    };
  }
  const control = firstControlCharacter(source);
  if (control >= 0) {
    const message = sourceMessages['file/binary']({ code: source.charCodeAt(control) });
    const d = atOffset(lineCounter, control, { ...base, message, rule: 'file/binary' });
    return { diagnostics: [d], locate: noPosition, text: source };
  }
  if (/\.json$/i.test(file)) {
    const jsonProblem = jsonSyntax(source, lineCounter, file);
    if (jsonProblem) return { diagnostics: [jsonProblem], locate: noPosition, text: source };
  }

  // A form that reads and passes the schema without a finding needs no position now: positions are found
  // only when a later check (the rules) has something to place (fast-parse.ts).
  const fast = options.fast === false ? undefined : readValuesFast(source, brackets.opened);
  if (fast !== undefined) {
    const parsed = formSchema.safeParse(fast);
    if (parsed.success) return { form: parsed.data, diagnostics: [], locate: locateLater(source), text: source };
  }
  return loadWithPositions(source, lineCounter, file);
}

const yamlOptions = {
  prettyErrors: false,
  version: '1.2',
  schema: 'core',
  resolveKnownTags: false,
  uniqueKeys: true,
  // 'error', not 'silent': 'silent' also drops the multiple-documents error; warnings are never printed.
  logLevel: 'error',
  keepSourceTokens: false,
} as const;

/** A position finder that parses the text with positions the first time it is asked. */
function locateLater(source: string): Locate {
  let locate: Locate | undefined;
  return (path) => {
    locate ??= makeLocators(parseDocument(source, yamlOptions), lineCounterFor(source)).locate;
    return locate(path);
  };
}

/**
 * The full way: the `yaml` package's document with every node's position, so
 * each diagnostic names its line and column. `loadForm` takes it for every
 * form the fast way does not read cleanly (and for all, with `fast: false`).
 */
function loadWithPositions(source: string, lineCounter: LineCounter, file: string): LoadResult {
  const base = { file, path: [] as const, severity: 'error' as const };
  const doc = parseDocument(source, yamlOptions);
  const locators = makeLocators(doc, lineCounter);
  // After the first syntax error the rest are mostly its echoes: report that one, and every duplicate key.
  const firstSyntaxError = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  const reported = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY' || e === firstSyntaxError);
  const diagnostics: Diagnostic[] = [...reported, ...doc.warnings].map((e) =>
    yamlDiagnostic(e, doc, source, lineCounter, file),
  );
  const result = (extra: Diagnostic[], form?: EvidenceForm, partial?: PartialForm): LoadResult => ({
    ...(form ? { form } : {}),
    ...(partial ? { partial } : {}),
    diagnostics: [...diagnostics, ...extra].sort(bySource),
    locate: locators.locate,
    text: source,
  });
  // Duplicate keys leave a usable document; any other YAML error does not.
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return result([]);

  if (doc.contents === null) {
    return result([{ ...base, message: sourceMessages['form/empty'](), rule: 'form/empty', line: 1, column: 1 }]);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const range = locators.locate([]) ?? { line: 1, column: 1 };
    return result([{ ...base, ...range, message: sourceMessages['yaml/alias']({ reason }), rule: 'yaml/alias' }]);
  }
  const parsed = formSchema.safeParse(data);
  if (parsed.success) {
    return result([], doc.errors.length === 0 ? parsed.data : undefined);
  }
  // The schema's refusals are reported; the rest of the form is kept for the later checks.
  return result(
    issueDiagnostics(parsed.error.issues, formSchema, data, locators, file),
    undefined,
    partialForm(data, parsed.error.issues),
  );
}

/** JSON's own syntax error, placed where JSON.parse stopped, or undefined when the JSON parses. */
function jsonSyntax(source: string, lineCounter: LineCounter, file: string): Diagnostic | undefined {
  try {
    JSON.parse(source);
    return undefined;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/ in JSON at position \d+.*$/, '');
    const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '');
    const offset = position ? Math.min(Number(position[1]), source.length) : source.trimEnd().length;
    // A comma before a closing bracket: point at the comma, the usual slip.
    const comma = /,\s*$/.exec(source.slice(0, offset));
    if (comma && /^[}\]]/.test(source.slice(offset))) {
      return atOffset(lineCounter, comma.index, {
        file,
        path: [],
        severity: 'error',
        message: sourceMessages['json/trailing-comma'](),
        rule: 'json/syntax',
      });
    }
    return atOffset(lineCounter, offset, {
      file,
      path: [],
      severity: 'error',
      message: sourceMessages['json/syntax']({ reason }),
      rule: 'json/syntax',
    });
  }
}

function yamlDiagnostic(
  error: YAMLError,
  doc: Document,
  source: string,
  lineCounter: LineCounter,
  file: string,
): Diagnostic {
  const [start, end] = error.pos;
  const offset = Math.min(Math.max(0, start), source.length);
  // A broken document's shape is not to be trusted: only keys and tags get a path.
  const trusted = error.code === 'DUPLICATE_KEY' || error.code === 'TAG_RESOLVE_FAILED';
  const path = trusted ? pathAtOffset(doc, offset) : [];
  const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const severity = error.name === 'YAMLWarning' ? 'warning' : 'error';
  const make = (rule: string, message: string): Diagnostic =>
    atOffset(lineCounter, offset, { file, path, severity, rule, message }, Math.min(end, source.length));
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = String(path[path.length - 1] ?? '');
      const parent = path.slice(0, -1);
      const first = firstKeyLine(doc, parent, key, lineCounter);
      return make(
        'yaml/duplicate-key',
        sourceMessages['yaml/duplicate-key']({
          key,
          parent: formatPath(parent),
          ...(first !== undefined ? { firstLine: first } : {}),
        }),
      );
    }
    case 'TAB_AS_INDENT':
      return make('yaml/tab-indent', sourceMessages['yaml/tab-indent']());
    case 'BAD_INDENT':
      return make('yaml/bad-indent', sourceMessages['yaml/bad-indent']({ reason }));
    case 'MULTIPLE_DOCS':
      return make('yaml/multiple-documents', sourceMessages['yaml/multiple-documents']());
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      if (/:(\s|$)/.test(restOfLine(source, offset))) {
        return make('yaml/colon-in-value', sourceMessages['yaml/colon-in-value']());
      }
      const indented = overIndentedLine(source, offset);
      if (indented !== undefined) {
        return atOffset(lineCounter, indented, {
          file,
          path,
          severity,
          rule: 'yaml/bad-indent',
          message: sourceMessages['yaml/over-indented'](),
        });
      }
      return make('yaml/syntax', sourceMessages['yaml/syntax']({ reason }));
    }
    case 'MISSING_CHAR': {
      const opening = /quote/.test(reason) ? openQuoteBefore(doc, offset) : undefined;
      if (opening !== undefined) {
        const message = sourceMessages['yaml/unclosed-quote']({ line: lineCounter.linePos(offset).line });
        return atOffset(lineCounter, opening, { file, path, severity, rule: 'yaml/syntax', message });
      }
      return make('yaml/syntax', sourceMessages['yaml/syntax']({ reason }));
    }
    case 'TAG_RESOLVE_FAILED':
      return make(
        'yaml/unknown-tag',
        sourceMessages['yaml/unknown-tag']({ tag: reason.replace(/^.*: /, '').replace(/^tag:yaml\.org,2002:/, '!!') }),
      );
    default:
      if (/Maximum call stack/.test(reason)) return make('yaml/too-deep', sourceMessages['yaml/too-deep']());
      return make('yaml/syntax', sourceMessages['yaml/syntax']({ reason }));
  }
}

/** Deeper than any form nests its lists and mappings written in brackets. */
const maxFlowDepth = 500;

/** The text from `offset` to the end of its line. */
function restOfLine(source: string, offset: number): string {
  const end = source.indexOf('\n', offset);
  return source.slice(offset, end < 0 ? undefined : end);
}

function indentOf(line: string): number {
  return /^ */.exec(line)?.[0].length ?? 0;
}

/**
 * The start of the line after `offset` when it is indented further than the line
 * holding `offset` and looks like a key: YAML then reads it as more of the value above.
 */
function overIndentedLine(source: string, offset: number): number | undefined {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const nextStart = source.indexOf('\n', offset) + 1;
  if (nextStart === 0) return undefined;
  const line = source.slice(lineStart, source.indexOf('\n', lineStart));
  const nextEnd = source.indexOf('\n', nextStart);
  const next = source.slice(nextStart, nextEnd < 0 ? undefined : nextEnd);
  if (indentOf(next) <= indentOf(line) || !/^\s*[^\s#][^:]*:(\s|$)/.test(next)) return undefined;
  return nextStart + indentOf(next);
}

/** Where the quoted value left open at the end of the text starts. */
function openQuoteBefore(doc: Document, offset: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (quoted && node.range && node.range[0] < offset && node.range[2] >= offset) found = node.range[0];
    },
  });
  return found;
}

/** The line of the first occurrence of `key` in the mapping at `parent`. */
function firstKeyLine(doc: Document, parent: readonly (string | number)[], key: string, lineCounter: LineCounter) {
  const mapping = parent.length === 0 ? doc.contents : doc.getIn(parent, true);
  const items = (mapping as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null)
    ?.items;
  const first = items?.find((p) => String(p.key?.value) === key);
  return first?.key?.range ? lineCounter.linePos(first.key.range[0]).line : undefined;
}

/**
 * Reads a form file and loads it. A file that cannot be read (not found, a
 * directory, no permission) gives one `file/*` diagnostic rather than a throw,
 * so several forms can be checked in one run; the CLI exits 2 for those.
 * Text must be UTF-8 (a BOM is accepted); UTF-16 and other encodings are diagnosed.
 */
export function loadFormFile(path: string, displayName: string = path): LoadResult {
  const base = { file: displayName, path: [] as const, severity: 'error' as const };
  let bytes: Buffer;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      const message = sourceMessages['file/is-directory']({ file: displayName });
      return { diagnostics: [{ ...base, message, rule: 'file/is-directory' }], locate: noPosition };
    }
    if (stats.size > maxFormBytes) {
      const message = sourceMessages['file/too-large']({ size: stats.size, limit: maxFormBytes });
      return { diagnostics: [{ ...base, message, rule: 'file/too-large', line: 1, column: 1 }], locate: noPosition };
    }
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const message = sourceMessages['file/not-found']({ file: displayName });
      return { diagnostics: [{ ...base, message, rule: 'file/not-found' }], locate: noPosition };
    }
    const reason = code === 'EACCES' ? 'permission denied' : error instanceof Error ? error.message : String(error);
    const message = sourceMessages['file/unreadable']({ file: displayName, reason });
    return { diagnostics: [{ ...base, message, rule: 'file/unreadable' }], locate: noPosition };
  }
  const decoded = decode(bytes, displayName);
  if ('diagnostic' in decoded) return { diagnostics: [decoded.diagnostic], locate: noPosition };
  return loadForm(decoded.text, displayName);
}

/** UTF-8 text, or a diagnostic placed on the first byte that is not UTF-8. */
function decode(bytes: Buffer, file: string): { text: string } | { diagnostic: Diagnostic } {
  const base = { file, path: [] as const, severity: 'error' as const };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { diagnostic: { ...base, message: sourceMessages['file/utf16'](), rule: 'file/utf16', line: 1, column: 1 } };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const index = Math.max(0, lenient.indexOf('\uFFFD'));
    const before = lenient.slice(0, index);
    const byte = bytes[Buffer.byteLength(before, 'utf8')] ?? 0;
    const shown = before.startsWith('\uFEFF') ? before.slice(1) : before;
    const range = rangeOf(lineCounterFor(shown), shown.length, shown.length);
    const message = sourceMessages['file/not-utf8']({ byte });
    return { diagnostic: { ...base, message, rule: 'file/not-utf8', line: range.line, column: range.column } };
  }
}
