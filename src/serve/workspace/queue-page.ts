/**
 * The ISP's queue: every letter in the folder with its school, URN, stage
 * and next deadline, overdue first, exactly as `status` lists them (the
 * rows come from lettersStatus, in its order).
 */
import { formatLongDate } from '../../ground/dates-in-words.js';
import type { QueueStage } from '../../workflow/status.js';
import type { ListedLetter } from './folder.js';
import { html, page, tag, type Html } from './html.js';

const stageTags: Record<QueueStage, Html> = {
  incomplete: tag('Incomplete', 'red'),
  draft: tag('Draft', 'grey'),
  ready: tag('Ready to finalise', 'blue'),
  final: tag('Final', 'turquoise'),
  sent: tag('Sent', 'green'),
  published: tag('Published', 'green'),
};

export function deadlineCell(letter: ListedLetter): Html {
  const next = letter.row.next;
  if (!next) return html`<span class="govuk-hint govuk-!-margin-0">None</span>`;
  const what = `${next.description} (para ${next.paragraph})`;
  const left = letter.row.workingDaysLeft;
  const when =
    left === undefined
      ? ''
      : left < 0
        ? `${-left} working day${left === -1 ? '' : 's'} overdue`
        : left === 0
          ? 'due today'
          : `${left} working day${left === 1 ? '' : 's'} left`;
  return html`${letter.row.overdue ? html`${tag('Overdue', 'red')} ` : ''}${what}: ${formatLongDate(next.date)}
    <br /><span class="govuk-body-s">${when}</span>`;
}

export function queuePage(folderName: string, today: string, letters: readonly ListedLetter[]): string {
  const overdue = letters.filter((l) => l.row.overdue).length;
  const rows = letters.map(
    (letter) =>
      html`<tr class="govuk-table__row">
        <th scope="row" class="govuk-table__header">
          <a class="govuk-link" href="/letters/${letter.id}">${letter.row.school ?? letter.row.form}</a>
          ${letter.row.problem ? html`<br /><span class="govuk-body-s">${letter.row.problem}</span>` : ''}
        </th>
        <td class="govuk-table__cell">${letter.row.urn ?? ''}</td>
        <td class="govuk-table__cell">${stageTags[letter.row.queueStage]}</td>
        <td class="govuk-table__cell">${deadlineCell(letter)}</td>
        <td class="govuk-table__cell govuk-body-s">${letter.row.forms.join(', ')}</td>
      </tr>`,
  );
  const table =
    letters.length === 0
      ? html`<p class="govuk-body">There are no forms (.yaml, .yml or .json) in ${folderName}.</p>`
      : html`<table class="govuk-table" id="queue">
          <caption class="govuk-table__caption govuk-table__caption--m">
            ${letters.length} letter${letters.length === 1 ? '' : 's'}, ${overdue} overdue
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">School</th>
              <th scope="col" class="govuk-table__header">URN</th>
              <th scope="col" class="govuk-table__header">Stage</th>
              <th scope="col" class="govuk-table__header">Next deadline</th>
              <th scope="col" class="govuk-table__header">Forms</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            ${rows}
          </tbody>
        </table>`;
  return page({
    title: 'Letters',
    section: 'letters',
    folderName,
    body: html`<h1 class="govuk-heading-l">Letters</h1>
      <p class="govuk-body">
        Every letter in ${folderName} as at ${formatLongDate(today)}, overdue first. Working days are England’s.
      </p>
      ${table}`,
  });
}
