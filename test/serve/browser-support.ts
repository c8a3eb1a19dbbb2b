/** Shared by the drafting page's browser tests: Debian's chromium, launched as the tests need it. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
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
