/** The shared GOV.UK page shell: escaping, the error summary pattern, and the govuk-frontend files served. */
import { describe, expect, it } from 'vitest';
import { errorMessage, errorSummary, pageShell, shellAssets } from '../../src/serve/pages/layout.js';
import { html } from '../../src/serve/pages/html.js';
import { raw, startWorkspace } from './workspace.js';

describe('the GOV.UK page shell', () => {
  it('escapes every value given to html`…`, but not html made by html`…`', () => {
    const name = `<script>alert("x")</script> & 'co'`;
    const out = html`<p title="${name}">${name}${html`<b>bold</b>`}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;<b>bold</b></p>',
    );
  });

  it('makes a page with a skip link, the service name, a main landmark and GOV.UK Frontend', () => {
    const page = pageShell({
      title: 'Letters <due>',
      body: html`<h1 class="govuk-heading-l">Letters</h1>`,
      navigation: [
        { href: '/', text: 'Letters', current: true },
        { href: '/check', text: 'Check a copy list' },
      ],
    });
    expect(page).toMatch(/^<!doctype html>\s*<html lang="en-GB" class="govuk-template">/);
    expect(page).toContain('<title>Letters &lt;due&gt; – Monitoring letter</title>');
    expect(page).toContain('href="/govuk/govuk-frontend.min.css"');
    expect(page).toContain('<a href="#main-content" class="govuk-skip-link"');
    expect(page).toMatch(/<main class="govuk-main-wrapper" id="main-content">\s*<h1/);
    expect(page).toMatch(/href="\/"\s*aria-current="page"\s*>\s*<strong[^>]*>Letters<\/strong>/);
    expect(page).toMatch(/href="\/check"[^>]*>\s*Check a copy list\s*<\/a\s*>/);
  });

  it('writes the error summary and error message patterns, and nothing when there is no error', () => {
    expect(errorSummary([]).value).toBe('');
    const summary = errorSummary([{ text: 'Enter the URN <six digits>', fieldId: 'urn' }]).value;
    expect(summary).toContain('<h2 class="govuk-error-summary__title">There is a problem</h2>');
    expect(summary).toContain('<li><a href="#urn">Enter the URN &lt;six digits&gt;</a></li>');
    expect(errorMessage('urn', 'Enter the URN').value.replace(/\s+/g, ' ')).toMatch(
      /^<p id="urn-error" class="govuk-error-message"> ?<span class="govuk-visually-hidden">Error:<\/span> Enter the URN ?<\/p>$/,
    );
  });

  it('serves govuk-frontend’s CSS, script, fonts and images from the tool, and nothing else under /assets/', async () => {
    const table = shellAssets();
    const css = table.get('/govuk/govuk-frontend.min.css')?.body.toString('utf8') ?? '';
    // Every font and image the stylesheet names is in the table.
    const urls = [...css.matchAll(/url\((\/assets\/[^)]+)\)/g)].map((m) => m[1] ?? '');
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(table.has(url), url).toBe(true);
    const ws = await startWorkspace();
    try {
      const font = await raw(ws.server.port, { path: urls.find((u) => u.endsWith('.woff2')) ?? '' });
      expect(font.status).toBe(200);
      expect(font.headers['content-type']).toBe('font/woff2');
      expect((await raw(ws.server.port, { path: '/shell.js' })).body).toContain('initAll');
      for (const path of ['/assets/manifest.json', '/assets/../package.json', '/assets/fonts/', '/govuk/all.mjs']) {
        expect((await raw(ws.server.port, { path })).status, path).toBe(404);
      }
    } finally {
      await ws.server.close();
    }
  });
});
