/**
 * The letter page's "Finalise" section: which form is the ISP's final one
 * and which file is the HMI's draft, who finalises and on what day; the
 * comparison `finalise` writes into the redline (section by section, the
 * draft's words beside the final letter's); and the files to download.
 */
import { formatLongDate } from '../../ground/dates-in-words.js';
import type { FinaliseOutcome } from '../../workflow/finalise-letter.js';
import { button, checkbox, dateInput, radios, textInput } from './fields.js';
import type { DraftCandidate, ListedLetter } from './folder.js';
import { errorSummary, html, tag, type Html, type Problem } from './html.js';
import { compareParagraphs } from './word-marks.js';

/** The section's fields as the page sends them. */
export interface FinaliseValues {
  final: string;
  draft: string;
  by: string;
  day: string;
  month: string;
  year: string;
  again: boolean;
}

/** A file of the finalised letter that can be downloaded, by its fixed kind. */
export interface Download {
  kind: string;
  text: string;
  name: string;
}

export interface FinaliseView {
  letter: ListedLetter;
  candidates: readonly DraftCandidate[];
  values: FinaliseValues;
  /** Problems with the fields, each naming its field's id. */
  problems: Problem[];
  outcome?: FinaliseOutcome;
  /** Whether the outcome is a comparison only (nothing written) or the letter finalised. */
  action?: 'compare' | 'finalise';
  downloads: readonly Download[];
}

/** The comparison, section by section: each changed section with the HMI's words and the final letter's. */
export function comparisonHtml(outcome: Extract<FinaliseOutcome, { ok: true }>): Html {
  const { comparison } = outcome.plan;
  if (comparison.length === 0) {
    return html`<p class="govuk-body" id="no-changes">
      No sections changed: the final letter has the words of the HMI’s draft.
    </p>`;
  }
  const words = { changed: 'Changed', added: 'Added by the ISP', removed: 'Removed by the ISP' } as const;
  const rows = (before: readonly string[], after: readonly string[]) =>
    compareParagraphs(before, after).map((row) =>
      'unchanged' in row
        ? html`<tr class="govuk-table__row">
            <td class="govuk-table__cell govuk-hint" colspan="2">
              ${row.unchanged} paragraph${row.unchanged === 1 ? '' : 's'} unchanged
            </td>
          </tr>`
        : html`<tr class="govuk-table__row">
            <td class="govuk-table__cell">${row.before}</td>
            <td class="govuk-table__cell">${row.after}</td>
          </tr>`,
    );
  return html`<div id="comparison">
    ${comparison.map(
      (c) =>
        html`<table class="govuk-table comparison-section">
          <caption class="govuk-table__caption govuk-table__caption--s">
            <h4 class="govuk-heading-s">
              ${c.section} ${tag(words[c.change], c.change === 'removed' ? 'red' : 'blue')}
            </h4>
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header govuk-!-width-one-half">HMI’s draft</th>
              <th scope="col" class="govuk-table__header govuk-!-width-one-half">Final letter</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            ${rows(c.before, c.after)}
          </tbody>
        </table>`,
    )}
  </div>`;
}

function downloadsHtml(downloads: readonly Download[], letterId: string): Html {
  if (downloads.length === 0) return html``;
  return html`<h3 class="govuk-heading-m">Download</h3>
    <ul class="govuk-list" id="downloads">
      ${downloads.map(
        (d) =>
          html`<li>
            <a class="govuk-link" href="/letters/${letterId}/download/${d.kind}" download="${d.name}">${d.text}</a>
            <span class="govuk-body-s">(${d.name})</span>
          </li>`,
      )}
    </ul>`;
}

/** The workflow's message with the command-line option it names put as this page's checkbox. */
const pageWords = (message: string): string =>
  message.replace(/use --force to/g, 'tick “Finalise again as a new version” to');

function outcomeHtml(view: FinaliseView): Html {
  const outcome = view.outcome;
  if (!outcome) return html``;
  if (!outcome.ok) {
    const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
    return html`<div class="govuk-error-summary" tabindex="-1" id="finalise-problem">
      <div role="alert">
        <h3 class="govuk-error-summary__title">The letter was not finalised</h3>
        <div class="govuk-error-summary__body">
          <p class="govuk-body">${pageWords(outcome.message)}</p>
          ${
            errors.length > 0
              ? html`<ul class="govuk-list govuk-error-summary__list">
                  ${errors.map(
                    (d) =>
                      html`<li>
                        ${d.file ?? ''}${d.line ? `, line ${d.line}` : ''}:
                        ${d.message}${d.paragraph ? ` (para ${d.paragraph})` : ''}
                      </li>`,
                  )}
                </ul>`
              : ''
          }
        </div>
      </div>
    </div>`;
  }
  const { stamp, plan } = outcome;
  const late = plan.lateness
    ? html`<div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Warning</span>
          Para 17: the final letter was due by ${formatLongDate(plan.lateness.due)} (within 10 working days of the end
          of the visit); it is finalised on ${formatLongDate(stamp.on)}.
        </strong>
      </div>`
    : '';
  const head =
    view.action === 'finalise'
      ? html`<div class="govuk-panel govuk-panel--confirmation" id="finalised">
          <h3 class="govuk-panel__title">Letter finalised</h3>
          <div class="govuk-panel__body">
            Version ${stamp.version}, by ${stamp.by}, dated ${formatLongDate(stamp.on)}
          </div>
        </div>`
      : html`<p class="govuk-body" id="compared">
          Nothing is written yet. Finalising makes version ${stamp.version}, by ${stamp.by}, dated
          ${formatLongDate(stamp.on)}.
        </p>`;
  return html`<div id="finalise-outcome">
    ${head} ${late}
    <h3 class="govuk-heading-m">What the ISP changed in the HMI’s draft</h3>
    ${comparisonHtml(outcome)}
  </div>`;
}

/** The whole section; the page's first rendering and every answer to the section's buttons. */
export function finaliseSection(view: FinaliseView): Html {
  const { letter, values, problems } = view;
  const error = (field: string) => problems.find((p) => p.field === field || p.field?.startsWith(`${field}-`))?.text;
  const finalised =
    letter.row.queueStage === 'final' || letter.row.queueStage === 'sent' || letter.row.queueStage === 'published';
  const formChoices = letter.row.forms.map((shown, i) => ({ value: String(i), text: shown }));
  const draftChoices = view.candidates.map((c, i) => ({ value: String(i), text: c.shown }));
  return html`<section id="finalise" aria-labelledby="finalise-heading" data-section>
    <h2 class="govuk-heading-l" id="finalise-heading">Finalise the letter</h2>
    ${finalised ? html`<p class="govuk-body">This letter is finalised (version ${letter.row.version ?? 1}).</p>` : ''}
    ${downloadsHtml(view.downloads, letter.id)} ${errorSummary(problems)}
    <form data-post="/api/letters/${letter.id}/finalise" novalidate>
      ${radios({
        id: 'final',
        name: 'final',
        label: 'The ISP’s final form',
        hint: 'The form with the ISP’s edits: the final letter is made from it.',
        choices: formChoices,
        checked: values.final,
        ...(error('final') ? { error: error('final')! } : {}),
      })}
      ${radios({
        id: 'draft',
        name: 'draft',
        label: 'The HMI’s draft',
        hint: 'What the HMI sent: the changes are shown against it.',
        choices: draftChoices,
        checked: values.draft,
        ...(error('draft') ? { error: error('draft')! } : {}),
      })}
      ${textInput({
        id: 'by',
        name: 'by',
        label: 'Finalised by',
        hint: 'Your name: Word shows it on each tracked change in the redline.',
        value: values.by,
        width: '20',
        autocomplete: 'name',
        ...(error('by') ? { error: error('by')! } : {}),
      })}
      ${dateInput({
        id: 'on',
        name: 'on',
        label: 'Date of the final letter',
        hint: 'The day it is finalised, for example 20 3 2014.',
        value: { day: values.day, month: values.month, year: values.year },
        ...(error('on') ? { error: error('on')! } : {}),
      })}
      ${
        finalised
          ? checkbox({
              id: 'again',
              name: 'again',
              value: 'yes',
              label: 'Finalise again as a new version',
              hint: 'The final letter is replaced by the next version.',
              checked: values.again,
            })
          : ''
      }
      <div class="govuk-button-group">
        ${button('Compare with the HMI’s draft', { name: 'action', value: 'compare', secondary: true, id: 'compare' })}
        ${button('Finalise letter', { name: 'action', value: 'finalise', id: 'finalise-button' })}
      </div>
    </form>
    ${outcomeHtml(view)}
  </section>`;
}
