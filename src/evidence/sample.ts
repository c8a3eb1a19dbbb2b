/**
 * The sample form `init` writes (templates/init-form.yaml): the one place its
 * sample school and prose live. `init` copies the file; the check that a form
 * no longer holds the sample (src/rules/checks/sample-text.ts) reads the same
 * file, so the two cannot drift apart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { FormPath } from '../ground/diagnostics.js';

/** Where the sample form is, from src/evidence or dist/src/evidence. */
export function initFormUrl(): URL {
  for (const candidate of ['../../templates/init-form.yaml', '../../../templates/init-form.yaml']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  throw new Error('the sample form templates/init-form.yaml is missing from the installation');
}

/** A text in the sample form and where it is. */
export interface SampleText {
  path: FormPath;
  text: string;
}

/** What a form must not still hold when it is validated or finalised. */
export interface InitSample {
  school: { name: string; urn: string };
  /** The sample's prose: every text of eight words or more, outside the short stock phrases a real form may share. */
  prose: SampleText[];
}

/** Stock phrases real forms use too ("the headteacher", "the school improvement plan", Parent View's usual sentence). */
const stockPhrases: readonly string[] = ['evidence.meetings', 'evidence.documents', 'evidence.parentView'];

/** Collapses runs of white space, so a re-wrapped sample paragraph is still the sample. */
export function normaliseText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function texts(value: unknown, path: (string | number)[], out: SampleText[]): SampleText[] {
  if (typeof value === 'string') out.push({ path, text: normaliseText(value) });
  else if (Array.isArray(value)) value.forEach((item, index) => texts(item, [...path, index], out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) texts(inner, [...path, key], out);
  }
  return out;
}

/** Every text in a form-like value, with its path (for comparing a form with the sample). */
export function textsOf(value: unknown): SampleText[] {
  return texts(value, [], []);
}

/** The sample from its YAML text. */
export function sampleFromText(yamlText: string): InitSample {
  // js-yaml, already warm from reading the form (fast-parse.ts): the sample is plain YAML, and `yaml` here cost a
  // cold `validate` 45 ms.
  const data = load(yamlText, { schema: CORE_SCHEMA }) as { school?: { name?: unknown; urn?: unknown } } | null;
  const prose = textsOf(data ?? {}).filter(
    ({ path, text }) => text.split(' ').length >= 8 && !stockPhrases.some((stock) => path.join('.').startsWith(stock)),
  );
  return { school: { name: String(data?.school?.name ?? ''), urn: String(data?.school?.urn ?? '') }, prose };
}

let cached: InitSample | undefined;

/** The sample `init` writes, read once per process. */
export function initSample(): InitSample {
  cached ??= sampleFromText(readFileSync(initFormUrl(), 'utf8'));
  return cached;
}
