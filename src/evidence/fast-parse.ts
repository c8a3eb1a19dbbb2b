/**
 * The fast way in for a form that is already right (issue 18): js-yaml
 * reads the text to plain values about twice as fast as the `yaml` package
 * builds its document with every node's position, and most forms of a batch
 * need no position at all. load.ts tries this first and takes the result
 * only when the form then passes the schema; anything else (a syntax error,
 * a duplicate key, a wrong value, or a text using YAML's rarer features,
 * where two parsers might read it differently) goes the one full way, with
 * positions, which alone makes diagnostics. So a diagnostic is the same
 * whichever way the form came in; test/evidence/fast-parse.property.test.ts
 * checks the two ways give equal values and equal diagnostics.
 */
import { CORE_SCHEMA, load } from 'js-yaml';

/**
 * YAML features the fast way leaves to the full one: directives (`%YAML`),
 * tags (`!!str`, `!local`), anchors and aliases (`&a`, `*a`; the full way
 * limits their expansion), and a byte-order mark or other format character
 * inside the text. Narrative text may trip these (" *very*"): the form then
 * simply takes the full way.
 */
const rarerFeatures = /^%|(?:^|[\s,[{])[!&*][^\s,[\]{}]|[\uFEFF\u2028\u2029\u0085]/m;

/**
 * Plain values the two parsers read differently: js-yaml takes `1e400` for text where `yaml` reads a number
 * too large to hold, and `.nan` / `.inf` for numbers it then cannot tell from a lost one. A value starting so
 * takes the full way, whose loader says what was written (test/hostile/cli.test.ts).
 */
const numberLike = /(?:^|[:-]\s+)[-+]?(?:\.(?:nan|inf)|[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9])/im;

/**
 * More brackets than any form has: flow nesting that deep could exhaust js-yaml's recursion (a test process
 * running test/hostile/loader.test.ts died once), so it takes the full way, which refuses it by name.
 */
/** How many brackets ([ or {) a text opens, and how deeply they nest (brackets inside quotes count too). */
export function bracketScan(source: string): { opened: number; deepest: number } {
  let opened = 0;
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x5b || code === 0x7b) {
      opened++;
      deepest = Math.max(deepest, ++depth);
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) depth--;
  }
  return { opened, deepest };
}

function manyBrackets(source: string, opened: number): boolean {
  // A text far longer than any form (a letter's form is a few tens of kilobytes) is hostile or broken: the
  // full way counts its entries and refuses it before building anything large (file/too-many-entries).
  return source.length > 200_000 || opened > 1000;
}

/**
 * The form's values when the fast way can read them, else undefined (the full way then reads the text).
 * `opened`: the brackets the text opens, when the caller has counted them already (bracketScan).
 */
export function readValuesFast(source: string, opened?: number): unknown {
  if (rarerFeatures.test(source) || numberLike.test(source)) return undefined;
  if (manyBrackets(source, opened ?? bracketScan(source).opened)) return undefined;
  try {
    const data = load(source, { schema: CORE_SCHEMA, maxAliases: 0 });
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? data : undefined;
  } catch {
    return undefined;
  }
}
