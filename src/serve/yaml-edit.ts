/**
 * Applies the page's field edits to the form's YAML text through the `yaml`
 * Document API, so comments, key order, blank lines and quoting the HMI wrote
 * survive an edit made in a field. The text stays the truth on disk.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document } from 'yaml';

/** A path into the form, as the page's fields name it. */
export type EditPath = ReadonlyArray<string | number>;

/** Set a value (a string, number, boolean, empty list or empty mapping), or remove it when `value` is absent. */
export interface FieldEdit {
  path: EditPath;
  value?: unknown;
}

/** The text cannot be edited field by field until its YAML parses. */
export class YamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlEditError';
  }
}

/** The same YAML reading as the form loader (YAML 1.2 core: 2014-03-12 stays text). */
const parseOptions = { version: '1.2', schema: 'core', resolveKnownTags: false, keepSourceTokens: false } as const;

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

function validValue(value: unknown): boolean {
  if (value === undefined || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.length === 0;
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0;
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

/**
 * The text after the edits, comments kept; a JSON form stays JSON (two-space indents).
 * Throws YamlEditError when the text does not parse or an edit cannot apply.
 */
export function applyEdits(text: string, edits: readonly FieldEdit[], format: 'yaml' | 'json' = 'yaml'): string {
  const doc: Document = parseDocument(text, parseOptions);
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new YamlEditError(
      `the YAML text has an error${line !== undefined ? ` on line ${line}` : ''}: put it right in the YAML text before using the fields`,
    );
  }
  if (doc.contents === null) doc.contents = doc.createNode({});
  if (!isMap(doc.contents)) throw new YamlEditError('the form must be a mapping of sections (school:, visit: …)');
  for (const edit of edits) {
    if (!validPath(edit.path)) throw new YamlEditError('an edit names no field of the form');
    if (!validValue(edit.value))
      throw new YamlEditError(`the value for ${edit.path.join('.')} is not one a field gives`);
    try {
      if (!('value' in edit) || edit.value === undefined) {
        if (doc.hasIn(edit.path)) doc.deleteIn(edit.path);
      } else setValue(doc, edit.path, edit.value);
    } catch (e) {
      if (e instanceof YamlEditError) throw e;
      throw new YamlEditError(`cannot change ${edit.path.join('.')}: ${(e as Error).message}`);
    }
  }
  if (format === 'json') return `${JSON.stringify(doc.toJS(), null, 2)}\n`;
  return doc.toString(printOptions);
}
