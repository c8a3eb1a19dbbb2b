/**
 * The message catalogue's sentence format: a subset of ICU MessageFormat, the
 * syntax translators and most localisation tools already know.
 *
 *   {name}                                   the parameter's value
 *   {count, plural, one {# area} other {# areas}}   by number (=0, =1… exact, then one/other); # is the number
 *   {kind, select, a {…} b {…} other {…}}    by value (true/false for a yes-or-no parameter)
 *   '{'  ''                                  a literal brace, a literal apostrophe
 *
 * A sentence is parsed once and rendered many times. Rendering with a
 * parameter the sentence needs but was not given throws: a catalogue entry
 * and the rule that uses it disagree, which is a defect, never a user's error.
 */

/** The values a finding passes to its sentence. */
export type MessageParams = Readonly<Record<string, string | number | boolean>>;

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string }
  | { kind: 'pound' }
  | { kind: 'plural' | 'select'; name: string; options: ReadonlyMap<string, Part[]> };

/** A parsed sentence: its parts and the parameters it names. */
export interface ParsedMessage {
  parts: Part[];
  params: ReadonlySet<string>;
}

/** A sentence the format cannot read: where and why. */
export class MessageSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MessageSyntaxError';
  }
}

/** Parses one sentence of the catalogue. */
export function parseMessage(source: string): ParsedMessage {
  const params = new Set<string>();
  let at = 0;

  const fail = (why: string): never => {
    throw new MessageSyntaxError(`${why} at character ${at + 1} of "${source}"`);
  };

  function parts(inPlural: boolean, nested: boolean): Part[] {
    const out: Part[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') out.push({ kind: 'text', text });
      text = '';
    };
    while (at < source.length) {
      const c = source[at]!;
      if (c === "'" && source[at + 1] === "'") {
        text += "'";
        at += 2;
      } else if (c === "'" && (source[at + 1] === '{' || source[at + 1] === '}' || source[at + 1] === '#')) {
        text += source[at + 1];
        at += 2;
      } else if (c === '{') {
        flush();
        out.push(argument());
      } else if (c === '}') {
        if (!nested) fail('a "}" with no "{" before it');
        break;
      } else if (c === '#' && inPlural) {
        flush();
        out.push({ kind: 'pound' });
        at += 1;
      } else {
        text += c;
        at += 1;
      }
    }
    flush();
    return out;
  }

  function word(): string {
    const match = /^\s*([^\s,{}]+)\s*/.exec(source.slice(at));
    if (!match) return fail('expected a name');
    at += match[0].length;
    return match[1]!;
  }

  function argument(): Part {
    at += 1; // {
    const name = word();
    params.add(name);
    if (source[at] === '}') {
      at += 1;
      return { kind: 'value', name };
    }
    if (source[at] !== ',') return fail(`expected "," or "}" after {${name}`);
    at += 1;
    const kind = word();
    if (kind !== 'plural' && kind !== 'select') return fail(`unknown kind "${kind}" (expected plural or select)`);
    if (source[at] !== ',') return fail(`expected "," after ${kind}`);
    at += 1;
    const options = new Map<string, Part[]>();
    for (;;) {
      const rest = /^\s*/.exec(source.slice(at))!;
      at += rest[0].length;
      if (source[at] === '}') break;
      const key = word();
      if (source[at] !== '{') return fail(`expected "{" after option "${key}"`);
      at += 1;
      options.set(key, parts(kind === 'plural', true));
      if (source[at] !== '}') return fail(`option "${key}" is not closed with "}"`);
      at += 1;
    }
    if (!options.has('other')) return fail(`{${name}, ${kind}} needs an "other" option`);
    at += 1; // }
    return { kind, name, options };
  }

  const parsed = parts(false, false);
  return { parts: parsed, params };
}

const englishPlural = new Intl.PluralRules('en');

/** The sentence with the parameters put in. */
export function formatMessage(message: ParsedMessage, params: MessageParams, code = 'message'): string {
  const value = (name: string): string | number | boolean => {
    const found = params[name];
    if (found === undefined) throw new Error(`message ${code} needs the parameter "${name}", which was not given`);
    return found;
  };

  const render = (parts: readonly Part[], count?: number): string =>
    parts
      .map((part) => {
        switch (part.kind) {
          case 'text':
            return part.text;
          case 'value':
            return String(value(part.name));
          case 'pound':
            return String(count);
          case 'plural': {
            const n = Number(value(part.name));
            const chosen =
              part.options.get(`=${n}`) ?? part.options.get(englishPlural.select(n)) ?? part.options.get('other')!;
            return render(chosen, n);
          }
          case 'select': {
            const chosen = part.options.get(String(value(part.name))) ?? part.options.get('other')!;
            return render(chosen, count);
          }
        }
      })
      .join('');

  return render(message.parts);
}
