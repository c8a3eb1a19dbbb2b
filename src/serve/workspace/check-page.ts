/**
 * The LA officer's page: a received letter (PDF, DOCX or text, read in
 * memory) and the school (its URN in the register the workspace was given,
 * or a form in the folder), and what `check-copy` reports: the school
 * checked, and each body missing, extra, named differently or not
 * recognised, with the paragraph 17 reason.
 */
import type { CheckCopyOutcome, CopyCheck } from '../../workflow/check-copy.js';
import { button, fileUpload, radios, textInput } from './fields.js';
import type { ListedLetter } from './folder.js';
import { errorSummary, html, page, tag, type Html, type Problem } from './html.js';

export interface CheckValues {
  school: string;
  urn: string;
  letter: string;
}

export interface CheckView {
  folderName: string;
  /** The register's name as the user gave it, when there is one. */
  registerName?: string;
  letters: readonly ListedLetter[];
  values: CheckValues;
  problems: Problem[];
  /** The file checked (its name only). */
  letterName?: string;
  outcome?: CheckCopyOutcome;
}

function resultRows(check: CopyCheck): Html[] {
  const row = (state: Html, body: string, why: string) =>
    html`<tr class="govuk-table__row">
      <td class="govuk-table__cell">${state}</td>
      <td class="govuk-table__cell">${body}</td>
      <td class="govuk-table__cell">${why}</td>
    </tr>`;
  return [
    ...check.matched.map((m) => row(tag('Copied', 'green'), `${m.role}: ${m.found}`, 'Copied as para 17 requires')),
    ...check.missing.map((m) =>
      row(tag('Missing', 'red'), `${m.role}: ${m.name}`, `${m.reason} (para ${m.paragraph})`),
    ),
    ...check.namedDifferently.map((n) =>
      row(
        tag('Named differently', 'orange'),
        `${n.role}: the letter names ${n.found}; expected ${n.expected}`,
        `${n.reason} (para 17)`,
      ),
    ),
    ...check.extra.map((e) =>
      e.role === undefined && e.other === undefined
        ? row(tag('Not recognised', 'yellow'), e.text, e.reason)
        : row(tag('Extra', 'orange'), `${e.role ?? 'not para 17'}: ${e.text}`, e.reason),
    ),
  ];
}

function resultHtml(view: CheckView): Html {
  const outcome = view.outcome;
  if (!outcome) return html``;
  if (!outcome.ok) {
    return html`<div class="govuk-error-summary" tabindex="-1" id="check-problem">
      <div role="alert">
        <h2 class="govuk-error-summary__title">The letter could not be checked</h2>
        <div class="govuk-error-summary__body">
          <p class="govuk-body">${outcome.message}</p>
          ${
            outcome.diagnostics.length > 0
              ? html`<ul class="govuk-list govuk-error-summary__list">
                  ${outcome.diagnostics.map((d) => html`<li>${d.file ?? ''}: ${d.message}</li>`)}
                </ul>`
              : ''
          }
        </div>
      </div>
    </div>`;
  }
  const check = outcome.check;
  const school = check.school;
  const checked = school ? (school.name ? `${school.name} (URN ${school.urn})` : `URN ${school.urn}`) : '';
  const differences = check.missing.length + check.extra.length + check.namedDifferently.length;
  return html`<div id="check-result">
    <h2 class="govuk-heading-l">What the letter’s copy list says</h2>
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">School checked</dt>
        <dd class="govuk-summary-list__value" id="school-checked">${checked}</dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Letter</dt>
        <dd class="govuk-summary-list__value">${view.letterName ?? ''}</dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Result</dt>
        <dd class="govuk-summary-list__value" id="check-verdict">
          ${
            check.ok
              ? tag('Copied as para 17 requires', 'green')
              : tag(`${differences} difference${differences === 1 ? '' : 's'} from para 17`, 'red')
          }
        </dd>
      </div>
    </dl>
    ${check.warnings.map(
      (w) =>
        html`<div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Warning</span>
            ${w}: is this letter for the school checked?
          </strong>
        </div>`,
    )}
    <h3 class="govuk-heading-m">The letter’s copy sentence</h3>
    <div class="govuk-inset-text" id="copy-sentence">${check.sentence}</div>
    <table class="govuk-table" id="bodies">
      <caption class="govuk-table__caption govuk-table__caption--m">
        Each body against para 17
      </caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Finding</th>
          <th scope="col" class="govuk-table__header">Body</th>
          <th scope="col" class="govuk-table__header">Why</th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        ${resultRows(check)}
      </tbody>
    </table>
  </div>`;
}

/** The check form and its result: the part of the page each check replaces. */
export function checkSection(view: CheckView): Html {
  const error = (field: string) => view.problems.find((p) => p.field === field)?.text;
  const withError = (field: string) => (error(field) ? { error: error(field)! } : {});
  const formChoice = html`<div class="govuk-form-group">
    <label class="govuk-label" for="form-letter">Form</label>
    <select class="govuk-select" id="form-letter" name="letter">
      ${view.letters
        .filter((l) => l.row.urn !== undefined)
        .map(
          (l) =>
            html`<option value="${l.id}" ${l.id === view.values.letter ? 'selected' : ''}>
              ${l.row.school ?? ''} (URN ${l.row.urn ?? ''}): ${l.row.forms.at(-1) ?? ''}
            </option>`,
        )}
    </select>
  </div>`;
  const choices = [
    ...(view.registerName !== undefined
      ? [{ value: 'urn', text: 'By its URN', hint: `Looked up in the register ${view.registerName}` }]
      : []),
    { value: 'form', text: 'From a form in this folder', hint: 'The school’s facts as the form gives them' },
  ];
  return html`<div id="check" data-section>
    ${errorSummary(view.problems)}
    <form data-post="/api/check" novalidate>
      ${fileUpload({
        id: 'letter',
        name: 'letter',
        label: 'The letter you received',
        hint: 'A PDF, Word (.docx) or text file. It is read on this computer and not kept.',
        accept: '.pdf,.docx,.txt,.md',
        ...withError('letter'),
      })}
      ${radios({
        id: 'school',
        name: 'school',
        label: 'Which school is it for?',
        choices,
        checked: view.values.school,
        conditional: {
          urn: textInput({
            id: 'urn',
            name: 'urn',
            label: 'URN',
            value: view.values.urn,
            width: '10',
            ...withError('urn'),
          }),
          form: formChoice,
        },
        ...withError('school'),
      })}
      ${button('Check the copy list', { id: 'check-button' })}
    </form>
    ${resultHtml(view)}
  </div>`;
}

export function checkPage(view: CheckView): string {
  return page({
    title: 'Check a letter’s copy list',
    section: 'check',
    folderName: view.folderName,
    body: html`<h1 class="govuk-heading-l">Check a letter’s copy list</h1>
      <p class="govuk-body">
        Choose a monitoring letter you received and the school it is about. The page says whether the letter was copied
        to every body paragraph 17 of the guidance requires, and to no other.
      </p>
      ${checkSection(view)}`,
  });
}
