/**
 * A form that does not pass the schema, read as if each refused value were
 * missing, so every later check still runs on the rest of it (a blank list
 * item or a mistyped value is a gap, not a cascade). The schema's own
 * diagnostics are made elsewhere (issues.ts); this only decides what the rest
 * of the form is without the refused values:
 * - an optional value is left out;
 * - a required value in an optional mapping leaves the mapping out (a local
 *   authority without a usable name is no local authority);
 * - in a list item's mapping, a required text is blank (''), which every
 *   reader takes as not written (a provider's name, a progress entry's words),
 *   and any other required value leaves the item out (a progress entry whose
 *   area is not a number);
 * - a required text with nowhere else to go is blank (the lead inspector's name);
 * - a refused list item is left out, except in the lists whose items are
 *   counted from 1 elsewhere in the form (the areas for improvement, a previous
 *   visit's priorities), where it is blank so the numbering holds;
 * - any other required value (the URN, the inspection's end date or a grade,
 *   the list of areas for improvement, every visit date) leaves no form: the
 *   later checks cannot run without it.
 */
import type { z } from 'zod';
import { formatPath, type Diagnostic, type FormPath } from '../ground/diagnostics.js';
import { valueAt } from './issues.js';
import { form as formSchema, type EvidenceForm } from './schema.js';
import { knownKeys, schemaAt, unwrap } from './schema-path.js';
import { suggest } from '../ground/suggest.js';

/** The rest of a form the schema refused, with where each refused value was. */
export interface PartialForm {
  /** The form with every refused value treated as missing; it passes the schema but for its blank texts. */
  form: EvidenceForm;
  /** Each refused value: its place in the source, and where in `form` a marker for it belongs (a left-out item's list). */
  gaps: { source: FormPath; at: FormPath }[];
  /** Source paths left out or blanked: a check finding "missing" there says what the schema error already says. */
  explained: FormPath[];
  /** The source path of a path in `form` (list items after a left-out one have moved up). */
  sourcePath(path: FormPath): FormPath;
}

/** Lists whose items other parts of the form count from 1: a refused item is blanked, never left out. */
const numberedLists = ['inspection.areasForImprovement', 'visit.previous.priorities'];

/** A left-out list item while the form is being repaired. */
const hole = Symbol('left out');
/** A blank required text while the form is being repaired; parsed as this placeholder, then made ''. */
const blank = Symbol('blank');
const placeholder = 'x';

type Mutable = Record<string | number, unknown>;
type Path = (string | number)[];

const passesLimit = 12;

/** The form without the values the schema refused, or undefined when a value it cannot do without was refused. */
export function partialForm(data: unknown, issues: readonly z.core.$ZodIssue[]): PartialForm | undefined {
  const work: unknown = structuredClone(data);
  const sourcesOfGaps: { source: Path; at: Path }[] = [];
  const explained: Path[] = [];
  let pending = issues;
  for (let pass = 0; pass < passesLimit; pass += 1) {
    let toFull = identityPaths;
    if (pass > 0) {
      const compacted = compact(work);
      const parsed = formSchema.safeParse(compacted.value);
      if (parsed.success) return finish(parsed.data, compacted, sourcesOfGaps, explained);
      pending = parsed.error.issues;
      toFull = compacted.toFull;
    }
    for (const issue of pending) {
      const path = toFull(issue.path as FormPath);
      const targets = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...path, k]) : [path];
      // A misspelt key (`judgment`) is reported with the key meant: a finding that the meant one is missing repeats it.
      if (issue.code === 'unrecognized_keys') explained.push(...misspelt(path, issue.keys));
      for (const target of targets) {
        const outcome = treatAsMissing(work, target);
        if (outcome === undefined) return undefined;
        sourcesOfGaps.push({ source: target, at: outcome.at });
        explained.push(...outcome.explained);
      }
    }
  }
  return undefined;
}

/** What treating one value as missing did: where its marker belongs, and the paths it left out. */
interface Treated {
  at: Path;
  explained: Path[];
}

function treatAsMissing(work: unknown, path: Path): Treated | undefined {
  if (path.length === 0) return undefined;
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1]!;
  const parent = valueAt(work, parentPath).value;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (numberedLists.includes(parentPath.join('.')) && isText(schemaAt(formSchema, path))) {
      parent[key] = blank;
      return { at: path, explained: [path] };
    }
    parent[key] = hole;
    return { at: parentPath, explained: [path] };
  }
  if (parent === null || typeof parent !== 'object') return treatAsMissing(work, parentPath);
  const record = parent as Mutable;
  if (isOptional(parentPath, key)) {
    delete record[key];
    return { at: path, explained: [path] };
  }
  if (isText(schemaAt(formSchema, path))) {
    // A required text in an optional mapping: the mapping is as good as missing.
    if (parentPath.length > 0 && !isListItem(parentPath) && isOptional(parentPath.slice(0, -1), parentPath.at(-1)!)) {
      return treatAsMissing(work, parentPath);
    }
    record[key] = blank;
    return { at: path, explained: [path] };
  }
  return treatAsMissing(work, parentPath);
}

/** The keys meant by misspelt ones, as the schema's diagnostic suggests them. */
function misspelt(path: Path, keys: readonly string[]): Path[] {
  const allowed = knownKeys(schemaAt(formSchema, path));
  return keys.flatMap((key) => {
    const meant = suggest(key, allowed);
    return meant === undefined ? [] : [[...path, meant]];
  });
}

function isListItem(path: Path): boolean {
  return typeof path[path.length - 1] === 'number';
}

/** Whether the mapping at `parentPath` may leave `key` out. */
function isOptional(parentPath: Path, key: string | number): boolean {
  const parent = schemaAt(formSchema, parentPath);
  if (!parent || typeof key !== 'string') return false;
  const shape = (unwrap(parent) as unknown as { _zod: { def: { shape?: Record<string, z.ZodType> } } })._zod.def.shape;
  if (!shape || !Object.hasOwn(shape, key)) return true; // an unknown key
  const field = shape[key]!;
  return (field as unknown as { _zod: { def: { type: string } } })._zod.def.type === 'optional';
}

/** Free text (a name, a narrative): a string schema with no pattern or format to meet. */
function isText(schema: z.ZodType | undefined): boolean {
  if (!schema) return false;
  const def = (
    unwrap(schema) as unknown as {
      _zod: { def: { type: string; checks?: Array<{ _zod: { def: { pattern?: RegExp; format?: string } } }> } };
    }
  )._zod.def;
  if (def.type !== 'string') return false;
  return !(def.checks ?? []).some((c) => c._zod.def.pattern !== undefined || c._zod.def.format !== undefined);
}

const identityPaths = (path: FormPath): Path => [...path];

/** The data with holes taken out of lists and blanks as placeholders, and the way back to the source's paths. */
interface Compacted {
  value: unknown;
  /** Path in the compacted data → path in the source. */
  toFull(path: FormPath): Path;
  /** Path in the source → path in the compacted data, or undefined for a left-out item (or inside one). */
  fromFull(path: FormPath): Path | undefined;
  /** Compacted paths of the blanks. */
  blanks: Path[];
}

function compact(work: unknown): Compacted {
  const kept = new Map<string, number[]>();
  const blanks: Path[] = [];
  const walk = (value: unknown, full: Path, short: Path): unknown => {
    if (value === blank) {
      blanks.push(short);
      return placeholder;
    }
    if (Array.isArray(value)) {
      const indices: number[] = [];
      const out: unknown[] = [];
      value.forEach((item, index) => {
        if (item === hole) return;
        indices.push(index);
        out.push(walk(item, [...full, index], [...short, out.length]));
      });
      kept.set(JSON.stringify(full), indices);
      return out;
    }
    if (value !== null && typeof value === 'object') {
      const out: Mutable = {};
      for (const [k, item] of Object.entries(value)) out[k] = walk(item, [...full, k], [...short, k]);
      return out;
    }
    return value;
  };
  const value = walk(work, [], []);
  const toFull = (path: FormPath): Path => {
    const full: Path = [];
    for (const part of path) {
      const indices = kept.get(JSON.stringify(full));
      full.push(typeof part === 'number' && indices ? (indices[part] ?? part) : part);
    }
    return full;
  };
  const fromFull = (path: FormPath): Path | undefined => {
    const full: Path = [];
    const short: Path = [];
    for (const part of path) {
      const indices = kept.get(JSON.stringify(full));
      if (typeof part === 'number' && indices) {
        const at = indices.indexOf(part);
        if (at < 0) return undefined;
        short.push(at);
      } else short.push(part);
      full.push(part);
    }
    return short;
  };
  return { value, toFull, fromFull, blanks };
}

function finish(
  parsed: EvidenceForm,
  compacted: Compacted,
  gaps: { source: Path; at: Path }[],
  explained: Path[],
): PartialForm {
  for (const path of compacted.blanks) {
    const parent = valueAt(parsed, path.slice(0, -1)).value as Mutable;
    parent[path[path.length - 1]!] = '';
  }
  return {
    form: parsed,
    gaps: gaps.flatMap(({ source, at }) => {
      const placed = compacted.fromFull(at);
      return placed ? [{ source, at: placed }] : [];
    }),
    explained,
    sourcePath: compacted.toFull,
  };
}

/**
 * The later checks' findings on a partial form, at the source's paths, less
 * those at a place the schema's refusals already name (one report a place).
 */
export function findingsBeyondRefusals(
  findings: readonly Diagnostic[],
  partial: PartialForm,
  refusals: readonly Diagnostic[],
): Diagnostic[] {
  const named = new Set([...refusals.map((d) => formatPath(d.path)), ...partial.explained.map(formatPath)]);
  return findings.flatMap((d) => {
    const path = partial.sourcePath(d.path);
    return named.has(formatPath(path)) ? [] : [{ ...d, path }];
  });
}
