/**
 * GOV.UK form fields (the Design System's markup for text input, date
 * input, radios, checkboxes and file upload), each with its label, hint
 * and error message where the pattern has them.
 */
import { html, type Html } from './html.js';

export interface FieldOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

const hintHtml = (o: FieldOptions) => (o.hint ? html`<div id="${o.id}-hint" class="govuk-hint">${o.hint}</div>` : '');
const errorHtml = (o: FieldOptions) =>
  o.error
    ? html`<p id="${o.id}-error" class="govuk-error-message">
        <span class="govuk-visually-hidden">Error:</span> ${o.error}
      </p>`
    : '';
const describedBy = (o: FieldOptions) =>
  [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
const groupClass = (o: FieldOptions) => `govuk-form-group${o.error ? ' govuk-form-group--error' : ''}`;

export function textInput(o: FieldOptions & { value?: string; width?: string; autocomplete?: string }): Html {
  const by = describedBy(o);
  return html`<div class="${groupClass(o)}">
    <label class="govuk-label govuk-label--s" for="${o.id}">${o.label}</label>
    ${hintHtml(o)} ${errorHtml(o)}
    <input
      class="govuk-input${o.width ? ` govuk-input--width-${o.width}` : ''}${o.error ? ' govuk-input--error' : ''}"
      id="${o.id}"
      name="${o.name}"
      type="text"
      value="${o.value ?? ''}"
      ${by ? html`aria-describedby="${by}"` : ''}
      ${o.autocomplete ? html`autocomplete="${o.autocomplete}"` : ''}
    />
  </div>`;
}

/** Day, month and year boxes (the GOV.UK date input); `value` is an ISO date. */
export function dateInput(o: FieldOptions & { value?: { day: string; month: string; year: string } }): Html {
  const by = describedBy(o);
  const box = (part: 'day' | 'month' | 'year', label: string, width: string) =>
    html`<div class="govuk-date-input__item">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-date-input__label" for="${o.id}-${part}">${label}</label>
        <input
          class="govuk-input govuk-date-input__input govuk-input--width-${width}${o.error ? ' govuk-input--error' : ''}"
          id="${o.id}-${part}"
          name="${part}"
          type="text"
          inputmode="numeric"
          value="${o.value?.[part] ?? ''}"
        />
      </div>
    </div>`;
  return html`<div class="${groupClass(o)}">
    <fieldset class="govuk-fieldset" role="group" ${by ? html`aria-describedby="${by}"` : ''}>
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${o.label}</legend>
      ${hintHtml(o)} ${errorHtml(o)}
      <div class="govuk-date-input" id="${o.id}">
        ${box('day', 'Day', '2')} ${box('month', 'Month', '2')} ${box('year', 'Year', '4')}
      </div>
    </fieldset>
  </div>`;
}

export interface Choice {
  value: string;
  text: string;
  hint?: string;
}

export function radios(
  o: FieldOptions & { choices: readonly Choice[]; checked?: string; conditional?: Record<string, Html> },
): Html {
  const by = describedBy(o);
  return html`<div class="${groupClass(o)}">
    <fieldset class="govuk-fieldset" ${by ? html`aria-describedby="${by}"` : ''}>
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${o.label}</legend>
      ${hintHtml(o)} ${errorHtml(o)}
      <div class="govuk-radios" id="${o.id}">
        ${o.choices.map((c, i) => {
          const id = i === 0 ? `${o.id}-choice` : `${o.id}-choice-${i}`;
          const more = o.conditional?.[c.value];
          return html`<div class="govuk-radios__item">
              <input
                class="govuk-radios__input"
                id="${id}"
                name="${o.name}"
                type="radio"
                value="${c.value}"
                ${c.value === o.checked ? 'checked' : ''}
                ${c.hint ? html`aria-describedby="${id}-hint"` : ''}
              />
              <label class="govuk-label govuk-radios__label" for="${id}">${c.text}</label>
              ${c.hint ? html`<div id="${id}-hint" class="govuk-hint govuk-radios__hint">${c.hint}</div>` : ''}
            </div>
            ${more ? html`<div class="govuk-radios__conditional">${more}</div>` : ''}`;
        })}
      </div>
    </fieldset>
  </div>`;
}

export function checkbox(o: FieldOptions & { value: string; checked?: boolean }): Html {
  return html`<div class="govuk-form-group">
    <div class="govuk-checkboxes govuk-checkboxes--small">
      <div class="govuk-checkboxes__item">
        <input
          class="govuk-checkboxes__input"
          id="${o.id}"
          name="${o.name}"
          type="checkbox"
          value="${o.value}"
          ${o.checked ? 'checked' : ''}
          ${o.hint ? html`aria-describedby="${o.id}-hint"` : ''}
        />
        <label class="govuk-label govuk-checkboxes__label" for="${o.id}">${o.label}</label>
        ${o.hint ? html`<div id="${o.id}-hint" class="govuk-hint govuk-checkboxes__hint">${o.hint}</div>` : ''}
      </div>
    </div>
  </div>`;
}

export function fileUpload(o: FieldOptions & { accept: string }): Html {
  const by = describedBy(o);
  return html`<div class="${groupClass(o)}">
    <label class="govuk-label govuk-label--s" for="${o.id}">${o.label}</label>
    ${hintHtml(o)} ${errorHtml(o)}
    <input
      class="govuk-file-upload${o.error ? ' govuk-file-upload--error' : ''}"
      id="${o.id}"
      name="${o.name}"
      type="file"
      accept="${o.accept}"
      ${by ? html`aria-describedby="${by}"` : ''}
    />
  </div>`;
}

export function button(
  text: string,
  options: { name?: string; value?: string; secondary?: boolean; id?: string } = {},
): Html {
  return html`<button
    type="submit"
    class="govuk-button${options.secondary ? ' govuk-button--secondary' : ''}"
    data-module="govuk-button"
    ${options.id ? html`id="${options.id}"` : ''}
    ${options.name ? html`name="${options.name}" value="${options.value ?? ''}"` : ''}
  >
    ${text}
  </button>`;
}
