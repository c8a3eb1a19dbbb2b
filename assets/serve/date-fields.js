// Dates on the drafting page as GOV.UK's date input (day, month and year boxes, whatever the browser's
// locale), and a review's "Commissioned" as GOV.UK's conditional radios: "Not commissioned", or
// "Commissioned on" a date. A date is written to the form only once its boxes make a real date, so
// half-typed boxes never write over a good date; a date that is not real is named on the field.
import { el } from './dom.js';

/** The form's dates are written YYYY-MM-DD. */
export const isDateSchema = (s) => s?.type === 'string' && s.pattern === '^\\d{4}-\\d{2}-\\d{2}$';

/** A review's `commissioned`: a date, or false when the review had not been commissioned by the visit. */
export const isDateOrFalseSchema = (s) =>
  Array.isArray(s?.anyOf) && s.anyOf.some(isDateSchema) && s.anyOf.some((a) => a.const === false);

/** The day, month and year of an ISO date, as the boxes show them ("12", "3", "2014"); blank for anything else. */
export function dateParts(value) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typeof value === 'string' ? value : '');
  if (!match) return { day: '', month: '', year: '' };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] };
}

/**
 * What the boxes make: `{ iso }` for a real date, `{ blank: true }` when all are empty, else `{ problem }`
 * in GOV.UK's words for the field called `name` ("Visit › Date 1 must be a real date").
 */
export function readDate({ day, month, year }, name) {
  const parts = { day: day.trim(), month: month.trim(), year: year.trim() };
  const missing = ['day', 'month', 'year'].filter((p) => parts[p] === '');
  if (missing.length === 3) return { blank: true };
  if (missing.length > 0) {
    const words =
      missing.length === 1 ? `a ${missing[0]}` : `a ${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
    return { problem: `${name} must include ${words}` };
  }
  const [d, m, y] = [parts.day, parts.month, parts.year].map((t) => (/^\d+$/.test(t) ? Number(t) : NaN));
  const real =
    /^\d{4}$/.test(parts.year) && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (!real) return { problem: `${name} must be a real date` };
  return { iso: `${parts.year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** GOV.UK's date input: the three boxes, labelled Day, Month and Year, in `parent`. */
function dateBoxes(parent, id, path, value) {
  const boxes = {};
  const input = el('div', { className: 'govuk-date-input', id });
  const shownParts = dateParts(value);
  for (const [part, label, width] of [
    ['day', 'Day', 2],
    ['month', 'Month', 2],
    ['year', 'Year', 4],
  ]) {
    const box = el('input', {
      id: `${id}-${part}`,
      className: `govuk-input govuk-date-input__input govuk-input--width-${width}`,
      type: 'text',
      inputmode: 'numeric',
      spellcheck: 'false',
      'data-path': JSON.stringify(path),
    });
    box.value = shownParts[part];
    boxes[part] = box;
    input.append(
      el(
        'div',
        { className: 'govuk-date-input__item' },
        el(
          'div',
          { className: 'govuk-form-group' },
          el('label', { className: 'govuk-label govuk-date-input__label', for: box.id, text: label }),
          box,
        ),
      ),
    );
  }
  parent.append(input);
  const read = () => ({ day: boxes.day.value, month: boxes.month.value, year: boxes.year.value });
  const show = (next) => {
    const p = dateParts(next);
    for (const part of ['day', 'month', 'year']) boxes[part].value = p[part];
  };
  return { input, boxes, read, show };
}

/** Calls `leave` when the focus leaves `group` for somewhere outside it. */
function onLeave(group, leave) {
  group.addEventListener('focusout', (event) => {
    if (!group.contains(event.relatedTarget)) leave();
  });
}

/**
 * A date field in `wrapper` (a `.field` with its legend's text `label`, its hint and diagnostics list):
 * writes the ISO date once the boxes make a real one; removes the date when the boxes are left empty.
 * `problem(message | undefined)` shows or clears what the page itself finds wrong with the boxes.
 */
export function dateField({ wrapper, fieldset, id, path, value, name, inList, onEdit, problem }) {
  const { input, read, show } = dateBoxes(fieldset, id, path, value);
  let shownValue = value;
  let typed = false;
  input.addEventListener('input', () => {
    typed = true;
    const outcome = readDate(read(), name);
    if (outcome.iso) {
      problem(undefined);
      typed = false;
      if (outcome.iso !== shownValue) onEdit(path, outcome.iso, { delay: 300 });
      shownValue = outcome.iso;
    }
  });
  onLeave(wrapper, () => {
    const outcome = readDate(read(), name);
    if (outcome.problem) problem(outcome.problem);
    else if (outcome.blank && shownValue !== undefined && shownValue !== '') {
      problem(undefined);
      typed = false;
      shownValue = inList ? '' : undefined;
      onEdit(path, shownValue, { delay: 0 });
    }
  });
  return {
    focusTarget: input.querySelector('input'),
    set(next) {
      // Boxes the person is typing in, or left not making a date (and named as such), keep their text.
      if (typed || wrapper.contains(document.activeElement)) return;
      shownValue = next;
      show(next);
    },
  };
}

/**
 * A review's "Commissioned": GOV.UK's radios, "Not commissioned" (false in the form) or "Commissioned on"
 * revealing the date's boxes. What the form holds changes only to false, or to a real date.
 */
export function commissionedField({ wrapper, fieldset, id, path, value, name, onEdit, problem: tell }) {
  // While the page names a problem with the boxes, what the person chose stays on show.
  let told = false;
  const problem = (message) => {
    told = message !== undefined;
    tell(message);
  };
  const radios = el('div', { className: 'govuk-radios', 'data-module': 'govuk-radios' });
  const choice = (value, text, index) => {
    const radio = el('input', {
      className: 'govuk-radios__input',
      id: `${id}-${index}`,
      name: `${id}-choice`,
      type: 'radio',
      value,
      'data-path': JSON.stringify(path),
    });
    radios.append(
      el(
        'div',
        { className: 'govuk-radios__item' },
        radio,
        el('label', { className: 'govuk-label govuk-radios__label', for: radio.id, text }),
      ),
    );
    return radio;
  };
  const not = choice('not', 'Not commissioned', 'not');
  const on = choice('on', 'Commissioned on', 'on');
  const reveal = el('div', { className: 'govuk-radios__conditional', id: `${id}-conditional` });
  on.setAttribute('aria-controls', reveal.id);
  radios.append(reveal);
  fieldset.append(radios);
  const dateGroup = el('div', { className: 'govuk-form-group app-commissioned-date' });
  const legendLike = el('p', { className: 'govuk-body govuk-!-margin-bottom-2', text: 'Date commissioned' });
  dateGroup.append(legendLike);
  reveal.append(dateGroup);
  const { input, read, show } = dateBoxes(dateGroup, `${id}-date`, path, value);
  input.setAttribute('role', 'group');
  legendLike.id = `${id}-date-label`;
  input.setAttribute('aria-labelledby', legendLike.id);

  let held = value;
  const setChecked = (current) => {
    not.checked = current === false;
    on.checked = typeof current === 'string' && current !== '';
    sync();
  };
  function sync() {
    reveal.classList.toggle('govuk-radios__conditional--hidden', !on.checked);
  }
  setChecked(value);
  not.addEventListener('change', () => {
    sync();
    problem(undefined);
    if (held !== false) onEdit(path, false, { delay: 0 });
    held = false;
  });
  const writeDate = (delay) => {
    const outcome = readDate(read(), `${name} date`);
    if (!outcome.iso) return outcome;
    problem(undefined);
    if (held !== outcome.iso) onEdit(path, outcome.iso, { delay });
    held = outcome.iso;
    return outcome;
  };
  on.addEventListener('change', () => {
    sync();
    // Chosen again after "Not commissioned": the date still in the boxes is the one meant.
    if (!writeDate(0).iso) input.querySelector('input').focus();
  });
  input.addEventListener('input', () => {
    if (on.checked) writeDate(300);
  });
  onLeave(wrapper, () => {
    if (!on.checked) return;
    const outcome = readDate(read(), `${name} date`);
    if (outcome.problem) problem(outcome.problem);
    else if (outcome.blank) problem(`${name} date must include a day, month and year`);
  });
  return {
    focusTarget: not,
    set(next) {
      if (told || wrapper.contains(document.activeElement)) return;
      held = next;
      if (typeof next === 'string' && next !== '') show(next);
      setChecked(next);
    },
  };
}
