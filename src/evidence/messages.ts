/**
 * The one catalogue of the loader's wording. Problems are data (a code and
 * its parameters); this file alone turns them into English. Every message
 * says what was found and what would be valid.
 */

/** Describes a value as the user sees it in the form: `the number 5`, `text "yes"`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    if (value.trim() === '') return 'an empty value';
    return `text ${quote(value)}`;
  }
  // YAML's .nan and .inf (and digits too long for a number) are numbers too; say what they were written as.
  if (Number.isNaN(value)) return 'the value .nan (YAML for "not a number")';
  if (value === Infinity || value === -Infinity) return 'a number too large to hold (YAML reads it as infinity)';
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return `${String(value)}`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a mapping';
  return 'a value of an unknown kind';
}

/** A value shown in a message, shortened and on one line. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // Control characters are shown as escapes: printed raw they would garble the terminal.
  const oneLine = (text ?? String(value))
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine}"`;
}

function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`;
}

function where(parent: string): string {
  return parent === '' ? 'at the top of the form' : `in ${parent}`;
}

/** Wording of the schema problems, keyed by zod's issue code (plus `missing`, a required key left out). */
export const schemaMessages = {
  invalid_type: (p: { expected: string; found: unknown; hint?: string }) =>
    `expected ${p.expected}, found ${describeValue(p.found)}${p.hint ?? ''}`,
  missing: (p: { key: string; parent: string; expected: string }) =>
    `\`${p.key}\` is missing ${where(p.parent)}: expected ${p.expected}`,
  unrecognized_keys: (p: { key: string; parent: string; suggestion?: string; allowed: readonly string[] }) =>
    p.key === '<<'
      ? `merge key \`<<\` ${where(p.parent)}: forms are read as YAML 1.2, which has no merge keys; write the keys out in full (expected one of: ${p.allowed.join(', ')})`
      : p.suggestion !== undefined
        ? `unknown key \`${p.key}\` ${where(p.parent)}${didYouMean(p.suggestion)}`
        : `unknown key \`${p.key}\` ${where(p.parent)}; expected one of: ${p.allowed.join(', ')}`,
  invalid_value: (p: { found: unknown; values: readonly string[]; suggestion?: string }) =>
    `found ${describeValue(p.found)}, expected one of: ${p.values.join(', ')}${didYouMean(p.suggestion)}`,
  invalid_format: (p: { found: unknown; expected: string }) => `found ${describeValue(p.found)}: ${p.expected}`,
  invalid_date: (p: { found: string }) =>
    `${p.found} is not a date on the calendar: expected a real date written YYYY-MM-DD, e.g. 2014-03-12`,
  too_small: (p: { found: unknown; expected: string }) => withFound(p.expected, p.found),
  too_big: (p: { found: unknown; expected: string }) => withFound(p.expected, p.found),
  custom: (p: { found: unknown; expected: string }) => withFound(p.expected, p.found),
} as const;

/** A schema's own wording ("expected some text, found an empty value") completed with what was found. */
function withFound(expected: string, found: unknown): string {
  if (/\bfound\b/.test(expected) || /\bis not\b/.test(expected)) return expected;
  return `${expected}, found ${describeValue(found)}`;
}

/** zod's default wording for a number's bounds, said plainly. */
export function numberBound(kind: 'too_small' | 'too_big', bound: number, inclusive: boolean): string {
  if (kind === 'too_small') return inclusive ? `expected a number of at least ${bound}` : `expected more than ${bound}`;
  return inclusive ? `expected a number no greater than ${bound}` : `expected less than ${bound}`;
}

/** A hint for a value that is almost the expected kind: `yes` for true, a number written as text. */
export function typeHint(expected: string, found: unknown): string | undefined {
  if (expected === 'true or false' && typeof found === 'string') {
    const word = found.trim().toLowerCase();
    if (['yes', 'y', 'on'].includes(word)) return '; write true';
    if (['no', 'n', 'off'].includes(word)) return '; write false';
  }
  if (expected === 'text' && (typeof found === 'number' || typeof found === 'boolean')) {
    return '; put it in quotes to keep it as text';
  }
  if (expected.startsWith('a list of') && (typeof found === 'string' || typeof found === 'number')) {
    return '; write each item on its own line starting with "- "';
  }
  if (found === null) return '; fill it in or delete the key';
  return undefined;
}

/** Wording of problems with the file itself and with its YAML or JSON, keyed by rule id. */
export const sourceMessages = {
  'file/not-found': (p: { file: string }) => `cannot find ${p.file}: expected the path of a form (YAML or JSON)`,
  'file/is-directory': (p: { file: string }) => `${p.file} is a directory: expected the path of a form (YAML or JSON)`,
  'file/unreadable': (p: { file: string; reason: string }) => `cannot read ${p.file}: ${p.reason}`,
  'file/too-large': (p: { size: number; limit: number }) =>
    `the form is ${megabytes(p.size)}: expected a form of at most ${megabytes(p.limit)}; is this the right file?`,
  'file/too-many-entries': (p: { limit: number }) =>
    `the form has more than ${p.limit.toLocaleString('en-GB')} keys and list items: expected a form of at most that many; is this the right file?`,
  'yaml/too-deep': () =>
    'the form nests lists or mappings inside each other too deeply to read: expected a form a few levels deep; is this the right file?',
  'file/binary': (p: { code: number }) =>
    `found the control character U+${p.code.toString(16).toUpperCase().padStart(4, '0')}: expected a text file (YAML or JSON); is this a binary file such as a Word document?`,
  'file/not-utf8': (p: { byte: number }) =>
    `found the byte 0x${p.byte.toString(16).toUpperCase().padStart(2, '0')}, which is not UTF-8: save the form as UTF-8 text`,
  'file/utf16': () => 'the file is UTF-16 text: save the form as UTF-8',
  'form/empty': () =>
    'the form is empty: expected a mapping with at least `school`, `inspection` and `visit` (`monitoring-letter init` writes an example)',
  'json/syntax': (p: { reason: string }) => `not valid JSON: ${p.reason}`,
  'json/trailing-comma': () => 'found a comma after the last item: JSON allows no comma before } or ]',
  'yaml/over-indented': () =>
    'this line is indented further than the key above it, so YAML reads it as part of that value: expected the keys of one mapping to start in the same column',
  'yaml/unclosed-quote': (p: { line: number }) =>
    `found a quotation mark that is never closed (the file ends on line ${p.line} still inside it): expected a matching closing quote`,
  'yaml/duplicate-key': (p: { key: string; parent: string; firstLine?: number }) =>
    `\`${p.key}\` appears twice ${where(p.parent)}${p.firstLine === undefined ? '' : ` (first on line ${p.firstLine})`}: expected each key once`,
  'yaml/tab-indent': () => 'found a tab used for indentation: YAML indents with spaces only',
  'yaml/bad-indent': (p: { reason: string }) =>
    `${p.reason}: expected the keys of one mapping to start in the same column, indented with spaces`,
  'yaml/multiple-documents': () => 'found a second YAML document (after a `---` line): expected one form per file',
  'yaml/syntax': (p: { reason: string }) => `not valid YAML: ${p.reason}`,
  'yaml/colon-in-value': () =>
    'found ": " inside a value, which YAML reads as the start of a mapping: put the whole value in quotes',
  'yaml/unknown-tag': (p: { tag: string }) => `the tag ${p.tag} is not used in a form: the value is read as it stands`,
  'yaml/alias': (p: { reason: string }) => `cannot expand an alias (*name): ${p.reason}`,
} as const;

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
