/**
 * The drafting page (`serve FORM`): the evidence form as fields or YAML on
 * the left (the only column that scrolls with the form), the letter in the
 * middle, its copy list and deadlines on the right. The script
 * (assets/serve/app.js) fills it from the server's JSON API.
 */
import { html } from './html.js';
import { pageShell } from './layout.js';

/** A link back to where the page was opened from: the workspace's queue, "Back to the letters". */
export interface BackLink {
  href: string;
  text: string;
}

/** The drafting page for the form named `formName`, as the server sends it. */
export function draftingPage(formName: string, back?: BackLink): string {
  const headerEnd = html`<div class="app-drafting-bar">
    <p class="app-save-status govuk-body-s" id="save-status" role="status" aria-live="polite">Loading…</p>
    <div class="govuk-button-group app-drafting-actions">
      <button type="button" id="save-now" class="govuk-button govuk-button--secondary" data-module="govuk-button">
        Save form
      </button>
      <button type="button" id="write-draft" class="govuk-button" data-module="govuk-button">
        Write draft (DOCX, PDF)
      </button>
    </div>
  </div>`;
  const body = html`${back ? html`<a href="${back.href}" class="govuk-back-link app-back-link">${back.text}</a>` : ''}
    <h1 class="govuk-heading-m app-drafting-title">
      <span class="govuk-caption-s">Drafting the monitoring letter from</span>
      <span id="file" class="app-file">${formName}</span>
    </h1>
    <div id="banners" class="app-banners"></div>
    <div class="app-workspace">
      <section class="app-editor" aria-labelledby="editor-heading">
        <h2 class="govuk-visually-hidden" id="editor-heading">Evidence form</h2>
        <div class="app-editor-head">
          <div class="app-tabs" role="tablist" aria-label="Edit the form as">
            <button type="button" role="tab" id="tab-fields" aria-controls="fields-pane" aria-selected="true">
              Fields
            </button>
            <button
              type="button"
              role="tab"
              id="tab-yaml"
              aria-controls="yaml-pane"
              aria-selected="false"
              tabindex="-1"
            >
              YAML
            </button>
          </div>
          <p id="summary-counts" class="govuk-body-s app-summary-counts" aria-live="polite">Checking…</p>
        </div>
        <div class="app-scroll" id="form-scroll" tabindex="-1">
          <div id="summary" class="app-summary"></div>
          <div id="fields-pane" role="tabpanel" aria-labelledby="tab-fields" class="app-pane">
            <p id="fields-paused" class="govuk-inset-text" hidden></p>
            <form id="fields" class="app-fields" autocomplete="off" novalidate></form>
          </div>
          <div id="yaml-pane" role="tabpanel" aria-labelledby="tab-yaml" class="app-pane" hidden>
            <label for="yaml" class="govuk-label">The form as YAML</label>
            <textarea id="yaml" class="govuk-textarea app-yaml" spellcheck="false"></textarea>
          </div>
        </div>
      </section>
      <section class="app-preview" aria-labelledby="letter-heading">
        <div class="app-preview-head">
          <h2 class="govuk-heading-s" id="letter-heading">Letter</h2>
          <p id="preview-note" class="govuk-body-s app-preview-note"></p>
        </div>
        <iframe id="letter" title="Letter preview" sandbox="allow-same-origin"></iframe>
      </section>
      <aside class="app-facts" aria-label="Copy list and deadlines">
        <section aria-labelledby="recipients-heading">
          <h2 class="govuk-heading-s" id="recipients-heading">
            Copy list <span class="govuk-caption-s app-para">para 17</span>
          </h2>
          <div id="recipients"><p class="govuk-body-s">—</p></div>
        </section>
        <section aria-labelledby="deadlines-heading">
          <h2 class="govuk-heading-s" id="deadlines-heading">Deadlines</h2>
          <div id="deadlines"><p class="govuk-body-s">—</p></div>
        </section>
      </aside>
    </div>`;
  return pageShell({
    title: `Drafting ${formName}`,
    body,
    headerEnd,
    styles: ['/style.css'],
    scripts: ['/app.js'],
    width: 'wide',
    bodyClass: 'app-drafting',
  });
}
