/**
 * The workspace (`serve FOLDER`) in a real browser: Debian's chromium driven by playwright-core, every
 * page in every state checked by axe-core (0 violations), sending clicked twice, reloaded and opened in
 * two tabs. Skipped, with a message, where chromium is not installed. Screenshots of the pages go to
 * output/screenshots/ (docs/screenshots/ holds the ones the README shows).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { needs } from '../support/programs.js';
import { draftingPageViolations, eventually, launch } from './browser-support.js';
import { repoRoot } from '../support/fake-io.js';
import { startFaultServer, type FaultPlan, type FaultServer } from '../support/smtp-fault-server.js';
import { fixture, snapshot, startFolderWorkspace, type FolderWorkspace } from './folder-workspace.js';

const { describe } = needs('chromium');

const shots = join(repoRoot, 'output', 'screenshots');
const stMarys = '121190-2014-03-12';
const diocese = 'education@dioceseofnorwich.example';

describe('serve FOLDER: the workspace in chromium', () => {
  let browser: Browser;
  let ws: FolderWorkspace | undefined;
  let smtp: FaultServer | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launch();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    await ws?.server.close();
    await smtp?.stop();
    ws = undefined;
    smtp = undefined;
  });

  async function open(path: string): Promise<Page> {
    // One context per test: its tabs share a browser profile, as two tabs of one person's browser do.
    context ??= await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(new URL(path, ws!.server.url).href);
    await page.locator('h1').waitFor();
    expect(problems).toEqual([]);
    return page;
  }

  /** axe-core finds nothing on the page as it is now. */
  async function accessible(page: Page, state: string): Promise<void> {
    const results = await new AxeBuilder({ page }).analyze();
    const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(found, state).toEqual([]);
  }

  async function finalise(page: Page, button: 'Compare with the HMI’s draft' | 'Finalise letter'): Promise<void> {
    await page.getByLabel('isp-final.yaml').first().check();
    await page.locator('#draft').getByLabel('hmi-draft.yaml').check();
    await page.getByLabel('Day').fill('20');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2014');
    await page.getByRole('button', { name: button }).click();
  }

  it('the queue, opening a letter in the drafting page, and finalising with the comparison', async () => {
    ws = await startFolderWorkspace();
    const queue = await open('/');
    await queue.locator('#queue').waitFor();
    expect(await queue.locator('#queue tbody tr').count()).toBe(2);
    await accessible(queue, 'queue');

    await queue.getByRole('link', { name: /St Mary’s/ }).click();
    await queue.getByRole('heading', { name: 'Finalise the letter' }).waitFor();
    await accessible(queue, 'letter page');

    // A field left wrong: the error summary links to it.
    await queue.getByLabel('Finalised by').fill('');
    await queue.getByRole('button', { name: 'Finalise letter' }).click();
    await queue
      .locator('.govuk-error-summary')
      .getByRole('link', { name: /Enter the name/ })
      .waitFor();
    expect(await queue.locator('.govuk-error-summary').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(
      true,
    );
    await accessible(queue, 'finalise with errors');

    await queue.getByLabel('Finalised by').fill('A. Officer');
    await finalise(queue, 'Compare with the HMI’s draft');
    await queue.locator('#comparison').waitFor();
    expect(await queue.locator('#comparison').innerText()).toContain('Two teaching assistants have been appointed');
    expect(existsSync(ws.folder.out)).toBe(false);
    await accessible(queue, 'finalise comparison');
    await queue.locator('#finalise').screenshot({ path: join(shots, 'finalise-comparison.png') });

    await finalise(queue, 'Finalise letter');
    await queue.locator('#finalised').waitFor();
    await queue.locator('#downloads').getByRole('link', { name: 'Final letter (PDF)' }).waitFor();
    await accessible(queue, 'finalised, downloads');
    const download = queue.waitForEvent('download');
    await queue.locator('#downloads').getByRole('link', { name: 'Final letter (PDF)' }).click();
    expect((await download).suggestedFilename()).toBe(`${stMarys}-final.pdf`);

    // The queue again, with the letter final and two more forms dropped into the folder (one overdue).
    copyFileSync(fixture('forms', 'visit-2013-arrangements.yaml'), join(ws.dir, 'visit-2013-arrangements.yaml'));
    copyFileSync(fixture('forms', 'academy-sponsor-led.yaml'), join(ws.dir, 'academy-sponsor-led.yaml'));
    await queue.getByRole('link', { name: 'Back to the letters' }).click();
    await queue.locator('#queue').waitFor();
    expect(await queue.locator('#queue tbody tr').count()).toBe(4);
    expect(await queue.locator('#queue tbody tr').first().innerText()).toContain('Overdue');
    expect(await queue.locator('#queue').innerText()).toContain('Final');
    await accessible(queue, 'queue with a final and an overdue letter');
    await queue.screenshot({ path: join(shots, 'queue.png'), fullPage: true });
    await queue.getByRole('link', { name: /St Mary’s/ }).click();

    // Opening a form: the same drafting page as `serve FORM`.
    await queue.getByRole('button', { name: 'Open isp-final.yaml in the drafting page' }).click();
    await queue.locator(`.field[data-path='["school","name"]'] input`).waitFor();
    expect(await queue.locator(`.field[data-path='["school","name"]'] input`).inputValue()).toContain('St Mary’s');
  }, 300_000);

  it('a letter opened from the queue links back to the letters (GOV.UK back link)', async () => {
    ws = await startFolderWorkspace();
    const page = await open(`/letters/${stMarys}`);
    await page.getByRole('button', { name: 'Open isp-final.yaml in the drafting page' }).click();
    await page.locator(`.field[data-path='["school","name"]'] input`).waitFor();
    const back = page.locator('a.govuk-back-link');
    expect(await back.innerText()).toBe('Back to the letters');
    await eventually(() =>
      page.evaluate("document.getElementById('letter').contentDocument?.body?.innerText ?? ''"),
    ).toContain('monitoring inspection');
    expect(await draftingPageViolations(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'drafting-from-queue.png') });
    await back.click();
    await page.locator('#queue').waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(ws.server.url).origin);
  }, 180_000);

  it('sending: the plan first, then progress; double-click, a refused recipient retried, reload and two tabs never send twice', async () => {
    const plan: FaultPlan = { rejectRecipients: [diocese] };
    smtp = await startFaultServer(plan);
    ws = await startFolderWorkspace({ smtp: smtp.url });
    const page = await open(`/letters/${stMarys}`);
    await finalise(page, 'Finalise letter');
    await page.locator('#finalised').waitFor();
    await page.reload();
    await page.locator('#messages').waitFor();
    const messages = await page.locator('#messages tbody tr').count();
    expect(messages).toBeGreaterThan(2);
    expect(await page.locator('#messages').innerText()).toContain(diocese);
    await accessible(page, 'send preview');
    await page.locator('#send').screenshot({ path: join(shots, 'send-preview.png') });

    await page.locator('#send-button').dblclick();
    await page.locator('#retry-button').waitFor({ timeout: 30_000 });
    expect(await page.locator('#send').innerText()).toContain('Refused: needs attention');
    expect(smtp.received).toHaveLength(messages - 1);
    await accessible(page, 'send with a refused recipient');

    plan.rejectRecipients = [];
    await page.locator('#retry-button').click();
    await page.locator('#all-sent').waitFor({ timeout: 30_000 });
    await accessible(page, 'sending done');
    await page.locator('#send').screenshot({ path: join(shots, 'send-done.png') });
    expect(smtp.received).toHaveLength(messages);

    await page.reload();
    await page.locator('#all-sent').waitFor();
    const second = await open(`/letters/${stMarys}`);
    await second.locator('#all-sent').waitFor();
    expect(await second.locator('#send button').count()).toBe(0);
    expect(smtp.received).toHaveLength(messages);
  }, 300_000);

  it('the LA check: a result with the para 17 reason, the error states, and the folder unchanged', async () => {
    ws = await startFolderWorkspace({ register: fixture('register', 'gias-extract.csv') });
    const before = snapshot(ws.dir);
    const page = await open('/check');
    await accessible(page, 'LA check, empty');

    await page.getByRole('button', { name: 'Check the copy list' }).click();
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Choose the letter you received' }).waitFor();
    await accessible(page, 'LA check, nothing chosen');

    await page.getByLabel('The letter you received').setInputFiles(fixture('letters', 'no-copy-sentence.txt'));
    await page.locator('#urn').fill('121190');
    await page.getByRole('button', { name: 'Check the copy list' }).click();
    await page.locator('#check-problem').waitFor();
    await accessible(page, 'LA check, letter without a copy sentence');

    await page.getByLabel('The letter you received').setInputFiles(fixture('letters', 'st-marys-diocese-missing.txt'));
    await page.locator('#urn').fill('121190');
    await page.getByRole('button', { name: 'Check the copy list' }).click();
    await page.locator('#check-result').waitFor();
    expect(await page.locator('#school-checked').innerText()).toContain('URN 121190');
    expect(await page.locator('#bodies').innerText()).toMatch(/Missing\s+diocese: the Diocese of Norwich/);
    await accessible(page, 'LA check, result');
    await page.screenshot({ path: join(shots, 'copy-check.png'), fullPage: true });
    expect(snapshot(ws.dir)).toEqual(before);
    expect(readdirSync(ws.dir)).not.toContain('output');
  }, 300_000);
});
