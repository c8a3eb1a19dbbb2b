// Builds the form's fields from its JSON Schema: a section per part of the form, a group per mapping,
// lists that grow and shrink, dates as day, month and year boxes (date-fields.js), choices for fixed
// values. Every field carries the path it edits (data-path), which is also how diagnostics find the
// field they name.
import { commissionedField, dateField, isDateOrFalseSchema, isDateSchema } from './date-fields.js';
import { el } from './dom.js';
import { capitalise, fieldName, itemNoun, labelFor } from './field-names.js';

const pathKey = (path) => JSON.stringify(path);
const genericHint = /^(Narrative as it should read|A calendar date)/;

let idCounter = 0;

/**
 * The fields for `schema` and `data` in `container`, leaving out the parts at `notShown` (paths: bodies the
 * school's type cannot have, as the rules decide, and the form does not give). `onEdit(path, value, { structural })` is called for each
 * change; it returns the map from path to element that diagnostics use, and each field's setter.
 */
export function buildFields(container, schema, data, { onEdit, onProblem, notShown = [] }) {
  const places = new Map();
  const inputs = [];
  container.replaceChildren();
  const root = data && typeof data === 'object' && !Array.isArray(data) ? data : {};
  places.set(pathKey([]), container);
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    if (key === '$schema') continue;
    const path = [key];
    const section = el('section', { className: 'section app-section', 'data-path': pathKey(path) });
    const required = (schema.required ?? []).includes(key);
    section.append(
      el('h2', { className: 'govuk-heading-m' }, el('span', { text: labelFor(key) }), required ? requiredMark() : null),
    );
    const body = el('div', { className: 'section-body' });
    section.append(body);
    places.set(pathKey(path), section);
    const hidden = new Set(notShown.map(pathKey));
    node(body, child, root[key], path, key, required, { places, inputs, onEdit, onProblem, hidden });
    container.append(section);
  }
  return { places, inputs };
}

/** " (required)", read as words after the label's own. */
function requiredMark() {
  return el('span', { className: 'app-required', text: ' (required)' });
}

function hint(schema) {
  const text = schema.description;
  return text && !genericHint.test(text) ? el('div', { className: 'govuk-hint', text }) : null;
}

function diagnosticsList() {
  return el('ul', { className: 'diagnostics govuk-list', 'aria-live': 'polite' });
}

/** A value of any kind at `path`. */
function node(parent, schema, value, path, key, required, context) {
  if (schema.type === 'object' && schema.properties) return group(parent, schema, value, path, context);
  if (schema.type === 'array') return list(parent, schema, value, path, key, context);
  return field(parent, schema, value, path, labelFor(key), required, context, { inList: false });
}

function group(parent, schema, value, path, context) {
  const object = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const description = hint(schema);
  if (description) parent.append(description);
  parent.append(diagnosticsList());
  context.places.set(pathKey(path), parent);
  for (const [key, child] of Object.entries(schema.properties)) {
    const childPath = [...path, key];
    if (context.hidden?.has(pathKey(childPath))) continue;
    const required = (schema.required ?? []).includes(key);
    if (child.type === 'object' && child.properties) {
      const fieldset = el('fieldset', { className: 'group govuk-fieldset', 'data-path': pathKey(childPath) });
      fieldset.append(
        el(
          'legend',
          { className: 'govuk-fieldset__legend govuk-fieldset__legend--s' },
          el('span', { text: labelFor(key) }),
          required ? requiredMark() : null,
        ),
      );
      parent.append(fieldset);
      group(fieldset, child, object[key], childPath, context);
    } else node(parent, child, object[key], childPath, key, required, context);
  }
}

function list(parent, schema, value, path, key, context) {
  const items = Array.isArray(value) ? value : [];
  const fieldset = el('fieldset', { className: 'list govuk-fieldset', 'data-path': pathKey(path) });
  fieldset.append(el('legend', { className: 'govuk-fieldset__legend govuk-fieldset__legend--s', text: labelFor(key) }));
  const description = hint(schema);
  if (description) fieldset.append(description);
  fieldset.append(diagnosticsList());
  context.places.set(pathKey(path), fieldset);
  const noun = itemNoun(key);
  const itemSchema = schema.items ?? { type: 'string' };
  const ol = el('ol', { className: 'items' });
  items.forEach((item, index) => {
    const itemPath = [...path, index];
    const li = el('li', { className: 'item', 'data-path': pathKey(itemPath) });
    const remove = el(
      'button',
      { type: 'button', className: 'remove govuk-button govuk-button--warning app-button-small' },
      'Remove',
      el('span', {
        className: 'govuk-visually-hidden',
        text: ` ${noun} ${index + 1} of ${labelFor(key).toLowerCase()}`,
      }),
    );
    remove.addEventListener('click', () => context.onEdit(itemPath, undefined, { structural: true }));
    if (itemSchema.type === 'object' && itemSchema.properties) {
      const head = el(
        'div',
        { className: 'item-head' },
        el('span', { text: `${capitalise(noun)} ${index + 1}` }),
        remove,
      );
      li.append(head);
      group(li, itemSchema, item, itemPath, context);
    } else {
      const row = el('div', { className: 'item-row' });
      field(row, itemSchema, item, itemPath, `${capitalise(noun)} ${index + 1}`, false, context, { inList: true });
      row.append(remove);
      li.append(row);
    }
    ol.append(li);
  });
  fieldset.append(ol);
  const add = el('button', {
    type: 'button',
    className: 'add govuk-button govuk-button--secondary app-button-small',
    text: `Add ${noun}`,
  });
  add.addEventListener('click', () => {
    const blank = itemSchema.type === 'object' ? {} : '';
    if (items.length === 0 && !Array.isArray(value)) context.onEdit(path, [blank], { structural: true, focusIndex: 0 });
    else context.onEdit([...path, items.length], blank, { structural: true, focusIndex: items.length });
  });
  fieldset.append(add);
  parent.append(fieldset);
}

/** A fixed value in words: "requires-improvement" → "Requires improvement", "section-8" → "Section 8". */
export function choiceWords(value) {
  const text = String(value).replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a box's text means for the form: removed when empty (a list item stays, empty), a number where one is meant. */
function valueFrom(schema, raw, inList) {
  if (raw === '') return inList ? '' : undefined;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+$/.test(raw.trim())) return Number(raw.trim());
  if (types.includes('boolean')) return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

function shown(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One box, choice or date picker, with its label, hint and diagnostics. */
function field(parent, schema, value, path, label, required, context, { inList }) {
  const id = `f${++idCounter}`;
  const isDate =
    isDateSchema(schema) && (value === undefined || value === '' || /^\d{4}-\d{2}-\d{2}$/.test(String(value)));
  if (isDate || isDateOrFalseSchema(schema)) {
    return choiceOrDateField(parent, schema, value, path, label, required, context, { inList, id });
  }
  const wrapper = el('div', { className: 'field govuk-form-group', 'data-path': pathKey(path) });
  const labelEl = el(
    'label',
    { for: id, className: inList ? 'govuk-visually-hidden' : 'govuk-label govuk-label--s' },
    el('span', { text: label }),
  );
  if (required && !inList) labelEl.append(requiredMark());
  wrapper.append(labelEl);
  const description = inList ? null : hint(schema);
  if (description) {
    description.id = `${id}-hint`;
    wrapper.append(description);
  }
  let input;
  const current = shown(value);
  const choices = schema.enum ?? (schema.type === 'boolean' ? ['true', 'false'] : undefined);
  if (choices) {
    input = el('select', { id, className: 'govuk-select' });
    input.append(el('option', { value: '', text: 'Not given' }));
    for (const choice of choices) {
      const text = schema.type === 'boolean' ? (choice === 'true' ? 'Yes' : 'No') : choiceWords(choice);
      input.append(el('option', { value: String(choice), text }));
    }
    if (current !== '' && !choices.map(String).includes(current)) {
      input.append(el('option', { value: current, text: `${current} (not one of these)` }));
    }
  } else if (schema['x-multiline']) {
    input = el('textarea', { id, rows: 2, spellcheck: 'true', lang: 'en-GB', className: 'govuk-textarea' });
  } else {
    const numeric = schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('number'));
    input = el('input', {
      id,
      type: 'text',
      className: 'govuk-input',
      inputmode: numeric ? 'numeric' : schema.format === 'email' ? 'email' : undefined,
      spellcheck: numeric || schema.format === 'email' ? 'false' : 'true',
      lang: 'en-GB',
    });
  }
  input.value = current;
  input.dataset.path = pathKey(path);
  const diagnostics = diagnosticsList();
  diagnostics.id = `${id}-diagnostics`;
  input.setAttribute('aria-describedby', [description?.id, diagnostics.id].filter(Boolean).join(' '));
  const immediate = input.tagName === 'SELECT';
  input.addEventListener(immediate ? 'change' : 'input', () => {
    if (input.tagName === 'TEXTAREA') grow(input);
    context.onEdit(path, valueFrom(schema, input.value, inList), { delay: immediate ? 0 : 300 });
  });
  wrapper.append(input, diagnostics);
  parent.append(wrapper);
  context.places.set(pathKey(path), wrapper);
  context.inputs.push({
    path,
    input,
    set(next) {
      const text = shown(next);
      if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === text)) {
        input.append(el('option', { value: text, text: `${text} (not one of these)` }));
      }
      if (input.value !== text) {
        input.value = text;
        if (input.tagName === 'TEXTAREA') grow(input);
      }
    },
  });
  if (input.tagName === 'TEXTAREA') requestAnimationFrame(() => grow(input));
}

/**
 * A date as GOV.UK's day, month and year boxes, or a review's "Commissioned" as radios revealing them:
 * a fieldset whose legend is the field's label, with its hint and diagnostics.
 */
function choiceOrDateField(parent, schema, value, path, label, required, context, { inList, id }) {
  const wrapper = el('div', { className: 'field govuk-form-group', 'data-path': pathKey(path) });
  const diagnostics = diagnosticsList();
  diagnostics.id = `${id}-diagnostics`;
  const description = inList
    ? null
    : isDateSchema(schema)
      ? el('div', {
          className: 'govuk-hint',
          text: [hint(schema)?.textContent, 'For example, 12 3 2014'].filter(Boolean).join('. '),
        })
      : el('div', {
          className: 'govuk-hint',
          text: 'Whether the school had started commissioning the review by the visit, and when (para 16: its timeliness)',
        });
  if (description) description.id = `${id}-hint`;
  const fieldset = el('fieldset', {
    className: 'govuk-fieldset',
    role: isDateSchema(schema) ? 'group' : undefined,
    'aria-describedby': [description?.id, diagnostics.id].filter(Boolean).join(' '),
  });
  const legend = el(
    'legend',
    {
      className: inList
        ? 'govuk-fieldset__legend govuk-visually-hidden'
        : 'govuk-fieldset__legend govuk-fieldset__legend--s',
    },
    el('span', { text: label }),
  );
  if (required && !inList) legend.append(requiredMark());
  fieldset.append(legend);
  if (description) fieldset.append(description);
  wrapper.append(fieldset, diagnostics);
  parent.append(wrapper);
  context.places.set(pathKey(path), wrapper);
  const made = (isDateSchema(schema) ? dateField : commissionedField)({
    wrapper,
    fieldset,
    id,
    path,
    value,
    name: fieldName(null, path),
    inList,
    onEdit: context.onEdit,
    problem: (message) => context.onProblem?.(path, message),
  });
  context.inputs.push({ path, input: wrapper, set: made.set });
}

/** A text area as tall as its text. */
export function grow(textarea) {
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight + 2}px`;
}

/** The value at `path` in `data`. */
export function valueAt(data, path) {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = current[part];
  }
  return current;
}

/** The parts of `notHeld` (bodies the school cannot have) that `data` does not give: the fields leave them out. */
export function notShownIn(data, notHeld) {
  return notHeld.filter((path) => valueAt(data, path) === undefined);
}

/** The lengths of every list the fields show: when they change, the fields are built again. */
export function shapeOf(schema, data, path = []) {
  const out = [];
  const walk = (s, value, p) => {
    if (!s) return;
    if (s.type === 'object' && s.properties) {
      const object = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
      for (const [key, child] of Object.entries(s.properties)) walk(child, object[key], [...p, key]);
    } else if (s.type === 'array') {
      const items = Array.isArray(value) ? value : [];
      out.push(`${p.join('.')}:${Array.isArray(value) ? items.length : '-'}`);
      items.forEach((item, i) => walk(s.items, item, [...p, i]));
    } else if (isDateSchema(s) && value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
      out.push(`${p.join('.')}:text`);
    }
  };
  walk(schema, data, path);
  return out.join('|');
}
