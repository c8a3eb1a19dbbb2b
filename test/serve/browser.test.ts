/**
 * The drafting page in a real browser: Debian's chromium driven by playwright-core. Skipped, with a
 * message, where chromium is not installed (`.ci/run` installs it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { prepareContext } from '../../src/workflow/context.js';
import { prepareLetterService } from '../../src/workflow/page.js';
import { startServer } from '../../src/serve/server.js';
import { needs } from '../support/programs.js';
import { eventually, field, launch } from './browser-support.js';
import { readPdf } from '../writers/pdf/read-pdf.js';
import { startWorkspace, type Workspace } from './workspace.js';

const { describe } = needs('chromium');

describe('serve: the drafting page in chromium', () => {
  let browser: Browser;
  let ws: Workspace;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    await ws?.server.close();
  });

  async function open(url = ws.server.url, context = browser): Promise<Page> {
    const page = await context.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
    pages.push(page);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(url);
    await field(page, ['school', 'name']).locator('input').waitFor();
    expect(problems).toEqual([]);
    return page;
  }

  it('shows a diagnostic beside the field as the HMI types, and takes it away when put right', async () => {
    ws = await startWorkspace();
    const page = await open();
    const teaching = field(page, ['findings', 'teachingAndLearning']);
    await teaching.locator('textarea').fill('');
    const diagnostic = teaching.locator('.diagnostic.error');
    await diagnostic.waitFor();
    expect(await diagnostic.innerText()).toMatch(/teaching and learning[\s\S]*para 16/);
    await eventually(() => page.locator('#summary-counts').innerText()).toMatch(/1 error/);
    // The preview marks the gap where the paragraph belongs.
    const letter = page.frameLocator('#letter');
    await letter.locator('strong.gap').first().waitFor();

    await teaching.locator('textarea').fill('Teaching in Year 4 now stretches the most able <pupils> & *all* others.');
    await diagnostic.waitFor({ state: 'detached' });
    await letter.getByText('Teaching in Year 4 now stretches the most able <pupils> & *all* others.').waitFor();
    await eventually(() => readFileSync(ws.form, 'utf8')).toContain('Teaching in Year 4 now stretches');
    // The YAML tab shows the same text, comments kept.
    await page.click('#tab-yaml');
    const yaml = await page.locator('#yaml').inputValue();
    expect(yaml).toBe(readFileSync(ws.form, 'utf8'));
    expect(yaml).toContain('# The bundled example');
  });

  it('keeps the fields in step with the YAML text, and the YAML with the fields', async () => {
    ws = await startWorkspace();
    const page = await open();
    await page.click('#tab-yaml');
    const yaml = page.locator('#yaml');
    const original = await yaml.inputValue();
    // A key no field shows (a slip in the YAML) is listed, open, at the top.
    await yaml.fill(`${original}notes: typed by mistake\n`);
    await page.locator('#summary #summary-list .diagnostic.error').first().waitFor();
    expect(await page.locator('#summary-list').innerText()).toMatch(/notes/);
    await yaml.fill(original.replace('    town: Norwich\n', '    town: Wymondham\n'));
    await page.click('#tab-fields');
    await eventually(() => field(page, ['school', 'address', 'town']).locator('input').inputValue()).toBe('Wymondham');

    // A list grows: a second visit day, typed as day, month and year.
    const dates = page.locator(`fieldset.list[data-path='${JSON.stringify(['visit', 'dates'])}']`);
    await dates.locator('button.add').click();
    const second = field(page, ['visit', 'dates', 1]);
    await second.getByLabel('Day').waitFor();
    await second.getByLabel('Day').fill('13');
    await second.getByLabel('Month').fill('3');
    await second.getByLabel('Year').fill('2014');
    await eventually(() => readFileSync(ws.form, 'utf8')).toContain('dates: [2014-03-12, 2014-03-13]');
    // …and shrinks.
    await field(page, ['visit', 'dates', 1]).locator('xpath=..').locator('button.remove').click();
    await eventually(() => readFileSync(ws.form, 'utf8')).toContain('dates: [2014-03-12]\n');
    await page.click('#tab-yaml');
    await eventually(() => yaml.inputValue()).toContain('dates: [2014-03-12]\n');
  });

  it('writes the draft as draft does, and the PDF reads back with what was typed', async () => {
    ws = await startWorkspace();
    const page = await open();
    const leadership = field(page, ['findings', 'leadership']).locator('textarea');
    await leadership.fill('Leaders have acted with determination; Łukasz Nowak chairs the governors.');
    await page.click('#write-draft');
    await page.locator('[data-banner="draft"]').waitFor();
    expect(await page.locator('[data-banner="draft"]').innerText()).toContain('output/121190-2014-03-12-draft.pdf');
    const pdf = await readPdf(new Uint8Array(readFileSync(join(ws.out, '121190-2014-03-12-draft.pdf'))));
    const text = pdf.leaves.map((l) => l.text).join(' ');
    expect(text).toContain('Łukasz Nowak chairs the governors');
    expect(existsSync(join(ws.out, '121190-2014-03-12-draft.docx'))).toBe(true);
  });

  it('warns a second tab on the same form, and merges a save from a page that is behind, keeping the other work', async () => {
    ws = await startWorkspace();
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const first = await context.newPage();
      await first.goto(ws.server.url);
      await field(first, ['school', 'name']).locator('input').waitFor();
      const second = await context.newPage();
      await second.goto(ws.server.url);
      await field(second, ['school', 'name']).locator('input').waitFor();
      for (const page of [first, second]) await page.locator('[data-banner="other-tab"]').waitFor();

      // An editor changes the file under the page: the page's next save is merged field by field, the
      // editor's line kept (a field both changed is asked about: test/serve/browser-words.test.ts).
      writeFileSync(ws.form, `${readFileSync(ws.form, 'utf8')}# changed in an editor\n`);
      await field(first, ['context']).locator('textarea').fill('A new context.');
      await eventually(() => readFileSync(ws.form, 'utf8')).toContain('A new context.');
      expect(readFileSync(ws.form, 'utf8')).toContain('# changed in an editor');
    } finally {
      await context.close();
    }
  });

  it('sends what was typed while the server was down as soon as it answers again', async () => {
    ws = await startWorkspace();
    const page = await open();
    const port = ws.server.port;
    await ws.server.close();
    await field(page, ['findings', 'barriers']).locator('textarea').fill('Typed while the server was stopped.');
    await page.locator('[data-banner="offline"]').waitFor();
    ws = { ...ws, server: await restart(port) };
    await eventually(() => readFileSync(ws.form, 'utf8')).toContain('barriers: Typed while the server was stopped.');
  });

  it('offers, after a restart, what a closed page could not save', async () => {
    ws = await startWorkspace();
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(ws.server.url);
      await field(page, ['findings', 'barriers']).locator('textarea').waitFor();
      const port = ws.server.port;
      await ws.server.close();
      await field(page, ['findings', 'barriers']).locator('textarea').fill('Typed, then the page was closed.');
      await page.locator('[data-banner="offline"]').waitFor();
      await page.close({ runBeforeUnload: false });
      ws = { ...ws, server: await restart(port) };
      expect(readFileSync(ws.form, 'utf8')).not.toContain('Typed, then the page was closed.');
      const again = await context.newPage();
      await again.goto(ws.server.url);
      const offer = again.locator('[data-banner="left-over"]');
      await offer.waitFor();
      await offer.getByRole('button', { name: 'Apply them' }).click();
      await eventually(() => readFileSync(ws.form, 'utf8')).toContain('barriers: Typed, then the page was closed.');
    } finally {
      await context.close();
    }
  });

  /** The server again, on the same port (the browser keeps unsaved work per address). */
  function restart(port: number) {
    return startServer({
      form: ws.form,
      formName: 'visit.yaml',
      out: ws.out,
      outName: 'output',
      port,
      letters: prepareLetterService(prepareContext(ws.io)),
      io: ws.io,
    });
  }
});
