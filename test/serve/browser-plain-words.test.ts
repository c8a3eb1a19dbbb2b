/**
 * No dead ends, plain words (issue 15 §2), in a real browser: the page names every field as it labels it,
 * never by its path in the form, in the error summary, beside the field and in banners.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { draftingPageBrowser, eventually, field, hasChromium, list } from './browser-support.js';
import { exampleForm, startWorkspace, type Workspace } from './workspace.js';
import { repoRoot } from '../support/fake-io.js';

/** A form path as the command line writes it: `findings.progress[0]`, `evidence.meetings.0`, `school.name`. */
const formPath =
  /\b(?:school|headteacher|inspection|visit|evidence|findings|reviews|externalSupport|actions|priorities|nextSteps|letter)(?:\.[A-Za-z0-9]+|\[\d+\])+/;

/** The example form changed by `change`, written to a folder of its own. */
export function exampleWith(change: (text: string) => string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'serve-form-')), 'visit.yaml');
  writeFileSync(file, change(readFileSync(exampleForm, 'utf8')));
  return file;
}

describe.skipIf(!hasChromium)('serve: plain words on the drafting page', () => {
  const pages = draftingPageBrowser();
  let ws: Workspace;
  afterEach(async () => {
    await ws?.server.close();
  });

  const open = (): Promise<Page> => pages.open(ws.server.url);

  /** Every message the page shows: the summary, each field's, the banners and the preview's note. */
  const messages = async (page: Page) =>
    [
      await page.locator('#summary').innerText(),
      ...(await page.locator('#fields ul.diagnostics').allInnerTexts()),
      await page.locator('#banners').innerText(),
      await page.locator('#preview-note').innerText(),
    ].join('\n');

  it('names the fields of a blank list item by their labels, in the summary, beside the field and in banners', async () => {
    ws = await startWorkspace();
    const page = await open();
    await list(page, ['findings', 'progress']).locator('button.add').click();
    const summary = page.locator('#summary');
    await eventually(() => summary.innerText()).toContain('Area 4 › Area');
    const beside = field(page, ['findings', 'progress', 3, 'area']).locator('ul.diagnostics');
    await eventually(() => beside.innerText()).toContain('Area 4 › Area is missing');
    // A blank item is a gap: the draft is written with its marker.
    await page.click('#write-draft');
    await page.locator('[data-banner="draft"]').waitFor();
    expect(await messages(page)).not.toMatch(formPath);
    // Without the URN no letter can be made: the banner says why, in the page's words.
    await field(page, ['school', 'urn']).locator('input').fill('');
    await eventually(() => summary.innerText()).toContain('School › URN');
    await page.click('#write-draft');
    await page.locator('[data-banner="draft-failed"]').waitFor();
    const shown = await messages(page);
    expect(shown).toContain('No draft was written');
    expect(shown).not.toMatch(formPath);
  });

  it('names a missing finding and the sample text by their labels, citing para 16', async () => {
    ws = await startWorkspace(
      exampleWith((text) =>
        text
          .replace(/\n {2}teachingAndLearning: .*/, '')
          .replace(
            /\n {2}plans: .*/,
            '\n  plans: The school improvement plan addresses each area for improvement, with clear timescales and measures of success.',
          ),
      ),
    );
    const page = await open();
    const summary = page.locator('#summary');
    await eventually(() => summary.innerText()).toContain('Findings › Teaching and learning is missing');
    const plans = field(page, ['findings', 'plans']).locator('ul.diagnostics');
    await eventually(() => plans.innerText()).toMatch(/Findings › Plans is still the sample text.*\(para 16\)/);
    expect(await messages(page)).not.toMatch(formPath);
  });

  const group = (page: Page, path: string[]) => page.locator(`fieldset[data-path='${JSON.stringify(path)}']`);

  it('asks for no foundation for a community school, as the rules decide, and for one when the type has it', async () => {
    ws = await startWorkspace(join(repoRoot, 'fixtures', 'forms', 'community-primary.yaml'));
    const page = await open();
    await eventually(() => page.locator('#summary-counts').innerText()).not.toBe('Checking…');
    expect(await group(page, ['school', 'foundation']).count()).toBe(0);
    expect(await group(page, ['school', 'trust']).count()).toBe(0);
    expect(await page.locator('#fields').innerText()).not.toMatch(/Foundation governors appointed by/);
    // A voluntary controlled school has a foundation: its part of the form appears.
    await field(page, ['school', 'type']).locator('select').selectOption('voluntary-controlled');
    await group(page, ['school', 'foundation']).waitFor();
    expect(await field(page, ['school', 'trust']).count()).toBe(0);
  });

  it('asks for no previous visit on a first visit, and for it once the visit is a later one', async () => {
    ws = await startWorkspace();
    const page = await open();
    await eventually(() => page.locator('#summary-counts').innerText()).not.toBe('Checking…');
    expect(await group(page, ['visit', 'previous']).count()).toBe(0);
    expect(await page.locator('#fields').innerText()).not.toMatch(/Previous recommendations/);
    await field(page, ['visit', 'number']).locator('input').fill('2');
    await group(page, ['visit', 'previous']).waitFor();
    expect(await field(page, ['findings', 'previousRecommendations']).count()).toBe(1);
  });

  it('still shows a foundation the form gives for a community school, so nothing in the file is hidden', async () => {
    const community = readFileSync(join(repoRoot, 'fixtures', 'forms', 'community-primary.yaml'), 'utf8');
    const file = join(mkdtempSync(join(tmpdir(), 'serve-form-')), 'visit.yaml');
    writeFileSync(
      file,
      community.replace('  type: community\n', '  type: community\n  foundation:\n    name: The Beckett Trust\n'),
    );
    ws = await startWorkspace(file);
    const page = await open();
    await eventually(() => field(page, ['school', 'foundation', 'name']).locator('input').inputValue()).toBe(
      'The Beckett Trust',
    );
  });

  it('gives every deadline’s date in words, in its sentence and beside it', async () => {
    ws = await startWorkspace();
    const page = await open();
    const deadlines = page.locator('#deadlines');
    await eventually(() => deadlines.innerText()).toContain('before the visit on 12 March 2014');
    const shown = await deadlines.innerText();
    expect(shown).toContain('Wednesday 5 March 2014');
    expect(shown).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
