/** Shared by the drafting page's browser tests: Debian's chromium, launched as the tests need it. */
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { chromiumPath, missingPrograms } from '../support/programs.js';

export const hasChromium = missingPrograms(['chromium']).length === 0;
if (!hasChromium) {
  process.stderr.write(`serve browser tests skipped: no chromium at ${chromiumPath} (apt-get install chromium)\n`);
}

const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: launchArgs });
}

/** Waits (generously: the machine is shared) for a value to come right; not a timing assertion. */
export function eventually<T>(read: () => T | Promise<T>): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout: 30_000, interval: 100 });
}

/** The field (label, box, messages) for a form path. */
export const field = (page: Page, path: (string | number)[]) =>
  page.locator(`.field[data-path='${JSON.stringify(path)}']`);

/** A list's fieldset (its items and its Add button). */
export const list = (page: Page, path: (string | number)[]) =>
  page.locator(`fieldset.list[data-path='${JSON.stringify(path)}']`);

/**
 * axe-core's violations on the drafting page as it is, as "rule: target" lines (empty when none):
 * axe on the page and on the letter preview. The preview is a sandboxed frame in which no script runs, so
 * axe cannot be injected into it (and waits for it for ever): the page is checked with the frame taken out,
 * and the preview's own document on a page of its own.
 */
export async function draftingPageViolations(page: Page): Promise<string[]> {
  const letterHtml = String(
    await page.evaluate("document.getElementById('letter').contentDocument?.documentElement.outerHTML ?? ''"),
  );
  // Taken out of the page while axe runs, and put back where it was.
  await page.evaluate(
    "(() => { const f = document.getElementById('letter'); window.__letter = [f, f.parentNode, f.nextSibling]; f.remove(); })()",
  );
  const shell = await new AxeBuilder({ page }).analyze();
  await page.evaluate('(() => { const [f, parent, next] = window.__letter; parent.insertBefore(f, next); })()');
  expect(letterHtml).toContain('monitoring inspection');
  const letterPage = await page.context().newPage();
  await letterPage.setContent(`<!doctype html>${letterHtml}`);
  const letter = await new AxeBuilder({ page: letterPage }).analyze();
  await letterPage.close();
  return [...shell.violations, ...letter.violations].flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary ?? ''})`),
  );
}

/**
 * For a file's drafting-page tests (call it inside their describe): one browser for the file, and `open`,
 * which shows the page at `url` in a context of its own (closed after each test), once its fields are there.
 */
export function draftingPageBrowser(options: { locale?: string } = {}) {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  return {
    browser: (): Browser => {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    async open(url: string): Promise<Page> {
      if (!browser) throw new Error('the browser starts in beforeAll');
      const context = await browser.newContext({
        viewport: { width: 1400, height: 900 },
        locale: options.locale ?? 'en-GB',
      });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(url);
      await field(page, ['school', 'name']).locator('input').waitFor();
      return page;
    },
  };
}
