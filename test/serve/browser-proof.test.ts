/**
 * The random-edit proof (issue 15 §1): random edit sequences driven in a real browser (typing with random
 * pauses, adding and removing list items, switching between Fields and YAML, another editor changing the
 * file on disk, the server stopped and started again), after each of which the file on disk, and what the
 * page shows after a reload, hold every word typed. Zero words lost.
 *
 * One browser, several sequences per page load, short sequences. The seed is printed on failure; run
 * again with it: SERVE_PROOF_SEED=123 npx vitest run test/serve/browser-proof.test.ts. The number of
 * sequences is SERVE_PROOF_SEQUENCES (default 200, the number the README gives).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareLetterService } from '../../src/workflow/page.js';
import { prepareContext } from '../../src/workflow/context.js';
import { startServer } from '../../src/serve/server.js';
import { formData, valueAt } from '../../src/evidence/yaml-edit.js';
import { field, hasChromium, launch, list } from './browser-support.js';
import { startWorkspace, type Workspace } from './workspace.js';

const sequences = Number(process.env.SERVE_PROOF_SEQUENCES ?? 200);
const seed = Number(process.env.SERVE_PROOF_SEED ?? Date.now() % 1_000_000);
const perPage = 10;

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
function random(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const texts: (string | number)[][] = [
  ['findings', 'teachingAndLearning'],
  ['findings', 'leadership'],
  ['findings', 'governance'],
  ['findings', 'barriers'],
  ['context'],
  ['evidence', 'parentView'],
];
const words = ['pupils', 'leaders', 'mathematics', 'governors', 'reading', 'Year 4', 'improved', 'checks', 'plan'];

// Runs when SERVE_PROOF=1: it has not yet completed a full run on the shared development machine, so it is
// kept out of the default suite until it has (see the README).
const enabled = process.env.SERVE_PROOF === '1';

describe.skipIf(!hasChromium || !enabled)('serve: the random-edit proof', () => {
  let browser: Browser;
  let ws: Workspace;

  beforeAll(async () => {
    browser = await launch();
    ws = await startWorkspace();
  });
  afterAll(async () => {
    await ws?.server.close();
    await browser?.close();
  });

  it(`loses no word over ${sequences} random edit sequences`, { timeout: 3_600_000 }, async () => {
    const rand = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
    const sentence = () =>
      Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(words)).join(' ') + ` ${Math.floor(rand() * 1e6)}.`;
    /** What each field must hold: what was typed last, or what the other editor wrote. */
    const expected = new Map<string, unknown>();
    let done = 0;
    let page: Page | undefined;
    const log: string[] = [];
    try {
      while (done < sequences) {
        const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 900 } });
        page = await context.newPage();
        await page.goto(ws.server.url);
        await field(page, ['school', 'name']).locator('input').waitFor();
        // What the page offers back after a reload is what was typed: nothing is left over.
        expect(await page.locator('[data-banner="left-over"]').count()).toBe(0);
        for (const [key, value] of expected) {
          const box = field(page, JSON.parse(key) as (string | number)[]).locator('textarea, input');
          expect(await box.inputValue(), key).toBe(value);
        }
        for (let n = 0; n < perPage && done < sequences; n++, done++) {
          const steps = 1 + Math.floor(rand() * 3);
          for (let s = 0; s < steps; s++) {
            const action = rand();
            if (action < 0.5) {
              const path = pick(texts);
              const text = sentence();
              log.push(`${done}: type ${path.join('.')} ${text}`);
              const box = field(page, path).locator('textarea');
              await box.fill('');
              const [first, second] = [text.slice(0, text.length >> 1), text.slice(text.length >> 1)];
              await box.pressSequentially(first, { delay: Math.floor(rand() * 30) });
              await page.waitForTimeout(Math.floor(rand() * 500));
              await box.pressSequentially(second, { delay: Math.floor(rand() * 30) });
              expected.set(JSON.stringify(path), text);
            } else if (action < 0.62) {
              const focus = ['visit', 'focus'];
              const items = (valueAt(formData(readFileSync(ws.form, 'utf8')), focus) as unknown[] | undefined) ?? [];
              const index = items.length;
              log.push(`${done}: add focus ${index}`);
              await list(page, focus).locator('button.add').last().click();
              const box = field(page, [...focus, index]).locator('textarea');
              await box.waitFor();
              const text = sentence();
              await box.pressSequentially(text, { delay: Math.floor(rand() * 20) });
              expected.set(JSON.stringify([...focus, index]), text);
            } else if (action < 0.7) {
              const focus = ['visit', 'focus'];
              const items = (valueAt(formData(readFileSync(ws.form, 'utf8')), focus) as unknown[] | undefined) ?? [];
              if (items.length === 0 || !expected.has(JSON.stringify([...focus, items.length - 1]))) continue;
              log.push(`${done}: remove focus ${items.length - 1}`);
              await field(page, [...focus, items.length - 1])
                .locator('xpath=ancestor::li[1]')
                .locator('button.remove')
                .first()
                .click();
              expected.delete(JSON.stringify([...focus, items.length - 1]));
              await waitSaved(page);
            } else if (action < 0.8) {
              log.push(`${done}: switch to YAML and back`);
              await page.click('#tab-yaml');
              await page.waitForTimeout(Math.floor(rand() * 200));
              await page.click('#tab-fields');
            } else if (action < 0.9) {
              const town = `Town ${Math.floor(rand() * 1e6)}`;
              log.push(`${done}: editor sets the town to ${town}`);
              await waitSaved(page);
              const text = readFileSync(ws.form, 'utf8');
              writeFileSync(ws.form, text.replace(/\n {4}town: .*\n/, `\n    town: ${town}\n`));
              expected.set(JSON.stringify(['school', 'address', 'town']), town);
            } else {
              log.push(`${done}: server stopped, typed, started`);
              const port = ws.server.port;
              await ws.server.close();
              const path = pick(texts);
              const text = sentence();
              const box = field(page, path).locator('textarea');
              await box.fill(text);
              expected.set(JSON.stringify(path), text);
              await page.waitForTimeout(400);
              ws = {
                ...ws,
                server: await startServer({
                  form: ws.form,
                  formName: 'visit.yaml',
                  out: ws.out,
                  outName: 'output',
                  port,
                  letters: prepareLetterService(prepareContext(ws.io)),
                  io: ws.io,
                }),
              };
            }
          }
          await waitSaved(page);
          const onDisk = formData(readFileSync(ws.form, 'utf8'));
          for (const [key, value] of expected) expect(valueAt(onDisk, JSON.parse(key) as string[]), key).toBe(value);
        }
        await context.close();
        page = undefined;
      }
    } catch (error) {
      const shot = `/tmp/serve-proof-${seed}.png`;
      await page?.screenshot({ path: shot }).catch(() => undefined);
      process.stderr.write(
        `random-edit proof failed with SERVE_PROOF_SEED=${seed} after ${done} sequences (screenshot ${shot}); last steps:\n${log.slice(-12).join('\n')}\n`,
      );
      throw error;
    }
    expect(done).toBe(sequences);
  });
});

/** Waits until the page says everything is saved (never "Saved, except…"). */
async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(
    "/^(Saved|Not saved)/.test(document.getElementById('save-status')?.textContent ?? '')",
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  expect(await page.locator('#save-status').innerText()).toMatch(/^Saved to /);
}
