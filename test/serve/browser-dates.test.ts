/**
 * Dates on the drafting page (issue 15 §2): every date is GOV.UK's day, month and year boxes whatever the
 * browser's locale; a date that is not real is named on the field and never written over the file's; a
 * review's "Commissioned" is a choice, "Not commissioned" (false in the form) or "Commissioned on" a date.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { draftingPageBrowser, eventually, field, hasChromium } from './browser-support.js';
import { startWorkspace, type Workspace } from './workspace.js';

describe.skipIf(!hasChromium)('serve: dates as day, month and year', () => {
  // A browser set to US English, whose own date picker would show month first.
  const pages = draftingPageBrowser({ locale: 'en-US' });
  let ws: Workspace;
  afterEach(async () => {
    await ws?.server.close();
  });

  const open = (): Promise<Page> => pages.open(ws.server.url);

  const boxes = (page: Page, path: (string | number)[]) =>
    Promise.all(['Day', 'Month', 'Year'].map((label) => field(page, path).getByLabel(label).inputValue()));
  const onDisk = () => readFileSync(ws.form, 'utf8');
  const saved = (page: Page) => eventually(() => page.locator('#save-status').innerText()).toMatch(/^Saved to/);

  it('shows and takes every date as day, month and year, whatever the locale', async () => {
    ws = await startWorkspace();
    const page = await open();
    expect(await page.locator('#fields input[type=date]').count()).toBe(0);
    expect(await boxes(page, ['visit', 'dates', 0])).toEqual(['12', '3', '2014']);
    expect(await boxes(page, ['inspection', 'startDate'])).toEqual(['15', '1', '2014']);
    expect(await boxes(page, ['visit', 'notificationCall'])).toEqual(['7', '3', '2014']);
    await field(page, ['inspection', 'startDate']).getByLabel('Day').fill('14');
    await eventually(onDisk).toContain('startDate: 2014-01-14\n');
  });

  it('names a date that is not real on its field, and keeps the file’s dates', async () => {
    ws = await startWorkspace();
    const page = await open();
    const start = field(page, ['inspection', 'startDate']);
    await start.getByLabel('Month').fill('13');
    await field(page, ['visit', 'dates', 0]).getByLabel('Month').fill('');
    await field(page, ['findings', 'leadership']).locator('textarea').fill('Leaders have acted quickly.');
    await eventually(() => start.locator('ul.diagnostics').innerText()).toContain(
      'Inspection › Start date must be a real date',
    );
    await eventually(() => field(page, ['visit', 'dates', 0]).locator('ul.diagnostics').innerText()).toContain(
      'Visit › Date 1 must include a month',
    );
    expect(await page.locator('#summary').innerText()).toContain('Inspection › Start date must be a real date');
    await saved(page);
    const text = onDisk();
    expect(text).toContain('leadership: Leaders have acted quickly.');
    expect(text).toContain('startDate: 2014-01-15\n');
    expect(text).toContain('dates: [2014-03-12]\n');
    // The boxes keep what was typed, to be put right.
    expect(await boxes(page, ['inspection', 'startDate'])).toEqual(['15', '13', '2014']);
    await start.getByLabel('Day').fill('14');
    await start.getByLabel('Month').fill('1');
    await eventually(onDisk).toContain('startDate: 2014-01-14\n');
    await eventually(() => start.locator('ul.diagnostics').innerText()).not.toContain('real date');
  });

  it('takes a review as not commissioned or commissioned on a date, and never loses the date', async () => {
    ws = await startWorkspace();
    const page = await open();
    const pupilPremium = field(page, ['reviews', 'pupilPremium', 'commissioned']);
    expect(await pupilPremium.getByLabel('Commissioned on').isChecked()).toBe(true);
    expect(await boxes(page, ['reviews', 'pupilPremium', 'commissioned'])).toEqual(['10', '2', '2014']);
    await pupilPremium.getByLabel('Not commissioned').check();
    await eventually(onDisk).toMatch(/\n {4}commissioned: false\n/);
    expect(await pupilPremium.getByLabel('Day').isVisible()).toBe(false);
    await pupilPremium.getByLabel('Commissioned on').check();
    await eventually(onDisk).toMatch(/\n {4}commissioned: 2014-02-10\n/);

    // A review with nothing yet: choosing "Commissioned on" writes nothing until the date is real.
    const governance = field(page, ['reviews', 'governance', 'commissioned']);
    await governance.getByLabel('Not commissioned').check();
    await eventually(onDisk).toMatch(/\n {2}governance:\n {4}commissioned: false\n/);
    await governance.getByLabel('Commissioned on').check();
    await governance.getByLabel('Day').fill('3');
    await governance.getByLabel('Month').fill('3');
    await field(page, ['findings', 'leadership']).locator('textarea').fill('Leaders have acted quickly.');
    await saved(page);
    expect(onDisk()).toMatch(/\n {2}governance:\n {4}commissioned: false\n/);
    await governance.getByLabel('Year').fill('2014');
    await eventually(onDisk).toMatch(/\n {2}governance:\n {4}commissioned: 2014-03-03\n/);
    expect(onDisk()).not.toContain('"false"');
  });
});
