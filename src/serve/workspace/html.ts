/**
 * The workspace's pages in the shared GOV.UK page shell (src/serve/pages/):
 * its `html` template (every value escaped), the shell with the workspace's
 * navigation, script and style, the error summary, and the tag component.
 */
import { html, type SafeHtml } from '../pages/html.js';
import { errorSummary as shellErrorSummary, pageShell } from '../pages/layout.js';

export { html };
export type Html = SafeHtml;

/** Which of the workspace's pages a page is, for the navigation. */
export type Section = 'letters' | 'check';

/** The workspace's own script and style, by URL (served from assets/workspace/). */
export const workspaceJs = '/assets/workspace.js';
export const workspaceCss = '/assets/workspace.css';

export interface PageOptions {
  title: string;
  section: Section;
  body: Html;
  /** The folder, as the user named it. */
  folderName: string;
  /** True when the page shows errors: the title starts "Error: ", as the pattern has it. */
  hasErrors?: boolean;
}

/** A whole page of the workspace. */
export function page(options: PageOptions): string {
  return pageShell({
    title: `${options.hasErrors ? 'Error: ' : ''}${options.title}`,
    body: html`${options.body}
      <p class="govuk-body-s govuk-!-margin-top-9">
        This page runs on this computer only (127.0.0.1); nothing you open or upload leaves it.
      </p>`,
    navigation: [
      { href: '/', text: `Letters in ${options.folderName}`, current: options.section === 'letters' },
      { href: '/check', text: 'Check a letter’s copy list', current: options.section === 'check' },
    ],
    scripts: [workspaceJs],
    styles: [workspaceCss],
  });
}

/** One problem for the error summary: its words, and the id of the field it is about. */
export interface Problem {
  text: string;
  field: string;
}

/** "There is a problem", each item a link to its field (the shell's error summary). */
export function errorSummary(problems: readonly Problem[]): Html {
  return shellErrorSummary(problems.map((p) => ({ text: p.text, fieldId: p.field })));
}

/** A coloured tag (GOV.UK tag component). */
export function tag(
  text: string,
  colour?: 'grey' | 'green' | 'turquoise' | 'blue' | 'yellow' | 'orange' | 'red',
): Html {
  return html`<strong class="govuk-tag${colour ? ` govuk-tag--${colour}` : ''}">${text}</strong>`;
}
