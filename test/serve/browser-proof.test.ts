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
import { formData, valueAt } from '../../src/evidence/yaml-edit.js';
import { field, hasChromium, launch } from './browser-support.js';
import {
  addItem,
  editorWrites,
  key,
  random,
  removeItem,
  settle,
  shownValues,
  texts,
  town,
  typeInField,
  viaYaml,
  pick,
  type Path,
  type Run,
} from './random-edits.js';
import { restartServer, startWorkspace, type Workspace } from './workspace.js';

const sequences = Number(process.env.SERVE_PROOF_SEQUENCES ?? 200);
const seed = Number(process.env.SERVE_PROOF_SEED ?? 20261205);
/** A reload (what the page shows and offers after it) every this many sequences, and at the end. */
const reloadEvery = 25;
/** Wall time by kind of move, printed with SERVE_PROOF_TIMING=1 (to see where a run's time goes). */
const spent: Record<string, [count: number, ms: number]> = {};
async function timed(kind: string, move: () => Promise<void>): Promise<void> {
  const start = performance.now();
  await move();
  const [count, ms] = spent[kind] ?? [0, 0];
  spent[kind] = [count + 1, Math.round(ms + performance.now() - start)];
}

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
    const restart = async () => {
      ws = await restartServer(ws);
      expect(ws.server.port, 'the server came back on its port').toBe(port);
    };
    const context: BrowserContext = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1400, height: 900 },
    });
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
        // One to three moves (two in five, two in five, one in five).
        const steps = 1 + Math.floor(run.rand() * 2.5);
        for (let s = 0; s < steps; s++) {
          const move = run.rand();
          if (move < 0.55) await timed('type', () => typeInField(run, pick(run, texts)));
          else if (move < 0.65) await timed('add', () => addItem(run));
          else if (move < 0.73) await timed('remove', () => removeItem(run));
          else if (move < 0.83) await timed('yaml', () => viaYaml(run));
          else if (move < 0.97) await timed('editor', () => editorWrites(run));
          else await timed('restart', () => stopTypeStart(run));
        }
        await timed('settle', () => settle(run));
        expect(pageErrors, 'errors thrown by the page').toEqual([]);
        await timed('compare', async () => {
          await compareWithDisk(run);
          await compareWithPage(run);
        });
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
      const said = await run.page
        .locator('#save-status, [data-banner], #fields-paused:not([hidden])')
        .allInnerTexts()
        .catch(() => ['(the page is gone)']);
      process.stderr.write(
        `random-edit proof failed with SERVE_PROOF_SEED=${seed} in sequence ${done + 1} (screenshot ${shot}); last steps:\n${run.log.slice(-16).join('\n')}\nthe page said: ${said.join(' | ')}\nthe page threw: ${pageErrors.join(' | ')}\n`,
      );
      throw error;
    } finally {
      await context.close();
    }
    expect(done).toBe(sequences);
    if (process.env.SERVE_PROOF_TIMING)
      process.stderr.write(`random-edit proof, ms by move: ${JSON.stringify(spent)}\n`);

    /**
     * The server stops; the person types; the page says it is not answering. Then either the server comes
     * back and "Save form" sends it, or the page is closed first and a new page, once the server is back,
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
        // Offered back, unless the closing page's last request reached the server as it came back (then the
        // words are in the file already, which the comparison after the sequence checks).
        const offered = run.page.locator('[data-banner="left-over"]');
        if ((await offered.count()) > 0) await offered.getByRole('button', { name: 'Apply them' }).click();
        else run.log.push('nothing offered: the closing page saved it');
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

/** Errors the page's script threw: each one fails the proof (a thrown error can stop saving). */
const pageErrors: string[] = [];

async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
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
  const paths = [...run.expected.keys()].filter((path) => path !== key(town));
  const shown = await shownValues(run.page, paths);
  for (const path of paths) expect(shown[path], `${path} on the page`).toEqual(run.expected.get(path) ?? '');
}
