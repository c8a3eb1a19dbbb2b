/**
 * Checks templates against a view model before rendering (PITFALLS 1): walks
 * each template's Handlebars syntax tree, following the context into #each and
 * #with blocks and into partials, and reports every field the model does not
 * have, every partial that does not exist and every unknown helper, with the
 * template file and its line and column. Strict mode would throw on the first
 * missing field only when rendering reaches it; this finds them all, in
 * branches not taken too.
 */
import Handlebars from 'handlebars';
import type { Diagnostic } from '../ground/diagnostics.js';
import {
  letterParts,
  metaParts,
  precompiledSyntaxTree,
  type PreparedTemplates,
  type TemplateSource,
} from './templates.js';

/** The slice of Handlebars' AST the checker reads. */
interface Loc {
  start: { line: number; column: number };
}
interface Node {
  type: string;
  loc?: Loc;
}
interface PathNode extends Node {
  type: 'PathExpression';
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
}
interface CallNode extends Node {
  path: Node;
  params: Node[];
  hash?: { pairs: { value: Node }[] };
}
interface BlockNode extends CallNode {
  program?: ProgramNode;
  inverse?: ProgramNode;
}
interface PartialNode extends Node {
  name: Node;
  params: Node[];
  program?: ProgramNode;
}
interface ProgramNode extends Node {
  body: Node[];
}

const builtinHelpers = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);
const dataVariables = new Set(['index', 'first', 'last', 'key', 'level']);

/** One context level: the values `this` may be (all elements of an array being looped over). */
type Level = unknown[];

interface Walk {
  prepared: PreparedTemplates;
  diagnostics: Diagnostic[];
  root: unknown;
  /** Partials being walked, to stop recursion. */
  active: Set<string>;
  reported: Set<string>;
}

function report(walk: Walk, source: TemplateSource, node: Node, rule: string, message: string): void {
  const line = node.loc?.start.line ?? 1;
  const column = (node.loc?.start.column ?? 0) + 1;
  const key = `${source.file}:${line}:${column}:${rule}`;
  if (walk.reported.has(key)) return;
  walk.reported.add(key);
  walk.diagnostics.push({ severity: 'error', message, path: [], line, column, rule, file: source.file });
}

function hasKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return key === 'length' || /^\d+$/.test(key);
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key);
}

/** The values a path can take in this context; undefined when a part is missing (then reported). */
function resolvePath(walk: Walk, source: TemplateSource, path: PathNode, stack: Level[]): Level | undefined {
  let values: Level;
  let parts = path.parts;
  if (path.data) {
    if (parts[0] === 'root') {
      values = [walk.root];
      parts = parts.slice(1);
    } else {
      if (!dataVariables.has(parts[0] ?? '')) {
        report(
          walk,
          source,
          path,
          'template/unknown-field',
          `${source.name} uses @${path.original.replace(/^@/, '')}, which Handlebars does not provide`,
        );
      }
      return [];
    }
  } else {
    values = stack[stack.length - 1 - path.depth] ?? [];
  }
  for (const part of parts) {
    const next: Level = [];
    for (const value of values) {
      if (!hasKey(value, part)) {
        report(
          walk,
          source,
          path,
          'template/unknown-field',
          `${source.name} asks for "${path.original}", which the letter model does not have`,
        );
        return undefined;
      }
      next.push((value as Record<string, unknown>)[part]);
    }
    values = next;
  }
  return values;
}

function checkExpression(walk: Walk, source: TemplateSource, node: Node, stack: Level[]): Level | undefined {
  if (node.type === 'PathExpression') return resolvePath(walk, source, node as PathNode, stack);
  if (node.type === 'SubExpression') {
    checkCall(walk, source, node as CallNode, stack);
    return [];
  }
  return [];
}

/** Checks a call's helper name, parameters and hash; returns the helper's name when it is one. */
function checkCall(walk: Walk, source: TemplateSource, node: CallNode, stack: Level[]): string | undefined {
  const path = node.path as PathNode;
  const isCall = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
  const name = path.type === 'PathExpression' && !path.data && path.depth === 0 ? path.parts.join('.') : '';
  if (builtinHelpers.has(name)) {
    node.params.forEach((p, i) => {
      if (!(name === 'lookup' && i > 0)) checkExpression(walk, source, p, stack);
    });
    return name;
  }
  if (isCall) {
    report(
      walk,
      source,
      path,
      'template/unknown-helper',
      `${source.name} calls "${path.original}", which is not a helper the letter templates have (if, unless, each, with, lookup)`,
    );
    return undefined;
  }
  checkExpression(walk, source, path, stack);
  return undefined;
}

function elementsOf(values: Level): Level {
  const out: Level = [];
  for (const value of values) {
    if (Array.isArray(value)) out.push(...(value as unknown[]));
    else if (typeof value === 'object' && value !== null) out.push(...Object.values(value));
  }
  return out;
}

function checkProgram(walk: Walk, source: TemplateSource, program: ProgramNode | undefined, stack: Level[]): void {
  if (!program) return;
  for (const node of program.body) {
    switch (node.type) {
      case 'MustacheStatement':
        checkCall(walk, source, node as CallNode, stack);
        break;
      case 'BlockStatement': {
        const block = node as BlockNode;
        const helper = checkCall(walk, source, block, stack);
        if (helper === 'each' || helper === 'with' || helper === undefined) {
          const subject = helper === undefined ? block.path : block.params[0];
          const values = subject ? checkExpression(walk, source, subject, stack) : undefined;
          if (values !== undefined) {
            const inner = helper === 'with' ? values : helper === 'each' ? elementsOf(values) : blockContext(values);
            // An empty array gives nothing to check against: the block never renders for this letter.
            if (inner.length > 0) checkProgram(walk, source, block.program, [...stack, inner]);
          }
        } else {
          checkProgram(walk, source, block.program, stack);
        }
        checkProgram(walk, source, block.inverse, stack);
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
        checkPartial(walk, source, node as PartialNode, stack);
        break;
      default:
        break;
    }
  }
}

/** `{{#name}}…{{/name}}` without a helper: loops an array, enters an object, tests anything else. */
function blockContext(values: Level): Level {
  return values.flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : typeof v === 'object' && v !== null ? [v] : []));
}

function checkPartial(walk: Walk, source: TemplateSource, node: PartialNode, stack: Level[]): void {
  const name = node.name.type === 'PathExpression' ? (node.name as PathNode).original : undefined;
  if (name === undefined) {
    report(
      walk,
      source,
      node,
      'template/dynamic-partial',
      `${source.name} includes a partial chosen at render time, which cannot be checked`,
    );
    return;
  }
  const partial = walk.prepared.partials.get(name);
  if (!partial) {
    report(
      walk,
      source,
      node,
      'template/unknown-partial',
      `${source.name} includes the partial "${name}", which is not in partials/`,
    );
    return;
  }
  let inner = stack;
  const param = node.params[0];
  if (param) {
    const values = checkExpression(walk, source, param, stack);
    if (values === undefined) return;
    inner = [...stack, values];
  }
  if (walk.active.has(name)) return;
  walk.active.add(name);
  checkProgram(walk, partial, parse(walk, partial), inner);
  walk.active.delete(name);
}

// Parsed once per template source and process: a batch checks every letter against the same templates.
const parsed = new WeakMap<TemplateSource, ProgramNode | Error>();

function parse(walk: Walk, source: TemplateSource): ProgramNode | undefined {
  let result = parsed.get(source);
  if (result === undefined) {
    try {
      // The bundled templates' trees were made at build time; an ISP's own are parsed here.
      result = (precompiledSyntaxTree(source.text) ?? Handlebars.parse(source.text)) as ProgramNode;
    } catch (error) {
      result = error instanceof Error ? error : new Error(String(error));
    }
    parsed.set(source, result);
  }
  if (!(result instanceof Error)) return result;
  {
    const error = result;
    walk.diagnostics.push({
      severity: 'error',
      message: `${source.name} is not a valid Handlebars template: ${(error as Error).message.split('\n')[0] ?? ''}`,
      path: [],
      rule: 'template/syntax',
      file: source.file,
    });
    return undefined;
  }
}

/** Every field, partial or helper the templates ask for that the view model lacks, as diagnostics. */
export function checkTemplates(prepared: PreparedTemplates, view: unknown): Diagnostic[] {
  const walk: Walk = { prepared, diagnostics: [], root: view, active: new Set(), reported: new Set() };
  for (const part of [...letterParts.map((p) => p.name), ...metaParts]) {
    const source = prepared.parts.get(part);
    if (source) checkProgram(walk, source, parse(walk, source), [[view]]);
  }
  return walk.diagnostics;
}
