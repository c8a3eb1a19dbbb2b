/**
 * The moves of the random-edit proof (test/serve/browser-proof.test.ts), each as a person makes it on the
 * drafting page, and what each leaves the form holding: `expected` is every word typed (or written into the
 * file by another editor), by path, for the proof to compare with the file and with the page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { field, list } from './browser-support.js';
import { random } from '../../bench/generate-forms.js';

export type Path = (string | number)[];

/** The text fields typed into; the first five are one line in the example form, so they can be typed in the YAML too. */
export const texts: Path[] = [
  ['findings', 'teachingAndLearning'],
  ['findings', 'leadership'],
  ['findings', 'governance'],
  ['findings', 'barriers'],
  ['evidence', 'parentView'],
  ['context'],
];
export const focus: Path = ['visit', 'focus'];
export const town: Path = ['school', 'address', 'town'];
const words = ['pupils', 'leaders', 'mathematics', 'governors', 'reading', 'Year 4', 'improved', 'checks', 'plan'];

/** A small seeded generator, so a failing run can be repeated from its seed. */
export { random };

/** What the proof holds while it runs: the page, the form file, and what each field must hold. */
export interface Run {
  page: Page;
  form: string;
  rand: () => number;
  /** By JSON path: a text field's words, the focus list as a whole, the town. */
  expected: Map<string, unknown>;
  log: string[];
}

export const key = (path: Path) => JSON.stringify(path);
export const pick = <T>(run: Run, items: readonly T[]): T => items[Math.floor(run.rand() * items.length)] as T;

/** A sentence no earlier one shares (its number), so a lost or misplaced word shows. */
export function sentence(run: Run): string {
  const count = 1 + Math.floor(run.rand() * 4);
  return `${Array.from({ length: count }, () => pick(run, words)).join(' ')} ${Math.floor(run.rand() * 1e6)}.`;
}

/** A person's pauses while typing: mostly none or short, sometimes longer than the page's 0.3 s wait before saving. */
const pause = (run: Run) => pick(run, [0, 0, 20, 80, 150, 350]);

/** Types `text` into the focused box in one to three bursts with a random pause between them. */
async function typeInBursts(run: Run, text: string): Promise<void> {
  const bursts = 1 + Math.floor(run.rand() * 3);
  const size = Math.ceil(text.length / bursts);
  for (let start = 0; start < text.length; start += size) {
    if (start > 0) await run.page.waitForTimeout(pause(run));
    await run.page.keyboard.insertText(text.slice(start, start + size));
  }
}

/** Types into a field's box: a new text over the old, or more words after it. */
export async function typeInField(run: Run, path: Path): Promise<void> {
  const box = field(run.page, path).locator('textarea');
  const replace = run.rand() < 0.5;
  const words = replace ? sentence(run) : ` ${sentence(run)}`;
  run.log.push(`type ${replace ? 'over' : 'after'} ${path.join('.')}: ${words}`);
  await box.focus();
  await run.page.keyboard.press(replace ? 'ControlOrMeta+A' : 'ControlOrMeta+End');
  await typeInBursts(run, words);
  run.expected.set(key(path), replace ? words : `${String(run.expected.get(key(path)) ?? '')}${words}`);
}

const focusItems = (run: Run) => (run.expected.get(key(focus)) as string[] | undefined) ?? [];
const shownItems = (run: Run) => list(run.page, focus).locator('li.item');

/** "Add focus", then a sentence typed into the new item. */
export async function addItem(run: Run): Promise<void> {
  const items = focusItems(run);
  run.log.push(`add focus ${items.length + 1}`);
  await list(run.page, focus).locator('button.add').click();
  const box = field(run.page, [...focus, items.length]).locator('textarea');
  await box.waitFor();
  run.expected.set(key(focus), [...items, '']);
  const text = sentence(run);
  run.log.push(`type into focus ${items.length + 1}: ${text}`);
  await box.focus();
  await typeInBursts(run, text);
  run.expected.set(key(focus), [...items, text]);
}

/** "Remove" on any item of the focus list; the person sees it go before going on. */
export async function removeItem(run: Run): Promise<void> {
  const items = focusItems(run);
  if (items.length === 0) return addItem(run);
  const index = Math.floor(run.rand() * items.length);
  run.log.push(`remove focus ${index + 1} of ${items.length}`);
  await list(run.page, focus)
    .locator(`li.item[data-path='${key([...focus, index])}']`)
    .locator('button.remove')
    .click();
  run.expected.set(
    key(focus),
    items.filter((_, i) => i !== index),
  );
  await expect.poll(() => shownItems(run).count(), { timeout: 60_000, interval: 50 }).toBe(items.length - 1);
}

/** To the YAML tab and back; on the way, sometimes words typed at the end of a field's line in the YAML. */
export async function viaYaml(run: Run): Promise<void> {
  await run.page.click('#tab-yaml');
  const path = pick(run, texts.slice(0, 5));
  const was = run.expected.get(key(path));
  const [section, name] = path as [string, string];
  // The caret goes at the end of the field's line as the box shows it at that moment (in one step in the
  // page, as a person's click: the text may just have been refreshed from a save).
  const placed =
    run.rand() < 0.6 &&
    typeof was === 'string' &&
    (await run.page.locator('#yaml').evaluate(
      (box: { value: string; focus(): void; setSelectionRange(a: number, b: number): void }, [section, name, was]) => {
        const line = new RegExp(`\\n${section}:\\n(?:  .*\\n|\\n)*?  ${name}: (.*)\\n`).exec(box.value);
        if (line === null || line[1] !== was) return false;
        const end = line.index + line[0].length - 1;
        box.focus();
        box.setSelectionRange(end, end);
        return true;
      },
      [section, name, was] as const,
    ));
  if (placed) {
    const more = ` ${sentence(run)}`;
    run.log.push(`type in the YAML after ${path.join('.')}: ${more}`);
    await typeInBursts(run, more);
    run.expected.set(key(path), `${was}${more}`);
  } else {
    run.log.push('switch to YAML and back');
    await run.page.waitForTimeout(pause(run));
  }
  await run.page.click('#tab-fields');
  // The fields wait for what was typed in the YAML to be saved; so does the person.
  await expect
    .poll(() => run.page.locator('#fields').getAttribute('inert'), { timeout: 60_000, interval: 50 })
    .toBeNull();
}

/** Another editor changes the town in the file, once the page has saved. */
export async function editorWrites(run: Run): Promise<void> {
  await settle(run, false);
  const name = `Town ${Math.floor(run.rand() * 1e6)}`;
  run.log.push(`an editor sets the town to ${name}`);
  const text = readFileSync(run.form, 'utf8');
  writeFileSync(run.form, text.replace(/\n {4}town: .*\n/, `\n    town: ${name}\n`));
  run.expected.set(key(town), name);
}

/**
 * Until the page has saved everything: waiting for it (0.3 s after the last key) or pressing "Save form".
 * Then the status must say "Saved to …" (or, on a page with nothing typed yet, "Editing …").
 */
export async function settle(run: Run, pressSave = run.rand() < 0.7): Promise<void> {
  if (pressSave) await run.page.click('#save-now');
  const status = run.page.locator('#save-status');
  await expect
    .poll(() => status.innerText(), { timeout: 60_000, interval: 50 })
    .toMatch(/^(Saved|Not saved:|Editing )/);
  expect(await status.innerText()).toMatch(/^(Saved to |Editing )/);
}

/** What the page shows for each path, read at one moment as the person sees it: a box's text, or a list's texts. */
export function shownValues(page: Page, paths: string[]): Promise<Record<string, unknown>> {
  return page.evaluate(
    ([paths, list]) => {
      const shown: Record<string, unknown> = {};
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): { value: string }[] } })
        .document;
      for (const path of paths) {
        const boxes = [...doc.querySelectorAll(`[data-path='${path}'] :is(textarea, input)`)].map((box) => box.value);
        shown[path] = path === list ? boxes : boxes[0];
      }
      return shown;
    },
    [paths, key(focus)] as const,
  );
}
