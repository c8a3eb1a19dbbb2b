/**
 * Applies the page's field edits to the form's YAML text through the `yaml`
 * Document API, so comments, key order, blank lines and quoting the HMI wrote
 * survive an edit made in a field. The text stays the truth on disk.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document } from 'yaml';
import { parseOptions, spliceEdit, type EditPath, type KeyOrder } from './yaml-splice.js';

/** A path into the form, as the page's fields name it. */
export type { EditPath };

/** Set a value (a string, number, boolean, empty list or empty mapping), or remove it when `value` is absent. */
export interface FieldEdit {
  path: EditPath;
  value?: unknown;
  /** The value the page showed before this edit (`{}` when the field was not there); for the three-way check. */
  was?: { value?: unknown };
}

/** The text cannot be edited field by field until its YAML parses. */
export class YamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlEditError';
  }
}

/** Keeps long lines long and flow lists as written (`[a, b]`). */
const printOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/** The form's data as the fields show it, whether or not the form is valid; undefined when the YAML does not parse. */
export function formData(text: string): unknown {
  const doc = parseDocument(text, { ...parseOptions, uniqueKeys: false });
  if (doc.errors.length > 0) return undefined;
  try {
    return doc.toJS({ maxAliasCount: 1_000 }) ?? {};
  } catch {
    return undefined;
  }
}

function validPath(path: EditPath): boolean {
  return (
    Array.isArray(path) &&
    path.length > 0 &&
    path.length <= 12 &&
    path.every((p) => (typeof p === 'string' && p.length <= 100) || (Number.isInteger(p) && (p as number) >= 0))
  );
}

const isEmptyMapping = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;

function validValue(value: unknown): boolean {
  if (value === undefined || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  // A new list holds blank items at most (an "Add" on a list the form does not have yet).
  if (Array.isArray(value)) return value.length <= 1 && value.every((v) => v === '' || isEmptyMapping(v));
  return isEmptyMapping(value);
}

/** A scalar for `value`, printed as a block (`|-`) when it spans lines, so paragraphs read as typed. */
function scalarStyle(node: Scalar, value: unknown): void {
  const multiline = typeof value === 'string' && /\n/.test(value);
  if (multiline) node.type = Scalar.BLOCK_LITERAL;
  else if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) node.type = Scalar.PLAIN;
}

function setValue(doc: Document, path: EditPath, value: unknown): void {
  const existing = doc.getIn(path, true);
  if (isScalar(existing) && (typeof value !== 'object' || value === null)) {
    // An empty value had to be quoted (""); what replaces it is printed as the printer sees fit.
    if (existing.value === '' || existing.value === null) delete existing.type;
    existing.value = value;
    scalarStyle(existing, value);
    return;
  }
  const node = doc.createNode(value);
  if (isScalar(node)) scalarStyle(node, value);
  // A list item past the end is added; an index further out would leave holes.
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const last = path[path.length - 1];
  if (isSeq(parent) && typeof last === 'number' && last > parent.items.length) {
    throw new YamlEditError(`cannot add item ${last + 1}: the list has ${parent.items.length}`);
  }
  if (parent !== null && parent !== undefined && !isMap(parent) && !isSeq(parent) && path.length > 1) {
    throw new YamlEditError(`cannot set ${path.join('.')}: ${path.slice(0, -1).join('.')} is not a mapping or a list`);
  }
  doc.setIn(path, node);
}

/** What became of a batch of edits: the text after those that could be made, and why each other was not. */
export interface EditOutcome {
  text: string;
  /** Edits that named no field, or a value no field gives, or that the text could not take. */
  refused: { path: EditPath; message: string }[];
  /** Fields changed in the file since the page showed them, and changed on the page too: nothing done, the person asked. */
  conflicts: { path: EditPath; mine: unknown; theirs: unknown }[];
}

/** The value at `path` in plain data. */
export function valueAt(data: unknown, path: EditPath): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** The same data, whatever the order of the keys. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => same(v, b[i]));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => k in b && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

/** The text after one edit made with the Document printer (the whole file printed again). */
function printedEdit(text: string, edit: FieldEdit): string {
  const doc: Document = parseDocument(text, parseOptions);
  if (doc.contents === null) doc.contents = doc.createNode({});
  if (!('value' in edit) || edit.value === undefined) {
    if (doc.hasIn(edit.path)) doc.deleteIn(edit.path);
  } else setValue(doc, edit.path, edit.value);
  return doc.toString(printOptions);
}

/** One edit: its own lines changed where it can be placed by hand, checked to mean what the printer would. */
function oneEdit(text: string, edit: FieldEdit, keyOrder: KeyOrder | undefined): string {
  const printed = printedEdit(text, edit);
  const spliced = spliceEdit(text, edit.path, edit.value, keyOrder);
  if (spliced !== undefined && same(formData(spliced), formData(printed))) return spliced;
  return printed;
}

/**
 * Makes each edit it can, in order, and says why it did not make the others.
 * With `threeWay`, the page was behind the file: each edit carries the value
 * it replaced (`was`), and is made only where the file still has that value
 * (or already has the new one); where both changed, it is a conflict.
 * Throws YamlEditError only when the text itself does not parse.
 */
export function applyEditsChecked(
  text: string,
  edits: readonly FieldEdit[],
  options: { format?: 'yaml' | 'json'; threeWay?: boolean; keyOrder?: KeyOrder; anyValue?: boolean } = {},
): EditOutcome {
  const doc: Document = parseDocument(text, parseOptions);
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new YamlEditError(
      `the YAML text has an error${line !== undefined ? ` on line ${line}` : ''}: put it right in the YAML text before using the fields`,
    );
  }
  if (doc.contents !== null && !isMap(doc.contents))
    throw new YamlEditError('the form must be a mapping of sections (school:, visit: …)');
  const outcome: EditOutcome = { text, refused: [], conflicts: [] };
  const theirs = options.threeWay ? formData(text) : undefined;
  for (const edit of edits) {
    const path = Array.isArray(edit.path) ? edit.path : [];
    if (!validPath(path)) {
      outcome.refused.push({ path, message: 'an edit names no field of the form' });
      continue;
    }
    if (!options.anyValue && !validValue(edit.value)) {
      outcome.refused.push({ path, message: `the value for ${path.join('.')} is not one a field gives` });
      continue;
    }
    if (options.threeWay) {
      const now = valueAt(theirs, path);
      if (same(now, edit.value)) continue;
      if (!edit.was || !same(now, edit.was.value)) {
        outcome.conflicts.push({ path, mine: edit.value, theirs: now });
        continue;
      }
    }
    try {
      outcome.text = oneEdit(outcome.text, edit, options.keyOrder);
    } catch (e) {
      outcome.refused.push({
        path,
        message: e instanceof YamlEditError ? e.message : `cannot change ${path.join('.')}: ${(e as Error).message}`,
      });
    }
  }
  if (options.format === 'json' && outcome.text !== text) {
    outcome.text = `${JSON.stringify(formData(outcome.text), null, 2)}\n`;
  }
  return outcome;
}

/**
 * The text after the edits, comments kept; a JSON form stays JSON (two-space indents).
 * Throws YamlEditError when the text does not parse or an edit cannot apply.
 */
export function applyEdits(
  text: string,
  edits: readonly FieldEdit[],
  format: 'yaml' | 'json' = 'yaml',
  keyOrder?: KeyOrder,
): string {
  const outcome = applyEditsChecked(text, edits, { format, ...(keyOrder ? { keyOrder } : {}) });
  const refused = outcome.refused[0];
  if (refused) throw new YamlEditError(refused.message);
  return outcome.text;
}
