/**
 * One letter's page for ISP staff: where it stands (as in the queue), its
 * forms (each opens the drafting page), then finalising and sending.
 */
import type { ListedLetter } from './folder.js';
import { deadlineCell } from './queue-page.js';
import { html, page, type Html } from './html.js';

export function letterPage(options: { folderName: string; letter: ListedLetter; finalise: Html; send: Html }): string {
  const { letter } = options;
  const row = letter.row;
  const summary = (key: string, value: Html | string) =>
    html`<div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">${key}</dt>
      <dd class="govuk-summary-list__value">${value}</dd>
    </div>`;
  return page({
    title: row.school ?? row.form,
    section: 'letters',
    folderName: options.folderName,
    body: html`<a href="/" class="govuk-back-link">Back to the letters</a>
      <span class="govuk-caption-l"
        >URN ${row.urn ?? 'not given'}${row.visitDate ? `, visit ${row.visitDate}` : ''}</span
      >
      <h1 class="govuk-heading-l">${row.school ?? row.form}</h1>
      <dl class="govuk-summary-list">
        ${summary('Stage', row.queueStage)} ${summary('Next deadline', deadlineCell(letter))}
        ${row.problem ? summary('Problem', row.problem) : ''}
      </dl>
      <section aria-labelledby="forms-heading">
        <h2 class="govuk-heading-l" id="forms-heading">Forms</h2>
        <p class="govuk-body">Open a form in the drafting page to edit it beside the letter, checked as you type.</p>
        <ul class="govuk-list">
          ${row.forms.map(
            (shown, i) =>
              html`<li>
                <form data-post="/api/letters/${letter.id}/open" data-open novalidate class="inline-form">
                  <input type="hidden" name="form" value="${String(i)}" />
                  <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-2">
                    Open ${shown} in the drafting page
                  </button>
                </form>
              </li>`,
          )}
        </ul>
      </section>
      ${options.finalise} ${options.send}`,
  });
}
