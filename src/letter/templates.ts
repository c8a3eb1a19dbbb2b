/**
 * The letter's templates: Handlebars in an isolated environment, strict mode,
 * compiled once per process and folder and cached (prepare once, render many).
 * templates/letter/ holds one file per part of the letter (the part names the
 * role of the blocks it makes) and partials/ the pieces they include. An ISP's
 * folder (--templates DIR) overrides any of these files by name.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import {
  messagesFileName,
  messagesForTemplates,
  MessagesError,
  type MessageCatalogue,
} from '../ground/message-catalogue.js';
import type { BlockRole } from './tree.js';
import { packageRoot } from '../ground/package-root.js';

/** The parts of the letter in the order they print, each with its blocks' role. */
export const letterParts: readonly { name: string; role: BlockRole }[] = [
  { name: 'marking', role: 'marking' },
  { name: 'letterhead', role: 'letterhead' },
  { name: 'date', role: 'date' },
  { name: 'address', role: 'address' },
  { name: 'reference', role: 'reference' },
  { name: 'salutation', role: 'salutation' },
  { name: 'body', role: 'body' },
  { name: 'signoff', role: 'signoff' },
];

/** Parts that are not printed: the document's subject property. */
export const metaParts = ['subject'] as const;

/** One template file as read: its name relative to the folder ("body.hbs", "partials/evidence.hbs"). */
export interface TemplateSource {
  name: string;
  text: string;
  /** Where it was read from, for diagnostics. */
  file: string;
}

export interface PreparedTemplates {
  /** SHA-256 (hex) of the sorted file names and contents used. */
  hash: string;
  sources: TemplateSource[];
  /** Part name → source. */
  parts: Map<string, TemplateSource>;
  /** Partial name → source. */
  partials: Map<string, TemplateSource>;
  /** Renders a part with a view; throws on a missing field (strict mode). */
  render(part: string, view: unknown): string;
  /** The wording of the checks' findings: the folder's messages.yaml over the bundled catalogue (default: the bundled one). */
  messages?: MessageCatalogue;
}

/** A templates folder that cannot be used (missing, or without a part the letter needs). */
export class TemplatesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplatesError';
  }
}

/** The bundled templates folder. */
export function defaultTemplatesDir(): string {
  return join(packageRoot(), 'templates', 'letter');
}

function readFolder(dir: string): TemplateSource[] {
  const out: TemplateSource[] = [];
  for (const sub of ['', 'partials']) {
    const folder = join(dir, sub);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
    for (const entry of readdirSync(folder).sort()) {
      if (!entry.endsWith('.hbs')) continue;
      const file = join(folder, entry);
      out.push({ name: sub ? `${sub}/${entry}` : entry, text: readFileSync(file, 'utf8'), file });
    }
  }
  return out;
}

/** SHA-256 of the templates used: their sorted names and contents. */
export function hashTemplates(sources: readonly TemplateSource[]): string {
  const hash = createHash('sha256');
  for (const s of [...sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    hash.update(`${s.name}\u0000${s.text}\u0000`);
  }
  return hash.digest('hex');
}

export const compileOptions = { strict: true, noEscape: true } as const;

/** SHA-256 of one template's text: the key of its build-time precompiled form. */
export function templateTextKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What the build prepared for each bundled template, keyed by the SHA-256 of its text. */
interface Precompiled {
  /** Handlebars' precompiled JavaScript. */
  specs: Record<string, string>;
  /** Handlebars' syntax tree (`Handlebars.parse`), for the template check. */
  asts: Record<string, unknown>;
}

let precompiled: Precompiled | undefined;

/**
 * The bundled templates precompiled at build time (scripts/precompile-templates.mjs),
 * so a cold `draft` skips compiling and parsing them. Keyed by content, so an
 * edited or an ISP's own template simply compiles and parses as usual.
 */
function precompiledTemplates(): Precompiled {
  if (precompiled === undefined) {
    const file = join(packageRoot(), 'dist', 'templates-precompiled.json');
    try {
      const read = JSON.parse(readFileSync(file, 'utf8')) as Partial<Precompiled>;
      precompiled = { specs: read.specs ?? {}, asts: read.asts ?? {} };
    } catch {
      precompiled = { specs: {}, asts: {} };
    }
  }
  return precompiled;
}

/** The build's syntax tree of a template text (as `Handlebars.parse` makes it), when the build made one. */
export function precompiledSyntaxTree(text: string): unknown {
  return precompiledTemplates().asts[templateTextKey(text)];
}

/** The template function for a source: precompiled when the build made it, compiled otherwise. */
function templateFor(env: typeof Handlebars, text: string): HandlebarsTemplateDelegate {
  const spec = precompiledTemplates().specs[templateTextKey(text)];
  if (spec !== undefined) {
    // The spec is Handlebars' own output for this exact text, written by our build.
    return env.template(new Function(`return ${spec}`)() as TemplateSpecification);
  }
  return env.compile(text, compileOptions);
}

/** Compiles a set of template sources into a fresh, isolated Handlebars environment. */
export function compileTemplates(sources: readonly TemplateSource[]): PreparedTemplates {
  const env = Handlebars.create();
  const parts = new Map<string, TemplateSource>();
  const partials = new Map<string, TemplateSource>();
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  for (const s of sources) {
    const name = s.name.replace(/\.hbs$/, '');
    if (name.startsWith('partials/')) {
      const partial = name.slice('partials/'.length);
      partials.set(partial, s);
      env.registerPartial(partial, templateFor(env, s.text));
    } else {
      parts.set(name, s);
      compiled.set(name, templateFor(env, s.text));
    }
  }
  for (const part of [...letterParts.map((p) => p.name), ...metaParts]) {
    if (!parts.has(part)) throw new TemplatesError(`the templates have no ${part}.hbs, which every letter needs`);
  }
  return {
    hash: hashTemplates(sources),
    sources: [...sources],
    parts,
    partials,
    render(part, view) {
      const template = compiled.get(part);
      if (!template) throw new TemplatesError(`no template for the part "${part}"`);
      return template(view);
    },
  };
}

const cache = new Map<string, PreparedTemplates>();

/**
 * The bundled templates, overlaid by the files of `dir` when given (same
 * names replace the bundled ones), compiled once per process and cached.
 */
export function prepareTemplates(dir?: string): PreparedTemplates {
  const key = dir === undefined ? '' : resolve(dir);
  const cached = cache.get(key);
  if (cached) return cached;
  if (dir !== undefined && (!existsSync(dir) || !statSync(dir).isDirectory())) {
    throw new TemplatesError(`the templates folder ${dir} does not exist`);
  }
  const byName = new Map(readFolder(defaultTemplatesDir()).map((s) => [s.name, s]));
  if (dir !== undefined) {
    const own = readFolder(dir);
    if (own.length === 0 && !existsSync(join(dir, messagesFileName))) {
      throw new TemplatesError(`the templates folder ${dir} holds no .hbs files and no ${messagesFileName}`);
    }
    for (const s of own) byName.set(s.name, s);
  }
  let messages: MessageCatalogue;
  try {
    messages = messagesForTemplates(dir);
  } catch (error) {
    if (error instanceof MessagesError) throw new TemplatesError(error.message);
    throw error;
  }
  const prepared = { ...compileTemplates([...byName.values()]), messages };
  cache.set(key, prepared);
  return prepared;
}
