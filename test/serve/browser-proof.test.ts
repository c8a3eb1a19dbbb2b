/**
 * The random-edit proof (issue 15 §1): random edit sequences driven in a real browser (typing in bursts with
 * random pauses, adding and removing list items, switching between Fields and YAML and typing in either,
 * another editor changing the file on disk, the server stopped and started again, with the page left open
 * or closed meanwhile). After each sequence the file on disk holds every word typed, and the page shows
 * it; after a reload, and on a page opened after a restart, the page offers back what was not saved and
 * shows every word. Zero words lost.
 *
 * The seed is fixed, so every run drives the same sequences; SERVE_PROOF_SEED=N picks others, and a
 * failure prints its seed and last steps. SERVE_PROOF_SEQUENCES=N sets the count (200, as the README says).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/serve/server.js';
import { formData, valueAt } from '../../src/evidence/yaml-edit.js';
import { field, hasChromium, launch } from './browser-support.js';
import {
  addItem,
  editorWrites,
  focus,
  key,
  random,
  removeItem,
  settle,
  shown,
  texts,
  textBox,
  town,
  typeInField,
  viaYaml,
  pick,
  type Path,
  type Run,
} from './random-edits.js';
import { startWorkspace, type Workspace } from './workspace.js';

const sequences = Number(process.env.SERVE_PROOF_SEQUENCES ?? 200);
const seed = Number(process.env.SERVE_PROOF_SEED ?? 20261205);
/** A reload (what the page shows and offers after it) every this many sequences, and at the end. */
const reloadEvery = 25;

describe.skipIf(!hasChromium)('serve: the random-edit proof', () => {
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

  it(`loses no word over ${sequences} random edit sequences (seed ${seed})`, { timeout: 1_800_000 }, async () => {
    const port = ws.server.port;
    const letters = ws.letters;
    const restart = async () => {
      ws = { ...ws, server: await startServer({ ...ws.options, port, letters }) };
      expect(ws.server.port, 'the server came back on its port').toBe(port);
    };
    const context: BrowserContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1400, height: 900 } });
    const run: Run = {
      page: await openPage(context, ws.server.url),
      form: ws.form,
      rand: random(seed),
      expected: new Map(),
      log: [],
    };
    const start = formData(readFileSync(ws.form, 'utf8'));
    for (const path of [...texts, town]) run.expected.set(key(path), valueAt(start, path));

    let done = 0;
    try {
      for (; done < sequences; done++) {
        run.log.push(`-- sequence ${done + 1}`);
        const steps = 1 + Math.floor(run.rand() * 3);
        for (let s = 0; s < steps; s++) {
          const move = run.rand();
          if (move < 0.5) await typeInField(run, pick(run, texts));
          else if (move < 0.62) await addItem(run);
          else if (move < 0.7) await removeItem(run);
          else if (move < 0.82) await viaYaml(run);
          else if (move < 0.92) await editorWrites(run);
          else await stopTypeStart(run);
        }
        await settle(run);
        await compareWithDisk(run);
        await compareWithPage(run);
        if ((done + 1) % reloadEvery === 0 || done + 1 === sequences) {
          run.log.push('reload');
          await run.page.reload();
          await ready(run.page);
          expect(await run.page.locator('[data-banner="left-over"]').count(), 'nothing left over').toBe(0);
          await compareWithPage(run);
        }
      }
    } catch (error) {
      const shot = `output/screenshots/serve-proof-${seed}.png`;
      await run.page.screenshot({ path: shot }).catch(() => undefined);
      process.stderr.write(
        `random-edit proof failed with SERVE_PROOF_SEED=${seed} in sequence ${done + 1} (screenshot ${shot}); last steps:\n${run.log.slice(-16).join('\n')}\n`,
      );
      throw error;
    } finally {
      await context.close();
    }
    expect(done).toBe(sequences);

    /**
     * The server stops; the person types; the page says it is not answering. Then either the server comes
     * back and "Save now" sends it, or the page is closed first and a new page, once the server is back,
     * offers what was typed and applies it.
     */
    async function stopTypeStart(run: Run): Promise<void> {
      await ws.server.close();
      run.log.push('server stopped');
      await typeInField(run, pick(run, texts));
      await run.page.locator('[data-banner="offline"]').waitFor({ timeout: 60_000 });
      if (run.rand() < 0.5) {
        run.log.push('page closed; server started; a new page offers the changes back');
        await run.page.close({ runBeforeUnload: false });
        await restart();
        run.page = await openPage(context, ws.server.url);
        await run.page.locator('[data-banner="left-over"]').getByRole('button', { name: 'Apply them' }).click();
      } else {
        run.log.push('server started');
        await restart();
        await run.page.click('#save-now');
      }
    }
  });
});

async function ready(page: Page): Promise<void> {
  await field(page, ['school', 'name']).locator('input').waitFor({ timeout: 60_000 });
}

async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  return page;
}

/** Every word typed, and the editor's town, are in the file. */
async function compareWithDisk(run: Run): Promise<void> {
  const onDisk = formData(readFileSync(run.form, 'utf8'));
  for (const [path, value] of run.expected) {
    expect(valueAt(onDisk, JSON.parse(path) as Path), `${path} in the file`).toEqual(value);
  }
}

/** Every word typed is what the page shows (the town is the editor's, shown once the page hears of it). */
async function compareWithPage(run: Run): Promise<void> {
  for (const [path, value] of run.expected) {
    if (path === key(town)) continue;
    const parsed = JSON.parse(path) as Path;
    if (path !== key(focus)) await textBox(run.page, parsed).waitFor();
    expect(await shown(run, parsed), `${path} on the page`).toEqual(value ?? '');
  }
}
