/**
 * The page shell every page of the workspace shares, written with the
 * GOV.UK Design System's own markup and `govuk-frontend`'s styles, served by
 * the tool itself (see govuk-assets.ts): a skip link, the service name with
 * the pages one can go to, a `main` landmark, and the error summary and
 * error message patterns.
 *
 * A page route builds its content with `html` (src/serve/pages/html.ts) and
 * answers with `pageShell({ title, navigation, body })`; `shellAssets()`
 * gives the shell's own files, to add to the server's table of URLs.
 */
import { govukAssets, govukCss, govukJs, type StaticAsset } from './govuk-assets.js';
import { html, SafeHtml } from './html.js';

/** The service's name, at the top of every page. */
export const serviceName = 'Monitoring letter';

/** A page one can go to from the service navigation. */
export interface NavigationItem {
  href: string;
  text: string;
  /** The page being shown. */
  current?: boolean;
}

export interface PageShellOptions {
  /** The page's <title> (the service name is added after it). Start it with "Error: " when the page shows errors. */
  title: string;
  /** What goes inside <main>: an h1 first. */
  body: SafeHtml;
  /** Links in the service navigation, if the page has others to go to. */
  navigation?: readonly NavigationItem[];
  /** Beside the navigation (a status or buttons that belong to every view of the page). */
  headerEnd?: SafeHtml;
  /** Extra same-origin module scripts and stylesheets, by URL. */
  scripts?: readonly string[];
  styles?: readonly string[];
  /** `wide` fills the window (the drafting page's columns); otherwise GOV.UK's 960-pixel column. */
  width?: 'standard' | 'wide';
  /** Class names added to <body>. */
  bodyClass?: string;
}

/** The shell's own script: GOV.UK Frontend's components, started once the page has loaded. */
export const shellJs = '/shell.js';
const shellScript = `import { initAll } from '${govukJs}';
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
`;

/** GOV.UK Frontend's files and the shell's script, by URL; add them to the server's table. */
export function shellAssets(): Map<string, StaticAsset> {
  const table = govukAssets();
  table.set(shellJs, { body: Buffer.from(shellScript, 'utf8'), type: 'text/javascript; charset=utf-8' });
  return table;
}

function navigation(items: readonly NavigationItem[]): SafeHtml {
  if (items.length === 0) return html``;
  return html`<nav aria-label="Pages" class="govuk-service-navigation__wrapper">
    <ul class="govuk-service-navigation__list" id="navigation">
      ${items.map(
        (item) =>
          html`<li
            class="govuk-service-navigation__item${item.current ? ' govuk-service-navigation__item--active' : ''}"
          >
            <a
              class="govuk-service-navigation__link"
              href="${item.href}"
              ${item.current ? html` aria-current="page"` : ''}
              >${
                item.current
                  ? html`<strong class="govuk-service-navigation__active-fallback">${item.text}</strong>`
                  : item.text
              }</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

/** A whole page: GOV.UK's template with the service navigation, and `body` in <main id="main-content">. */
export function pageShell(options: PageShellOptions): string {
  const wide = options.width === 'wide';
  const container = wide ? 'govuk-width-container app-width-container--wide' : 'govuk-width-container';
  return html`<!doctype html>
    <html lang="en-GB" class="govuk-template">
      <head>
        <meta charset="utf-8" />
        <title>${options.title} – ${serviceName}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <link rel="icon" sizes="48x48" href="/assets/images/favicon.ico" />
        <link rel="icon" sizes="any" href="/assets/images/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="${govukCss}" />
        ${(options.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}" />`)}
        <script type="module" src="${shellJs}"></script>
        ${(options.scripts ?? []).map((src) => html`<script type="module" src="${src}"></script>`)}
      </head>
      <body class="govuk-template__body${options.bodyClass ? ` ${options.bodyClass}` : ''}">
        <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
        <header class="govuk-service-navigation" data-module="govuk-service-navigation">
          <div class="${container} app-service-header">
            <div class="govuk-service-navigation__container">
              <span class="govuk-service-navigation__service-name">
                <a href="/" class="govuk-service-navigation__link">${serviceName}</a>
              </span>
              ${navigation(options.navigation ?? [])}
            </div>
            ${options.headerEnd ?? ''}
          </div>
        </header>
        <div class="${container} app-main-wrapper">
          <main class="govuk-main-wrapper" id="main-content">${options.body}</main>
        </div>
      </body>
    </html> `.value;
}

/** A problem to list in the error summary: its words, and the id of the field it is about. */
export interface SummaryError {
  text: string;
  /** The id of the input (for a date, its day box) the link moves to. */
  fieldId: string;
}

/**
 * GOV.UK's error summary ("There is a problem", each problem a link to its
 * field); nothing when there is no problem. Put it first in <main>, above the h1.
 */
export function errorSummary(errors: readonly SummaryError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary">
    <div role="alert">
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          ${errors.map((e) => html`<li><a href="#${e.fieldId}">${e.text}</a></li>`)}
        </ul>
      </div>
    </div>
  </div>`;
}

/**
 * GOV.UK's error message, under a field's label and hint: give the field
 * `aria-describedby` this id (`${fieldId}-error`) and its form group the
 * class `govuk-form-group--error`.
 */
export function errorMessage(fieldId: string, text: string): SafeHtml {
  return html`<p id="${fieldId}-error" class="govuk-error-message">
    <span class="govuk-visually-hidden">Error:</span> ${text}
  </p>`;
}
