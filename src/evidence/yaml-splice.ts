/**
 * One field edit made to the YAML text itself: the edited value's own
 * characters are replaced, a new key or list item is inserted as new lines,
 * a removed one takes its own lines with it, and every other character of
 * the file (comments, commented-out examples, blank lines, key order, block
 * and flow styles) stays as the HMI wrote it. Where and how is read from
 * the `yaml` Document's source ranges; what is written is printed by the
 * `yaml` package itself, so quoting is always right.
 *
 * `spliceEdit` answers undefined for an edit it does not place by hand
 * (a flow mapping with keys, a collection replaced by a value…); the caller
 * then uses the Document printer for that edit.
 */
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

/** A place in the form: keys and list indexes from its root. */
export type EditPath = ReadonlyArray<string | number>;

/** The same YAML reading as the form loader (YAML 1.2 core: 2014-03-12 stays text). */
export const parseOptions = { version: '1.2', schema: 'core', resolveKnownTags: false } as const;
const printOptions = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

const lineStart = (text: string, at: number): number => text.lastIndexOf('\n', at - 1) + 1;
const column = (text: string, at: number): number => at - lineStart(text, at);

/** Where the line holding the end of `node` ends (after its newline): where a following line may be inserted. */
function afterNode(text: string, node: Node): number {
  const end = node.range?.[2] ?? text.length;
  if (end > 0 && text[end - 1] === '\n') return end;
  const newline = text.indexOf('\n', end);
  return newline < 0 ? text.length : newline + 1;
}

/** A scalar with the style the fields mean: a block (`|-`) when it spans lines. */
function scalarNode(doc: Document, value: unknown): Node {
  const node = doc.createNode(value);
  if (isScalar(node) && typeof value === 'string' && value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
  return node;
}

/** `value` printed as the value of a block mapping key at `indent` (what follows `key: `). */
function blockValue(value: unknown, indent: number): string {
  const doc = new Document(undefined, parseOptions);
  doc.contents = scalarNode(doc, value) as never;
  const printed = doc.toString(printOptions).replace(/\n$/, '');
  const [first = '', ...rest] = printed.split('\n');
  // A block scalar's lines are printed two spaces in; they belong `indent + 2` in.
  return [first, ...rest.map((l) => (l === '' ? '' : ' '.repeat(indent) + l))].join('\n');
}

/** `value` as an item inside `[…]`. */
function flowItem(value: unknown): string | undefined {
  // Text with line breaks, inside […], is one double-quoted line (`\n`): JSON's string is YAML's.
  if (typeof value === 'string' && value.includes('\n')) return JSON.stringify(value);
  const doc = new Document([value], parseOptions);
  (doc.contents as YAMLSeq).flow = true;
  const printed = doc.toString(printOptions).trim();
  return printed.startsWith('[') && printed.endsWith(']') ? printed.slice(1, -1) : undefined;
}

/** Lines `key: value` (or `- value` with `key` undefined), each `indent` in, ending with a newline. */
function blockLines(key: string | undefined, value: unknown, indent: number): string {
  const doc = new Document(key === undefined ? [value] : { [key]: value }, parseOptions);
  const multiline = (node: unknown): void => {
    if (isScalar(node) && typeof node.value === 'string' && node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
    if (isMap(node) || isSeq(node)) for (const item of node.items) multiline(isMap(node) ? (item as Pair).value : item);
  };
  multiline(doc.contents);
  const printed = doc.toString(printOptions);
  return printed
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l === '' ? '' : ' '.repeat(indent) + l))
    .join('\n')
    .concat('\n');
}

const isEmptyValue = (node: unknown): boolean =>
  node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === undefined));

/** Replaces `text[from, to)` with `by`. */
const splice = (text: string, from: number, to: number, by: string) => text.slice(0, from) + by + text.slice(to);

/** Sets a scalar that is there already: only its own characters change. */
function replaceScalar(text: string, node: Scalar, value: unknown, flow: boolean): string | undefined {
  const [start, end] = node.range ?? [];
  if (start === undefined || end === undefined) return undefined;
  if (flow) {
    const item = flowItem(value);
    return item === undefined ? undefined : splice(text, start, end, item);
  }
  const indent = indentOfLine(text, start) + 2;
  if (node.value === null && start === end) {
    // `key:` with nothing after it: the value goes after a space.
    return splice(text, start, end, ` ${blockValue(value, indent)}`);
  }
  const printed = blockValue(value, indent);
  const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd);
  if (printed.includes('\n') && !text.slice(start, end).includes('\n') && rest.trim() !== '') {
    // `key: value # comment` becoming a block: the comment stays on the key's line, after `|-`.
    const [header = '', ...body] = printed.split('\n');
    return splice(text, start, lineEnd, `${header}${rest}\n${body.join('\n')}`);
  }
  // A block scalar's range ends after its last line's newline; what replaces it must end a line too.
  const old = text.slice(start, end);
  return splice(text, start, end, old.endsWith('\n') && !printed.endsWith('\n') ? `${printed}\n` : printed);
}

/** How far in the line holding `at` starts its text (for a value, its key's indent). */
function indentOfLine(text: string, at: number): number {
  const from = lineStart(text, at);
  let i = from;
  while (text[i] === ' ' || text[i] === '-') i++;
  // `- key: value`: the key's indent is after the dash.
  return i - from;
}

/** The keys of the mapping at a path in the order the form's schema lists them, when it knows them. */
export type KeyOrder = (path: EditPath) => readonly string[] | undefined;

/**
 * Where a new key goes in a block mapping: after the last key there that the
 * schema lists before it (so `context` put back goes where it was), else
 * before the first key, else at the end.
 */
function insertionPoint(text: string, map: YAMLMap, key: string, order: readonly string[] | undefined): number {
  const rank = order?.indexOf(key) ?? -1;
  let after: Pair | undefined;
  let before: Pair | undefined;
  for (const pair of map.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const its = name === undefined || !order ? -1 : order.indexOf(name);
    if (rank >= 0 && its >= 0 && its < rank) after = pair;
    if (rank >= 0 && its > rank && before === undefined) before = pair;
  }
  const node = (pair: Pair): Node => ((pair.value as Node | null)?.range ? (pair.value as Node) : (pair.key as Node));
  if (after) return afterNode(text, node(after));
  const first = before?.key as Node | undefined;
  if (before && first?.range && before === map.items[0]) return lineStart(text, first.range[0]);
  const last = map.items[map.items.length - 1];
  return last ? afterNode(text, node(last)) : text.length;
}

/** Adds `key: value` to a mapping (block, empty flow `{}`, or nothing yet). */
function addToMap(
  text: string,
  map: YAMLMap | Scalar | undefined,
  key: string,
  value: unknown,
  keyIndent: number,
  order: readonly string[] | undefined,
) {
  if (isMap(map) && !map.flow && map.items.length > 0) {
    const first = map.items[0]?.key as Node | undefined;
    const last = map.items[map.items.length - 1]?.value as Node | undefined;
    const lastKey = map.items[map.items.length - 1]?.key as Node | undefined;
    if (!first?.range || !(last?.range ?? lastKey?.range)) return undefined;
    const at = insertionPoint(text, map, key, order);
    const prefix = at === text.length && !text.endsWith('\n') && text.length > 0 ? '\n' : '';
    return splice(text, at, at, prefix + blockLines(key, value, column(text, first.range[0])));
  }
  const empty = (isMap(map) && map.items.length === 0) || isEmptyValue(map);
  const range = (map as Node | undefined)?.range;
  if (!empty || !range) return undefined;
  const [start, end] = range;
  const indent = isMap(map) && text.slice(lineStart(text, start), start).trimEnd().endsWith('-') ? -1 : keyIndent;
  if (indent === -1) {
    // `- {}` in a block list: the first key goes where the braces were.
    return splice(
      text,
      start,
      end,
      blockLines(key, value, 0)
        .replace(/\n$/, '')
        .replace(/\n/g, `\n${' '.repeat(column(text, start))}`),
    );
  }
  const lines = blockLines(key, value, indent).replace(/\n$/, '');
  // `key: {}` becomes `key:` and the new lines under it.
  return splice(text, text[start - 1] === ' ' && isMap(map) ? start - 1 : start, end, `\n${lines}`);
}

/** Adds an item at the end of a list. */
function addToSeq(text: string, seq: YAMLSeq, value: unknown): string | undefined {
  const [start, end] = seq.range ?? [];
  if (start === undefined || end === undefined) return undefined;
  if (seq.flow) {
    const item = flowItem(value);
    const close = text.lastIndexOf(']', end);
    if (item === undefined || close < start) return undefined;
    return splice(text, close, close, seq.items.length === 0 ? item : `, ${item}`);
  }
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (!last?.range) return undefined;
  const at = afterNode(text, last);
  const prefix = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return splice(text, at, at, prefix + blockLines(undefined, value, column(text, start)));
}

/** Takes a key, or a list item, and its own lines out. */
function remove(text: string, parent: YAMLMap | YAMLSeq, index: number): string | undefined {
  const item = parent.items[index] as Pair | Node | undefined;
  if (item === undefined) return text;
  if (parent.flow) {
    if (isMap(parent)) return undefined;
    const node = item as Node;
    if (!node.range) return undefined;
    const [start, end] = node.range;
    const next = parent.items[index + 1] as Node | undefined;
    const previous = parent.items[index - 1] as Node | undefined;
    if (next?.range) return splice(text, start, next.range[0], '');
    if (previous?.range) return splice(text, previous.range[1], end, '');
    return splice(text, start, end, '');
  }
  if (parent.items.length === 1) return undefined; // an emptied block collection: see emptyCollection
  const first = isMap(parent) ? ((item as Pair).key as Node | undefined) : (item as Node);
  const last = isMap(parent) ? (((item as Pair).value as Node | null) ?? first) : (item as Node);
  if (!first?.range || !last?.range) return undefined;
  const from = lineStart(text, first.range[0]);
  const before = text.slice(from, first.range[0]).trim();
  if (isSeq(parent) ? before !== '-' : before !== '') {
    // `- key: value`: the item's next key moves up beside the dash.
    const next = isMap(parent) ? ((parent.items[index + 1] as Pair | undefined)?.key as Node | undefined) : undefined;
    return next?.range ? splice(text, first.range[0], next.range[0], '') : undefined;
  }
  return splice(text, from, afterNode(text, last), '');
}

/**
 * A block list or mapping whose last item goes: `key: []` (or `{}`), its own
 * lines taken out and any comment on the key's line kept.
 */
function emptyCollection(text: string, holder: YAMLMap, key: string): string | undefined {
  const pair = holder.items.find((p) => isScalar(p.key) && p.key.value === key);
  const keyNode = pair?.key as Node | undefined;
  const collection = pair?.value as Node | null | undefined;
  if (!keyNode?.range || !collection?.range || !(isMap(collection) || isSeq(collection)) || collection.flow)
    return undefined;
  const colon = text.indexOf(':', keyNode.range[1]);
  const keyLineEnd = text.indexOf('\n', colon);
  const from = collection.range[0];
  const between = text.slice(keyLineEnd + 1, lineStart(text, from));
  if (colon < 0 || keyLineEnd < 0 || keyLineEnd > from || between.trim() !== '') return undefined;
  const only = collection.items[0] as Pair<Node, Node | null> | Node | undefined;
  const lastNode = isMap(collection)
    ? ((only as Pair<Node, Node | null>).value ?? (only as Pair<Node>).key)
    : (only as Node);
  if (!lastNode?.range) return undefined;
  const end = afterNode(text, lastNode);
  const empty = isSeq(collection) ? ' []' : ' {}';
  return text.slice(0, colon + 1) + empty + text.slice(colon + 1, keyLineEnd + 1) + text.slice(end);
}

/** The text with one edit made by hand, or undefined when the printer is to make it. */
export function spliceEdit(text: string, path: EditPath, value: unknown, keyOrder?: KeyOrder): string | undefined {
  const doc = parseDocument(text, parseOptions);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const key = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  const parent = parentPath.length === 0 ? doc.contents : (doc.getIn(parentPath, true) as unknown);
  if (value === undefined) {
    const holder = parentPath.length === 1 ? doc.contents : doc.getIn(parentPath.slice(0, -1), true);
    const holderKey = parentPath[parentPath.length - 1];
    const lastItem = (isMap(parent) || isSeq(parent)) && parent.items.length === 1 && !parent.flow;
    if (isMap(parent) && typeof key === 'string') {
      const index = parent.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
      if (index < 0) return text;
      if (lastItem && isMap(holder) && typeof holderKey === 'string') return emptyCollection(text, holder, holderKey);
      return remove(text, parent, index);
    }
    if (isSeq(parent) && typeof key === 'number') {
      if (key >= parent.items.length) return text;
      if (lastItem && isMap(holder) && typeof holderKey === 'string') return emptyCollection(text, holder, holderKey);
      return remove(text, parent, key);
    }
    return parent === undefined ? text : undefined;
  }
  const existing = doc.getIn(path, true) as unknown;
  const scalar = value === null || typeof value !== 'object';
  if (existing !== undefined && isScalar(existing) && scalar) {
    return replaceScalar(text, existing, value, (isSeq(parent) || isMap(parent)) && Boolean(parent.flow));
  }
  if (existing !== undefined && !isEmptyValue(existing)) return undefined;
  if (existing !== undefined && isScalar(existing)) {
    // `key:` (nothing yet) given a list or mapping: its lines go under the key.
    if (!isMap(parent) || parent.flow || typeof key !== 'string') return undefined;
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
    const keyNode = pair?.key as Node | undefined;
    if (!keyNode?.range || !existing.range) return undefined;
    const indent = column(text, keyNode.range[0]) + 2;
    const lines = Array.isArray(value)
      ? value.map((v) => blockLines(undefined, v, indent)).join('')
      : Object.entries(value as object)
          .map(([k, v]) => blockLines(k, v, indent))
          .join('');
    if (lines === '') return splice(text, existing.range[0], existing.range[1], Array.isArray(value) ? ' []' : ' {}');
    return splice(text, existing.range[0], existing.range[1], `\n${lines.replace(/\n$/, '')}`);
  }
  if (isSeq(parent) && typeof key === 'number') {
    return key === parent.items.length ? addToSeq(text, parent, value) : undefined;
  }
  if (typeof key !== 'string') return undefined;
  if (isMap(parent) || isEmptyValue(parent)) {
    const owner = parentPath.length === 0 ? undefined : parentKeyIndent(text, doc, parentPath);
    const order = keyOrder?.(parentPath);
    return addToMap(
      text,
      parent as YAMLMap | Scalar | undefined,
      key,
      value,
      owner === undefined ? 0 : owner + 2,
      order,
    );
  }
  if (parent === undefined && parentPath.length > 0) {
    // A section or group the form does not have yet: made around the value, one level at a time.
    let nested: unknown = { [key]: value };
    for (let depth = parentPath.length - 1; depth >= 0; depth--) {
      const above = depth === 0 ? doc.contents : doc.getIn(parentPath.slice(0, depth), true);
      const name = parentPath[depth];
      if (above !== undefined && typeof name === 'string' && (isMap(above) || isEmptyValue(above))) {
        const owner = depth === 0 ? undefined : parentKeyIndent(text, doc, parentPath.slice(0, depth));
        const order = keyOrder?.(parentPath.slice(0, depth));
        return addToMap(text, above as YAMLMap | Scalar, name, nested, owner === undefined ? 0 : owner + 2, order);
      }
      if (above !== undefined || typeof name !== 'string') return undefined;
      nested = { [name]: nested };
    }
  }
  return undefined;
}

/** The indent of the key that holds the collection at `path` (its last part). */
function parentKeyIndent(text: string, doc: Document, path: EditPath): number | undefined {
  const holder = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(holder)) return undefined;
  const pair = holder.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
  const keyNode = pair?.key as Node | undefined;
  return keyNode?.range ? column(text, keyNode.range[0]) : undefined;
}
