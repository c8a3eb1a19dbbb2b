/**
 * Positions in the form's source: from a form path to the line and column of
 * its value (or key), using the ranges the `yaml` package keeps on its nodes.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { FormPath, Locate, SourceRange } from '../ground/diagnostics.js';

/** One step of a walk down the document: the node reached, and the key it sits under. */
interface Step {
  node: Node | null;
  key?: Node;
}

/** Turns offsets into 1-based line/column ranges. */
export function rangeOf(lineCounter: LineCounter, start: number, end: number): SourceRange {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

function resolve(doc: Document, node: unknown): Node | null {
  if (isAlias(node)) {
    try {
      return (node.resolve(doc) as Node | undefined) ?? null;
    } catch {
      return null;
    }
  }
  return (node as Node | null | undefined) ?? null;
}

function keyMatches(key: unknown, part: string | number): boolean {
  if (isScalar(key)) return String(key.value) === String(part);
  return key === part;
}

/** Walks as far down `path` as the document goes; the first step is the root. */
function walk(doc: Document, path: FormPath): Step[] {
  const steps: Step[] = [{ node: resolve(doc, doc.contents) }];
  for (const part of path) {
    const current = steps[steps.length - 1]?.node;
    if (isMap(current)) {
      const pair = current.items.find((p) => keyMatches(p.key, part));
      if (!pair) break;
      const step: Step = { node: resolve(doc, pair.value) };
      if (pair.key && typeof pair.key === 'object') step.key = pair.key as Node;
      steps.push(step);
    } else if (isSeq(current) && typeof part === 'number') {
      if (part < 0 || part >= current.items.length) break;
      steps.push({ node: resolve(doc, current.items[part]) });
    } else {
      break;
    }
  }
  return steps;
}

function isEmptyScalar(node: Node | null): boolean {
  return node === null || (isScalar(node) && !!node.range && node.range[0] === node.range[1]);
}

/** Builds the position finders for one parsed document. */
export function makeLocators(
  doc: Document,
  lineCounter: LineCounter,
): { locate: Locate; locateKey: Locate; locateParent: Locate } {
  const nodeRange = (node: Node | null | undefined): SourceRange | undefined =>
    node?.range ? rangeOf(lineCounter, node.range[0], node.range[1]) : undefined;
  const stepRange = (step: Step | undefined, preferKey: boolean): SourceRange | undefined => {
    if (!step) return undefined;
    if (step.key && (preferKey || isEmptyScalar(step.node))) return nodeRange(step.key) ?? nodeRange(step.node);
    return nodeRange(step.node) ?? nodeRange(step.key);
  };
  const start: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const deepest = (steps: Step[], preferKey: boolean): SourceRange => {
    for (let i = steps.length - 1; i >= 0; i -= 1) {
      const range = stepRange(steps[i], preferKey);
      if (range) return range;
    }
    return start;
  };

  /** The value at `path`; where the path does not exist, the key of the deepest part that does. */
  const locate: Locate = (path) => {
    const steps = walk(doc, path);
    return deepest(steps, steps.length <= path.length);
  };
  /** The key at `path` (for unknown and duplicate keys), else as `locate`. */
  const locateKey: Locate = (path) => deepest(walk(doc, path), true);
  /** The mapping holding `path`, placed on its own key: where a missing key is reported. */
  const locateParent: Locate = (path) => deepest(walk(doc, path.slice(0, -1)), true);
  return { locate, locateKey, locateParent };
}

/** The form path of the deepest node whose source contains `offset` (for YAML errors). */
export function pathAtOffset(doc: Document, offset: number): Array<string | number> {
  const path: Array<string | number> = [];
  let current: unknown = doc.contents;
  // Half-open ranges: a node's end is where the next one may begin.
  const contains = (node: unknown): boolean => {
    const range = (node as Node | null)?.range;
    if (!range) return false;
    return offset >= range[0] && (offset < range[2] || (range[0] === range[2] && offset === range[0]));
  };
  for (let depth = 0; depth < 100; depth += 1) {
    if (isMap(current)) {
      const pair = current.items.find((p) => contains(p.key)) ?? current.items.find((p) => contains(p.value));
      if (!pair) break;
      path.push(isScalar(pair.key) ? String(pair.key.value) : '?');
      if (contains(pair.key)) break;
      current = pair.value;
    } else if (isSeq(current)) {
      const index = current.items.findIndex((item) => contains(item));
      if (index < 0) break;
      path.push(index);
      current = current.items[index];
    } else {
      break;
    }
  }
  return path;
}
