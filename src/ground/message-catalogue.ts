/**
 * The message catalogue: the one place where the wording of the guidance
 * rules' findings lives (templates/messages/en.yaml), as the letter's wording
 * lives in templates/letter/. A rule reports a finding as data (its rule id, a
 * message code, the parameters and the path); this module turns it into the
 * sentence `validate` prints. An ISP adapts a sentence without a code change
 * by giving its own `messages.yaml` in its templates folder (--templates DIR):
 * its sentences replace the bundled ones of the same rule and code.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { packageRoot } from './package-root.js';
import {
  formatMessage,
  MessageSyntaxError,
  parseMessage,
  type MessageParams,
  type ParsedMessage,
} from './message-format.js';

export type { MessageParams } from './message-format.js';

/** The sentences of every rule, by rule id and message code. */
export interface MessageCatalogue {
  /** The sentence for the rule's message code with its parameters; throws when the catalogue has none (a defect). */
  render(rule: string, code: string, params: MessageParams): string;
  /** Every entry: rule id, message code, the sentence as written, the parameters it names. */
  entries(): readonly MessageEntry[];
}

export interface MessageEntry {
  rule: string;
  code: string;
  source: string;
  params: ReadonlySet<string>;
}

/** A messages file that cannot be used: unreadable, not a mapping of rules to sentences, or a sentence the bundled catalogue does not have. */
export class MessagesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MessagesError';
  }
}

/** The bundled catalogue file. */
export function defaultMessagesFile(): string {
  return join(packageRoot(), 'templates', 'messages', 'en.yaml');
}

/** The name of an ISP's own messages file inside its templates folder. */
export const messagesFileName = 'messages.yaml';

function readEntries(file: string, text = readFileSync(file, 'utf8')): MessageEntry[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new MessagesError(`${file}: cannot be read as YAML (${(error as Error).message.split('\n')[0]})`);
  }
  return entriesOf(data, file);
}

/** Where `npm run build` writes the bundled catalogue, read and checked (scripts/prepare-messages.mjs). */
export function preparedMessagesPath(): string {
  return join(packageRoot(), 'dist', 'messages-prepared.json');
}

interface PreparedMessages {
  /** The SHA-256 of the en.yaml text these entries were read from. */
  source: string;
  entries: { rule: string; code: string; source: string; params: string[] }[];
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The bundled catalogue's entries in the form `npm run build` keeps them (JSON, no YAML parser needed to read them). */
export function prepareMessages(): PreparedMessages {
  const file = defaultMessagesFile();
  const text = readFileSync(file, 'utf8');
  const entries = readEntries(file, text).map((e) => ({ ...e, params: [...e.params] }));
  return { source: sha256(text), entries };
}

/**
 * The bundled catalogue: as prepared at build time when that was made from en.yaml as it is now (a cold
 * command then parses no YAML for it), else read from en.yaml.
 */
export function bundledEntries(file = defaultMessagesFile(), preparedFile = preparedMessagesPath()): MessageEntry[] {
  const text = readFileSync(file, 'utf8');
  try {
    const prepared = JSON.parse(readFileSync(preparedFile, 'utf8')) as PreparedMessages;
    if (prepared.source === sha256(text)) return prepared.entries.map((e) => ({ ...e, params: new Set(e.params) }));
  } catch {
    // not built, or unreadable: read the YAML
  }
  return readEntries(file, text);
}

/** The entries of a parsed messages file: rule id → message code → sentence. */
function entriesOf(data: unknown, file: string): MessageEntry[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new MessagesError(`${file}: expected a mapping of rule ids (e.g. para-17/letter-date) to their sentences`);
  }
  const out: MessageEntry[] = [];
  for (const [rule, codes] of Object.entries(data)) {
    if (codes === null || typeof codes !== 'object' || Array.isArray(codes)) {
      throw new MessagesError(`${file}: ${rule}: expected a mapping of message codes to sentences`);
    }
    for (const [code, source] of Object.entries(codes as Record<string, unknown>)) {
      if (typeof source !== 'string') {
        throw new MessagesError(`${file}: ${rule}: ${code}: expected a sentence (text)`);
      }
      try {
        out.push({ rule, code, source, params: parseMessage(source).params });
      } catch (error) {
        if (error instanceof MessageSyntaxError) throw new MessagesError(`${file}: ${rule}: ${code}: ${error.message}`);
        throw error;
      }
    }
  }
  return out;
}

const key = (rule: string, code: string) => `${rule}\u0000${code}`;

function catalogueOf(entries: readonly MessageEntry[]): MessageCatalogue {
  const byKey = new Map(entries.map((e) => [key(e.rule, e.code), e]));
  const parsed = new Map<string, ParsedMessage>();
  return {
    render(rule, code, params) {
      const k = key(rule, code);
      let message = parsed.get(k);
      if (message === undefined) {
        const entry = byKey.get(k);
        if (entry === undefined) throw new Error(`the message catalogue has no sentence for ${rule} ${code}`);
        message = parseMessage(entry.source);
        parsed.set(k, message);
      }
      return formatMessage(message, params, `${rule} ${code}`);
    },
    entries: () => [...byKey.values()],
  };
}

/** A catalogue of the given sentences alone (rule id → message code → sentence), e.g. for a test's own rule. */
export function catalogueFrom(data: Readonly<Record<string, Readonly<Record<string, string>>>>): MessageCatalogue {
  return catalogueOf(entriesOf(data, 'the catalogue given'));
}

const cache = new Map<string, MessageCatalogue>();

/**
 * The bundled catalogue, with the sentences of `overrideFile` (an ISP's
 * messages.yaml) in place of the bundled ones of the same rule and code.
 * An override may use only the parameters the bundled sentence uses, so it
 * always renders. Read once per process and file.
 */
export function loadMessages(overrideFile?: string): MessageCatalogue {
  const cacheKey = overrideFile ?? '';
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const bundled = bundledEntries();
  let entries = bundled;
  if (overrideFile !== undefined) {
    const byKey = new Map(bundled.map((e) => [key(e.rule, e.code), e]));
    for (const own of readEntries(overrideFile)) {
      const base = byKey.get(key(own.rule, own.code));
      if (base === undefined) {
        throw new MessagesError(
          `${overrideFile}: ${own.rule}: ${own.code} is not a message of the catalogue; expected one of the rule ids and codes in templates/messages/en.yaml`,
        );
      }
      const unknown = [...own.params].filter((p) => !base.params.has(p));
      if (unknown.length > 0) {
        throw new MessagesError(
          `${overrideFile}: ${own.rule}: ${own.code} uses {${unknown.join('}, {')}}, which this message does not have; expected only ${
            base.params.size === 0 ? 'no parameters' : `{${[...base.params].join('}, {')}}`
          }`,
        );
      }
      byKey.set(key(own.rule, own.code), own);
    }
    entries = [...byKey.values()];
  }
  const catalogue = catalogueOf(entries);
  cache.set(cacheKey, catalogue);
  return catalogue;
}

/** The catalogue for a templates folder: its messages.yaml over the bundled one, or the bundled one alone. */
export function messagesForTemplates(dir?: string): MessageCatalogue {
  if (dir === undefined) return loadMessages();
  const own = join(dir, messagesFileName);
  return loadMessages(existsSync(own) ? own : undefined);
}
