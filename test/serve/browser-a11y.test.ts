/**
 * The drafting page by the GOV.UK Design System's patterns (issue 15 §2, §3): axe-core finds no
 * violation in any state (loaded, with errors, the YAML tab, a conflict asked about); the error summary
 * says "There is a problem" and each link takes the person to the field, scrolling only the form column.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  draftingPageBrowser,
  draftingPageViolations as violations,
  eventually,
  field,
  hasChromium,
} from './browser-support.js';
import { startWorkspace, type Workspace } from './workspace.js';

describe.skipIf(!hasChromium)('serve: the drafting page is accessible', () => {
  const pages = draftingPageBrowser();
  let ws: Workspace;
  afterEach(async () => {
    await ws?.server.close();
  });

  it(
    'has no axe violation loaded and with errors; the error summary moves to the field and only the form column scrolls',
    { timeout: 120_000 },
    async () => {
      ws = await startWorkspace();
      const page = await pages.open(ws.server.url);
      await eventually(() => page.locator('#save-status').innerText()).toMatch(/Editing|Saved/);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('h2', { hasText: 'Findings' }).count()).toBe(1);
      expect(await page.getByLabel('URN (required)').count()).toBe(1);
      expect(await violations(page)).toEqual([]);

      // With errors: GOV.UK's error summary, its link moving to the field, only the form column scrolling.
      await field(page, ['findings', 'teachingAndLearning']).locator('textarea').fill('');
      const summary = page.locator('#summary .govuk-error-summary');
      await summary.waitFor();
      expect(await summary.locator('h2').innerText()).toBe('There is a problem');
      const link = summary.locator('a', { hasText: 'Findings › Teaching and learning' });
      await page.locator('#form-scroll').evaluate((e) => (e.scrollTop = 0));
      await link.click();
      await eventually(() =>
        page.evaluate("document.activeElement?.closest('.field')?.getAttribute('data-path')"),
      ).toBe(JSON.stringify(['findings', 'teachingAndLearning']));
      expect(await page.evaluate('[window.scrollY, document.scrollingElement.scrollTop]')).toEqual([0, 0]);
      expect(
        await field(page, ['findings', 'teachingAndLearning']).locator('.govuk-error-message').count(),
      ).toBeGreaterThan(0);
      expect(await violations(page)).toEqual([]);
      // Written where the other pages' screenshots go; docs/screenshots/ is copied from there by hand, after looking.
      await page.screenshot({ path: 'output/screenshots/drafting-page.png' });
    },
  );

  it('has no axe violation in the YAML tab, nor asking about a conflict', async () => {
    ws = await startWorkspace();
    const page = await pages.open(ws.server.url);
    await page.click('#tab-yaml');
    expect(await violations(page)).toEqual([]);
    await page.click('#tab-fields');
    // A conflict asked about.
    const text = readFileSync(ws.form, 'utf8');
    const leadership = /\n {2}leadership: (.*)\n/.exec(text)?.[1] ?? '';
    writeFileSync(ws.form, text.replace(leadership, 'Changed in an editor.'));
    await field(page, ['findings', 'leadership']).locator('textarea').fill('Changed on the page.');
    await page.locator('[data-banner^="conflict-"]').waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it(
    'has no axe violation with a date that is not real, nor with each choice of Commissioned',
    { timeout: 120_000 },
    async () => {
      ws = await startWorkspace();
      const page = await pages.open(ws.server.url);
      const start = field(page, ['inspection', 'startDate']);
      await start.getByLabel('Month').fill('13');
      await field(page, ['findings', 'leadership']).locator('textarea').focus();
      await eventually(() => start.locator('ul.diagnostics').innerText()).toContain('must be a real date');
      const governance = field(page, ['reviews', 'governance', 'commissioned']);
      await governance.getByLabel('Commissioned on').check();
      await governance.getByLabel('Day').waitFor({ state: 'visible' });
      expect(await violations(page)).toEqual([]);
      await governance.getByLabel('Not commissioned').check();
      await governance.getByLabel('Day').waitFor({ state: 'hidden' });
      expect(await violations(page)).toEqual([]);
    },
  );

  it('shows choices in words', async () => {
    ws = await startWorkspace();
    const page = await pages.open(ws.server.url);
    const select = field(page, ['inspection', 'overallEffectiveness']).locator('select');
    await select.waitFor();
    expect(await select.locator('option:checked').innerText()).toBe('Requires improvement');
  });
});
