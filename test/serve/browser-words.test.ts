/**
 * Never lose or overwrite a word (issue 15 §1), in a real browser: a refused edit never takes the others
 * with it, a page behind the file never writes over another editor's sentence unasked, and "Saving…"
 * always ends.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { draftingPageBrowser, eventually, field, hasChromium, list } from './browser-support.js';
import { restartServer, startWorkspace, type Workspace } from './workspace.js';
import { prepareContext } from '../../src/workflow/context.js';

describe.skipIf(!hasChromium)('serve: no word is lost', () => {
  const pages = draftingPageBrowser();
  let ws: Workspace;
  afterEach(async () => {
    await ws?.server.close();
  });

  const open = (): Promise<Page> => pages.open(ws.server.url);

  const status = (page: Page) => page.locator('#save-status').innerText();

  it('keeps what was typed when "Add focus" follows at once, and adds the blank focus', async () => {
    ws = await startWorkspace();
    const page = await open();
    const teaching = field(page, ['findings', 'teachingAndLearning']).locator('textarea');
    await teaching.fill('Typed a moment before the click.');
    // Within the 0.3 s the page waits before saving: both go in one request.
    await list(page, ['visit', 'focus']).locator('button.add').click();
    await eventually(() => status(page)).toMatch(/^Saved to visit\.yaml/);
    const onDisk = readFileSync(ws.form, 'utf8');
    expect(onDisk).toContain('teachingAndLearning: Typed a moment before the click.');
    expect(onDisk).toMatch(/\n {2}focus:\n {4}- ""\n/);
    await field(page, ['visit', 'focus', 0]).locator('textarea').waitFor();
    expect(await page.locator('[data-banner^="refused"]').count()).toBe(0);
  });

  it('asks, never overwrites, when the same field was changed in the file; keeps both where they differ', async () => {
    ws = await startWorkspace();
    const page = await open();
    // Another editor saves a new leadership sentence while the page is open…
    const before = readFileSync(ws.form, 'utf8');
    const leadership = /\n {2}leadership: (.*)\n/.exec(before)?.[1] ?? '';
    writeFileSync(ws.form, before.replace(leadership, 'The editor’s own sentence about leadership.'));
    // …and the page, not yet knowing, changes leadership and then barriers. (Leadership first: were
    // barriers saved alone first, the page would rightly show the file's leadership before it was typed over.)
    await field(page, ['findings', 'leadership']).locator('textarea').fill('Leadership typed on the page.');
    await field(page, ['findings', 'barriers']).locator('textarea').fill('Barriers typed on the page.');
    const ask = page.locator(`[data-banner='conflict-${JSON.stringify(['findings', 'leadership'])}']`);
    await ask.waitFor();
    expect(await ask.innerText()).toMatch(
      /Findings › Leadership was changed in visit\.yaml[\s\S]*The editor’s own sentence[\s\S]*Leadership typed on the page/,
    );
    let onDisk = readFileSync(ws.form, 'utf8');
    expect(onDisk).toContain('The editor’s own sentence about leadership.');
    expect(onDisk).toContain('barriers: Barriers typed on the page.');
    expect(await status(page)).not.toMatch(/^Saved to/);
    // Typing on goes on saving: "Saving…" never sticks.
    await field(page, ['findings', 'governance']).locator('textarea').fill('Governors typed on after the conflict.');
    await eventually(() => readFileSync(ws.form, 'utf8')).toContain('Governors typed on after the conflict.');
    await eventually(() => status(page)).not.toMatch(/Saving/);
    // The person chooses theirs: the page's sentence is written only then.
    await ask.getByRole('button', { name: 'Use mine' }).click();
    await eventually(() => readFileSync(ws.form, 'utf8')).toContain('leadership: Leadership typed on the page.');
    onDisk = readFileSync(ws.form, 'utf8');
    expect(onDisk).not.toContain('The editor’s own sentence about leadership.');
    await eventually(() => status(page)).toMatch(/^Saved to visit\.yaml/);
  });

  it('while a conflict is not yet decided, typing on in that field never writes over the file, and "Use mine" saves all of it', async () => {
    ws = await startWorkspace();
    const page = await open();
    const before = readFileSync(ws.form, 'utf8');
    const leadership = /\n {2}leadership: (.*)\n/.exec(before)?.[1] ?? '';
    writeFileSync(ws.form, before.replace(leadership, 'The editor’s own sentence about leadership.'));
    const box = field(page, ['findings', 'leadership']).locator('textarea');
    await box.fill('Leadership typed on the page.');
    const ask = page.locator(`[data-banner='conflict-${JSON.stringify(['findings', 'leadership'])}']`);
    await ask.waitFor();
    // Typing on in the same field, before choosing: asked again with the newer words, the file untouched.
    await box.press('End');
    await box.pressSequentially(' More words after the question.');
    await eventually(() => ask.innerText()).toContain('More words after the question.');
    expect(readFileSync(ws.form, 'utf8')).toContain('The editor’s own sentence about leadership.');
    await ask.getByRole('button', { name: 'Use mine' }).click();
    await eventually(() => readFileSync(ws.form, 'utf8')).toContain(
      'leadership: Leadership typed on the page. More words after the question.',
    );
    expect(readFileSync(ws.form, 'utf8')).not.toContain('The editor’s own sentence');
  });

  it('"Keep the file’s" shows the file’s words in the field and saves nothing of the page’s', async () => {
    ws = await startWorkspace();
    const page = await open();
    const before = readFileSync(ws.form, 'utf8');
    const leadership = /\n {2}leadership: (.*)\n/.exec(before)?.[1] ?? '';
    const after = before.replace(leadership, 'The editor’s own sentence about leadership.');
    writeFileSync(ws.form, after);
    const box = field(page, ['findings', 'leadership']).locator('textarea');
    await box.fill('Leadership typed on the page.');
    const ask = page.locator(`[data-banner='conflict-${JSON.stringify(['findings', 'leadership'])}']`);
    await ask.waitFor();
    await box.press('End');
    await box.pressSequentially(' And more.');
    await ask.getByRole('button', { name: 'Keep the file’s' }).click();
    await eventually(() => box.inputValue()).toBe('The editor’s own sentence about leadership.');
    await eventually(() => status(page)).not.toMatch(/Saving/);
    expect(readFileSync(ws.form, 'utf8')).toBe(after);
  });

  it('merges kept changes offered after a restart field by field, asking where the file changed too', async () => {
    ws = await startWorkspace();
    const context = await pages.browser().newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(ws.server.url);
      await field(page, ['findings', 'leadership']).locator('textarea').waitFor();
      const port = ws.server.port;
      await ws.server.close();
      await field(page, ['findings', 'leadership']).locator('textarea').fill('Typed while the server was down.');
      await field(page, ['findings', 'plans']).locator('textarea').fill('Plans typed while the server was down.');
      await page.locator('[data-banner="offline"]').waitFor();
      await page.close({ runBeforeUnload: false });
      // Meanwhile an editor rewrites leadership.
      const text = readFileSync(ws.form, 'utf8');
      const leadership = /\n {2}leadership: (.*)\n/.exec(text)?.[1] ?? '';
      writeFileSync(ws.form, text.replace(leadership, 'Rewritten in an editor.'));
      const { startServer } = await import('../../src/serve/server.js');
      const { prepareLetterService } = await import('../../src/workflow/page.js');
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
      const again = await context.newPage();
      await again.goto(ws.server.url);
      await again.locator('[data-banner="left-over"]').getByRole('button', { name: 'Apply them' }).click();
      await again.locator(`[data-banner='conflict-${JSON.stringify(['findings', 'leadership'])}']`).waitFor();
      await eventually(() => readFileSync(ws.form, 'utf8')).toContain('plans: Plans typed while the server was down.');
      expect(readFileSync(ws.form, 'utf8')).toContain('Rewritten in an editor.');
    } finally {
      await context.close();
    }
  });

  /** The YAML box's caret put at the end of a field's line, as a person clicks there. */
  async function caretAtEndOf(page: Page, name: string): Promise<void> {
    await page
      .locator('#yaml')
      .evaluate(
        (box: { value: string; focus(): void; setSelectionRange(a: number, b: number): void }, name: string) => {
          const end = box.value.indexOf('\n', box.value.indexOf(`\n  ${name}: `) + 1);
          box.focus();
          box.setSelectionRange(end, end);
        },
        name,
      );
  }

  it('keeps a field typed just before words typed in the YAML (random-edit proof, seed 20261205)', async () => {
    ws = await startWorkspace();
    const page = await open();
    // The server is down, so the field's change is still waiting when the YAML is typed.
    await ws.server.close();
    const barriers = field(page, ['findings', 'barriers']).locator('textarea');
    await barriers.focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText(' Typed in the field.');
    await page.locator('[data-banner="offline"]').waitFor();
    await page.click('#tab-yaml');
    await caretAtEndOf(page, 'leadership');
    await page.keyboard.insertText(' Typed in the YAML.');
    ws = await restartServer(ws);
    await page.click('#save-now');
    await eventually(() => status(page)).toMatch(/^Saved to visit\.yaml/);
    const onDisk = readFileSync(ws.form, 'utf8');
    expect(onDisk).toContain('some actions. Typed in the field.');
    expect(onDisk).toContain('staff and governors. Typed in the YAML.');
  });

  it('keeps words typed in the YAML when the fields are used next: they wait until it is saved', async () => {
    ws = await startWorkspace();
    const page = await open();
    await ws.server.close();
    await page.click('#tab-yaml');
    await caretAtEndOf(page, 'leadership');
    await page.keyboard.insertText(' Typed in the YAML.');
    await page.locator('[data-banner="offline"]').waitFor();
    await page.click('#tab-fields');
    // The fields do not yet know the YAML's words: they are not offered for typing over.
    await page.locator('#fields-paused').waitFor();
    expect(await page.locator('#fields').getAttribute('inert')).not.toBeNull();
    ws = await restartServer(ws);
    await page.click('#save-now');
    await eventually(() => status(page)).toMatch(/^Saved to visit\.yaml/);
    const leadership = field(page, ['findings', 'leadership']).locator('textarea');
    await eventually(() => leadership.inputValue()).toMatch(/staff and governors\. Typed in the YAML\.$/);
    await leadership.focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText(' Then in the field.');
    await eventually(() => readFileSync(ws.form, 'utf8')).toContain('governors. Typed in the YAML. Then in the field.');
  });
});
