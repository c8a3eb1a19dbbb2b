/**
 * The workspace's pages as GOV.UK Design System markup (the `govuk-frontend`
 * package's classes; its CSS and fonts are served by the tool itself): the
 * page shell, and the small pieces every page uses. Every piece of text put
 * into a page passes through `esc`; nothing a user typed is ever markup.
 */

/** Text made safe for HTML content and attribute values. */
export function esc(text: string | number | undefined): string {
  return String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** HTML a page builds from escaped pieces; a plain string passed where Html is wanted is a type error. */
export interface Html {
  readonly html: string;
}

/** Marks already-escaped markup as Html. */
export const raw = (html: string): Html => ({ html });

/** A template tag: interpolated strings are escaped, Html and arrays of Html are put in as they are. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += piece(value) + (strings[i + 1] ?? '');
  });
  return { html: out };
}

function piece(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(piece).join('');
  if (typeof value === 'object' && 'html' in value) return (value as Html).html;
  return esc(String(value));
}

/** Which of the workspace's pages a page is, for the navigation. */
export type Section = 'letters' | 'check';

export interface PageOptions {
  title: string;
  section: Section;
  body: Html;
  /** Whether the LA check page is offered (it always is; kept for a folder-less future). */
  folderName: string;
}

/** A whole page: skip link, service name and navigation, the main content, and a footer. */
export function page(options: PageOptions): string {
  const nav = (section: Section, href: string, text: string) =>
    options.section === section
      ? html`<li class="govuk-service-navigation__item govuk-service-navigation__item--active">
          <a class="govuk-service-navigation__link" href="${href}" aria-current="page"
            ><strong class="govuk-service-navigation__active-fallback">${text}</strong></a
          >
        </li>`
      : html`<li class="govuk-service-navigation__item">
          <a class="govuk-service-navigation__link" href="${href}">${text}</a>
        </li>`;
  return html`<!doctype html>
<html lang="en-GB" class="govuk-template">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title} – Monitoring letter</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/assets/govuk-frontend.min.css" />
    <link rel="stylesheet" href="/assets/workspace.css" />
    <script type="module" src="/assets/workspace.js"></script>
  </head>
  <body class="govuk-template__body">
    <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
    <header class="govuk-service-navigation" aria-label="Monitoring letter">
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <span class="govuk-service-navigation__service-name">
            <a href="/" class="govuk-service-navigation__link">Monitoring letter</a>
          </span>
          <nav aria-label="Pages" class="govuk-service-navigation__wrapper">
            <ul class="govuk-service-navigation__list">
              ${nav('letters', '/', `Letters in ${options.folderName}`)}
              ${nav('check', '/check', 'Check a letter’s copy list')}
            </ul>
          </nav>
        </div>
      </div>
    </header>
    <div class="govuk-width-container">
      <main class="govuk-main-wrapper" id="main-content">${options.body}</main>
    </div>
    <footer class="govuk-footer">
      <div class="govuk-width-container">
        <p class="govuk-footer__meta-custom govuk-body-s">
          This page runs on this computer only (127.0.0.1); nothing you open or upload leaves it.
        </p>
      </div>
    </footer>
  </body>
</html>
`.html;
}

/** One problem for the error summary: its words, and the id of the field it is about. */
export interface Problem {
  text: string;
  field?: string;
}

/** "There is a problem", each item a link to its field (the GOV.UK error summary pattern). */
export function errorSummary(problems: readonly Problem[]): Html {
  if (problems.length === 0) return raw('');
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary" tabindex="-1">
    <div role="alert">
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          ${problems.map((p) =>
            p.field ? html`<li><a href="#${p.field}">${p.text}</a></li>` : html`<li>${p.text}</li>`,
          )}
        </ul>
      </div>
    </div>
  </div>`;
}

/** A coloured tag (GOV.UK tag component). */
export function tag(text: string, colour?: 'grey' | 'green' | 'turquoise' | 'blue' | 'yellow' | 'orange' | 'red'): Html {
  return html`<strong class="govuk-tag${colour ? ` govuk-tag--${colour}` : ''}">${text}</strong>`;
}
