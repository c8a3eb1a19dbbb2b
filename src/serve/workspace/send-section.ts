/**
 * The letter page's "Send" section: every message that will go, to whom,
 * why (para 17) and what is attached, with each message's state in the send
 * journal, all exactly as `send --dry-run` decides them (runSend with
 * dryRun); the button that sends, the progress of a send under way, and a
 * retry for a recipient the server refused.
 */
import { adviceAfter, type Decision, type DistributionEntry } from '../../workflow/mail.js';
import type { SendOutcome } from '../../workflow/send.js';
import { button } from './fields.js';
import { html, tag, type Html } from './html.js';

/** A send run by the page: under way, or finished with its outcome. */
export interface SendJob {
  running: boolean;
  outcome?: SendOutcome;
  /** Progress lines (a retry and its wait). */
  log: string[];
}

export interface SendView {
  letterId: string;
  /** Whether the letter has a final version to send. */
  finalised: boolean;
  /** The dry run: what a send would do now. */
  plan?: SendOutcome;
  job?: SendJob;
}

function stateTag(decision: Decision, running: boolean): Html {
  if (decision.action === 'send') {
    if (running) return tag('Waiting to send', 'grey');
    switch (decision.because) {
      case undefined:
        return tag('Not sent yet', 'grey');
      case 'temporary-failure':
        return tag('Failed for now: will be tried again', 'orange');
      case 'resume':
      case 'retry-failed':
        return tag('Will be sent again', 'yellow');
    }
  }
  switch (decision.result.status) {
    case 'already-sent':
      return tag('Sent', 'green');
    case 'needs-attention':
      return tag('Refused: needs attention', 'red');
    case 'outcome-unknown':
      return running ? tag('Sending…', 'blue') : tag('Outcome unknown', 'yellow');
    default:
      return tag(decision.result.status, 'grey');
  }
}

function stateDetail(decision: Decision): string {
  if (decision.action === 'send') return '';
  const result = decision.result;
  switch (result.status) {
    case 'already-sent':
      return `${result.at.slice(0, 19).replace('T', ' ')} UTC: ${result.response}`;
    case 'needs-attention':
      return result.response;
    case 'outcome-unknown':
      return `prepared ${result.preparedAt.slice(0, 19).replace('T', ' ')} UTC`;
    default:
      return '';
  }
}

function problemsHtml(title: string, problems: readonly string[]): Html {
  return html`<div class="govuk-error-summary" tabindex="-1" id="send-problem">
    <div role="alert">
      <h3 class="govuk-error-summary__title">${title}</h3>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          ${problems.map((p) => html`<li>${p}</li>`)}
        </ul>
      </div>
    </div>
  </div>`;
}

/** What the last send run ended with, when it needs saying. */
function jobHtml(job: SendJob | undefined): Html {
  const outcome = job?.outcome;
  if (!outcome || job.running) return html``;
  if (outcome.status === 'locked') return problemsHtml('Nothing was sent', [outcome.message]);
  if (outcome.status === 'refused') return problemsHtml('Nothing was sent', [outcome.message]);
  if (outcome.status === 'not-ready') return problemsHtml('Nothing was sent', outcome.problems);
  if (outcome.status !== 'distributed') return html``;
  const failed = (e: DistributionEntry) =>
    e.result.status === 'failed' || e.result.status === 'needs-attention' || e.result.status === 'not-attempted';
  if (!outcome.entries.some(failed)) return html``;
  const advice = adviceAfter(
    outcome.entries,
    { kind: outcome.transport, destination: outcome.destination },
    outcome.journal,
  );
  return problemsHtml('Not every message was delivered', advice);
}

export function sendSection(view: SendView): Html {
  const running = view.job?.running === true;
  const plan = view.plan;
  let body: Html;
  if (!view.finalised) {
    body = html`<p class="govuk-body">Finalise the letter first: only the final letter is sent.</p>`;
  } else if (!plan || plan.status === 'locked') {
    body = html`<p class="govuk-body">
      Another send is using this folder’s journal; this page shows it when it ends.
    </p>`;
  } else if (plan.status === 'refused') {
    body = problemsHtml('The letter cannot be sent yet', [plan.message]);
  } else if (plan.status === 'not-ready') {
    body = problemsHtml('The letter cannot be sent yet: every recipient needs a valid address first', plan.problems);
  } else if (plan.status !== 'dry-run') {
    body = html``;
  } else {
    const planned = plan.planned;
    const sent = planned.filter(
      (p) => p.decision.action === 'skip' && p.decision.result.status === 'already-sent',
    ).length;
    const toSend = planned.filter((p) => p.decision.action === 'send').length;
    const refused = planned.filter(
      (p) => p.decision.action === 'skip' && p.decision.result.status === 'needs-attention',
    ).length;
    const unknown = planned.filter(
      (p) => p.decision.action === 'skip' && p.decision.result.status === 'outcome-unknown',
    ).length;
    const rows = planned.map(
      ({ message, decision, why }) =>
        html`<tr class="govuk-table__row">
          <td class="govuk-table__cell">
            ${message.to.map((t) => html`${t.name}<br /><span class="govuk-body-s">${t.email}</span><br />`)}
          </td>
          <td class="govuk-table__cell">
            ${why.map((w) => html`<span class="govuk-body-s">${w.role}: ${w.reason}${w.paragraph ? ` (para ${w.paragraph})` : ''}</span><br />`)}
          </td>
          <td class="govuk-table__cell govuk-body-s">${message.attachments.map((a) => html`${a.filename}<br />`)}</td>
          <td class="govuk-table__cell">
            ${stateTag(decision, running)}<br /><span class="govuk-body-s">${stateDetail(decision)}</span>
          </td>
        </tr>`,
    );
    const progress = running
      ? html`<p class="govuk-body" id="send-progress" role="status">Sending: ${sent} of ${planned.length} sent…</p>`
      : html`<p class="govuk-body" id="send-progress" role="status">${sent} of ${planned.length} sent.</p>`;
    const actions: Html[] = [];
    if (!running && toSend > 0)
      actions.push(
        button(`Send ${toSend} message${toSend === 1 ? '' : 's'}`, { name: 'mode', value: 'send', id: 'send-button' }),
      );
    if (!running && refused > 0)
      actions.push(
        button('Retry refused recipients', {
          name: 'mode',
          value: 'retry-failed',
          secondary: true,
          id: 'retry-button',
        }),
      );
    if (!running && unknown > 0)
      actions.push(
        button('Finish the interrupted send', { name: 'mode', value: 'resume', secondary: true, id: 'resume-button' }),
      );
    body = html`${progress}
      ${
        sent === planned.length && planned.length > 0
          ? html`<div class="govuk-panel govuk-panel--confirmation" id="all-sent">
              <h3 class="govuk-panel__title">Sent</h3>
              <div class="govuk-panel__body">Every message was delivered; none is sent again.</div>
            </div>`
          : ''
      }
      <table class="govuk-table" id="messages">
        <caption class="govuk-table__caption govuk-table__caption--m">
          ${planned.length} message${planned.length === 1 ? '' : 's'}: one to each recipient
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">To</th>
            <th scope="col" class="govuk-table__header">Why</th>
            <th scope="col" class="govuk-table__header">Attached</th>
            <th scope="col" class="govuk-table__header">State</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          ${rows}
        </tbody>
      </table>
      ${
        actions.length > 0
          ? html`<form data-post="/api/letters/${view.letterId}/send" novalidate>
              <div class="govuk-button-group">${actions}</div>
            </form>`
          : ''
      }`;
  }
  return html`<section
    id="send"
    aria-labelledby="send-heading"
    data-section
    ${running ? html`data-poll="/api/letters/${view.letterId}/send"` : ''}
  >
    <h2 class="govuk-heading-l" id="send-heading">Send the letter</h2>
    ${jobHtml(view.job)} ${body}
  </section>`;
}
