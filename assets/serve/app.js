// The drafting page: the form (as fields or as YAML) on the left, the letter, its copy list and its
// deadlines on the right, checked by the server as the HMI types.
import { call, ChangeQueue, forget, leftOvers, Refused } from './api.js';
import { buildFields, grow, notShownIn, shapeOf, valueAt } from './fields.js';
import { fieldName, inPageWords } from './field-names.js';
import { showDeadlines, showPreview, showRecipients, text } from './letter-panels.js';

const $ = (id) => document.getElementById(id);
const pathKey = (path) => JSON.stringify(path);

let schema;
let fileName = '';
let latest;
let fieldsInfo = { places: new Map(), inputs: [] };
let shape;
let lastGood;
let focusAfterBuild;
/** What the page itself finds wrong with a field (boxes that make no real date), by path: never sent to the file. */
const pageProblems = new Map();
/** The parts of the form about bodies the school cannot have, as the rules last decided them. */
let notHeld = [];
let queue;
/** The text the YAML box was last filled with (or last saved from it) and its version: what typing there starts from. */
let yamlBase = {};
const tabId = Math.random().toString(36).slice(2);
/**
 * Fields changed both here and in the file, until the person chooses (path key → the latest conflict). A save
 * of such a field is checked against the file and asked about again, never made over the other's words.
 */
const unresolved = new Map();
/** What the page showed before, for a field whose conflict is not yet decided: never the file's value. */
const undecided = { value: { undecidedConflict: true } };
/** The last value typed in each field, so "Use mine" saves everything typed, also after the question. */
const typed = new Map();

// ---- banners ------------------------------------------------------------------------------------------

/** A message across the top of the page; one per id, replaced when shown again. */
function banner(id, kind, text, actions = []) {
  const existing = bannerFor(id);
  const box = document.createElement('div');
  box.className = `banner ${kind}`;
  box.dataset.banner = id;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  // A first paragraph for the person, then any detail as the command line would print it.
  const [lead, ...detail] = text.split('\n\n');
  const message = document.createElement('div');
  message.className = 'banner-text';
  const first = document.createElement('p');
  first.textContent = lead;
  message.append(first);
  if (detail.length > 0) {
    const pre = document.createElement('pre');
    pre.textContent = detail.join('\n\n');
    message.append(pre);
  }
  box.append(message);
  const buttons = document.createElement('div');
  buttons.className = 'banner-actions';
  for (const [label, act] of [...actions, ['Dismiss', () => box.remove()]]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', act);
    buttons.append(button);
  }
  box.append(buttons);
  if (existing) existing.replaceWith(box);
  else $('banners').append(box);
  return box;
}

function bannerFor(id) {
  return [...document.querySelectorAll('[data-banner]')].find((b) => b.dataset.banner === id);
}

function clearBanner(id) {
  bannerFor(id)?.remove();
}

function saveStatus(text, kind = '') {
  const status = $('save-status');
  status.textContent = text;
  status.className = `app-save-status govuk-body-s ${kind}`;
}

// ---- showing what the server says ----------------------------------------------------------------------

function show(state, { rebuild = false } = {}) {
  latest = state;
  const yaml = $('yaml');
  if (document.activeElement !== yaml && !queue.ops.some((op) => op.kind === 'text')) {
    if (yaml.value !== state.text) yaml.value = state.text;
    yamlBase = { text: state.text, version: state.version };
  }
  showFields(state, rebuild);
  showDiagnostics(state.check.diagnostics);
  showPreview(state.check, namedMessage);
  // A form that does not read keeps the last copy list and dates on show, marked as such.
  if (state.check.html) lastGood = state.check;
  const facts = state.check.html || !lastGood ? state.check : lastGood;
  showRecipients(facts, namedMessage, (words) => inPageWords(schema, words));
  showDeadlines(facts.deadlines);
  for (const id of ['recipients', 'deadlines']) {
    const box = $(id);
    box.classList.toggle('stale', facts !== state.check);
    if (facts !== state.check) box.prepend(text('p', 'As the form last read correctly', 'stale-note'));
  }
}

function showFields(state, rebuild) {
  const form = $('fields');
  const paused = $('fields-paused');
  if (state.data === null) {
    const first = state.check.diagnostics.find((d) => d.severity === 'error');
    paused.textContent = `The YAML text does not read as a form${first?.line ? ` (line ${first.line}: ${inPageWords(schema, first.message, first.path)})` : ''}. The fields wait until it is put right in the YAML tab.`;
    paused.hidden = false;
    form.inert = true;
    return;
  }
  paused.hidden = true;
  form.inert = false;
  if (state.check.notHeld) notHeld = state.check.notHeld;
  const notShown = notShownIn(state.data, notHeld);
  const nextShape = `${shapeOf(schema, state.data)}|not shown:${JSON.stringify(notShown)}`;
  if (rebuild || nextShape !== shape) {
    const active = document.activeElement;
    const activePath = form.contains(active) ? active.dataset.path : undefined;
    const selection =
      activePath && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : undefined;
    const scroll = $('form-scroll').scrollTop;
    pageProblems.clear();
    fieldsInfo = buildFields(form, schema, state.data, { onEdit, onProblem, notShown });
    shape = nextShape;
    $('form-scroll').scrollTop = scroll;
    const prefix = focusAfterBuild;
    focusAfterBuild = undefined;
    const input = [...form.querySelectorAll('input[data-path], textarea[data-path], select[data-path]')].find((e) =>
      prefix ? startsWith(JSON.parse(e.dataset.path), prefix) : e.dataset.path === activePath,
    );
    if (input && (prefix || activePath)) {
      input.focus();
      if (selection && !prefix && input.setSelectionRange) {
        try {
          input.setSelectionRange(...selection);
        } catch {
          // a date box has no selection
        }
      }
    }
    return;
  }
  for (const { path, input, set } of fieldsInfo.inputs) {
    if (input.contains(document.activeElement) || queue.hasPendingEdit(path)) continue;
    set(valueAt(state.data, path));
  }
}

function diagnosticItem(d) {
  const li = document.createElement('li');
  // GOV.UK's error message pattern for an error; a warning or note in the same words, without the red.
  li.className = `diagnostic ${d.severity}${d.severity === 'error' ? ' govuk-error-message' : ''}`;
  const severity = document.createElement('span');
  severity.className = 'severity';
  severity.textContent = d.severity === 'info' ? 'Note:' : d.severity === 'error' ? 'Error:' : 'Warning:';
  const message = document.createElement('span');
  message.className = 'message';
  message.textContent = inPageWords(schema, d.message, d.path);
  li.append(severity, message);
  if (d.paragraph) {
    const para = document.createElement('span');
    para.className = 'para';
    para.textContent = /^\d/.test(d.paragraph) ? `para ${d.paragraph}` : d.paragraph;
    para.title = `Ofsted's guidance, ${para.textContent} (rule ${d.rule})`;
    li.append(para);
  }
  return li;
}

/** The element that shows diagnostics for `path`: the field's own, or its nearest enclosing group's. */
function placeFor(path) {
  for (let p = [...path]; p.length > 0; p = p.slice(0, -1)) {
    const place = fieldsInfo.places.get(pathKey(p));
    const list = place?.querySelector(':scope > ul.diagnostics');
    if (list) return { place, list, path: p };
  }
  return undefined;
}

/** Shows (or, with no message, clears) what the page itself finds wrong with the field at `path`. */
function onProblem(path, message) {
  const key = pathKey(path);
  if (message === undefined ? !pageProblems.delete(key) : pageProblems.get(key)?.message === message) return;
  if (message !== undefined) pageProblems.set(key, { severity: 'error', message, path, rule: 'page/date' });
  showDiagnostics(latest.check.diagnostics);
}

function showDiagnostics(fromChecks) {
  const diagnostics = [...pageProblems.values(), ...fromChecks];
  for (const list of document.querySelectorAll('#fields ul.diagnostics')) list.replaceChildren();
  for (const marked of document.querySelectorAll('#fields .has-error, #fields .has-warning')) {
    marked.classList.remove('has-error', 'has-warning', 'govuk-form-group--error');
  }
  for (const box of document.querySelectorAll(
    '#fields .govuk-input--error, #fields .govuk-textarea--error, #fields .govuk-select--error',
  )) {
    box.classList.remove('govuk-input--error', 'govuk-textarea--error', 'govuk-select--error');
  }
  for (const invalid of document.querySelectorAll('#fields [aria-invalid]')) invalid.removeAttribute('aria-invalid');
  for (const count of document.querySelectorAll('#fields .section-count')) count.remove();
  const perSection = new Map();
  for (const d of diagnostics) {
    const found = latest.data === null ? undefined : placeFor(d.path);
    if (found) {
      found.list.append(diagnosticItem(d));
      if (d.severity !== 'info') found.place.classList.add(d.severity === 'error' ? 'has-error' : 'has-warning');
      if (d.severity === 'error' && found.place.classList.contains('field')) {
        found.place.classList.add('govuk-form-group--error');
        // Every box of a date; a choice of radios is marked by its group alone, as GOV.UK marks it.
        for (const box of found.place.querySelectorAll('input:not([type=radio]), textarea, select')) {
          box.setAttribute('aria-invalid', 'true');
          box.classList.add(
            `govuk-${box.tagName === 'TEXTAREA' ? 'textarea' : box.tagName === 'SELECT' ? 'select' : 'input'}--error`,
          );
        }
      }
    }
    const section = d.path[0];
    if (section !== undefined && d.severity !== 'info') {
      const counts = perSection.get(section) ?? { error: 0, warning: 0 };
      counts[d.severity] += 1;
      perSection.set(section, counts);
    }
  }
  for (const [section, counts] of perSection) {
    const summary = document.querySelector(
      `#fields details.section[data-path='${CSS.escape(pathKey([section]))}'] > summary`,
    );
    if (!summary) continue;
    const badge = document.createElement('span');
    badge.className = `section-count ${counts.error > 0 ? 'error' : 'warning'}`;
    badge.textContent = [
      counts.error ? `${counts.error} error${counts.error === 1 ? '' : 's'}` : '',
      counts.warning ? `${counts.warning} warning${counts.warning === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    summary.append(badge);
  }

  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const counts = $('summary-counts');
  counts.textContent =
    errors + warnings === 0
      ? 'No problems found'
      : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  counts.className = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok';
  // GOV.UK's error summary: "There is a problem", each problem a link to its field (or its line in the YAML).
  const summary = $('summary');
  summary.replaceChildren();
  const listed = diagnostics.filter((d) => d.severity !== 'info');
  if (listed.length === 0) return;
  const box = text('div', '', errors > 0 ? 'govuk-error-summary' : 'govuk-error-summary app-warning-summary');
  box.append(text('h2', errors > 0 ? 'There is a problem' : 'Check these warnings', 'govuk-error-summary__title'));
  const body = text('div', '', 'govuk-error-summary__body');
  const list = text('ul', '', 'govuk-list govuk-error-summary__list app-summary-list');
  list.id = 'summary-list';
  for (const d of listed) {
    const li = document.createElement('li');
    li.className = `diagnostic ${d.severity}`;
    const link = document.createElement('a');
    const found = latest.data === null ? undefined : placeFor(d.path);
    const target = found?.place.querySelector('input, textarea, select');
    link.href = target ? `#${target.id}` : '#yaml';
    link.textContent = `${d.severity === 'warning' ? 'Warning: ' : ''}${namedMessage(d)}${d.line ? ` (line ${d.line})` : ''}`;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      goTo(d);
    });
    li.append(link);
    list.append(li);
  }
  body.append(list);
  box.append(body);
  summary.append(box);
}

/** A diagnostic in the page's words, starting with the field it is about: "Findings › Plans is still…". */
function namedMessage(d) {
  const message = inPageWords(schema, d.message, d.path);
  const name = d.path.length ? fieldName(schema, d.path) : '';
  return name && !message.startsWith(name) ? `${name}: ${message}` : message;
}

/** Shows the place a diagnostic names: its field, or its line in the YAML. */
function goTo(d) {
  if (!$('yaml-pane').hidden || latest.data === null) {
    selectTab('yaml');
    if (d.line) selectLine(d.line);
    return;
  }
  const found = placeFor(d.path);
  if (!found) return;
  // Only the form column scrolls: the header and the letter stay where they are.
  const pane = $('form-scroll');
  const top = found.place.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  pane.scrollTop += top - pane.clientHeight / 3;
  found.place.querySelector('input, textarea, select')?.focus({ preventScroll: true });
}

function selectLine(line) {
  const yaml = $('yaml');
  const lines = yaml.value.split('\n');
  $('form-scroll').scrollTop = 0;
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  yaml.focus();
  yaml.setSelectionRange(start, start + (lines[line - 1] ?? '').length);
  const lineHeight = parseFloat(getComputedStyle(yaml).lineHeight) || 18;
  yaml.scrollTop = Math.max(0, (line - 4) * lineHeight);
}

function startsWith(path, prefix) {
  return prefix.every((part, i) => path[i] === part);
}

// ---- editing -------------------------------------------------------------------------------------------

function onEdit(path, value, options = {}) {
  typed.set(pathKey(path), value);
  if (unresolved.has(pathKey(path))) {
    queue.edit(path, value, options.delay ?? 300, undecided, { checked: true });
    saveStatus('Not saved: choose above which words to keep', 'error');
    return;
  }
  if (options.structural) {
    if (options.focusIndex !== undefined) {
      const list = path.length && typeof path[path.length - 1] === 'number' ? path.slice(0, -1) : path;
      focusAfterBuild = [...list, options.focusIndex];
    }
    queue.edit(path, value, 0, wasAt(path));
  } else queue.edit(path, value, options.delay ?? 300, wasAt(path));
  saveStatus('Saving…', 'pending');
}

/** The value the page shows at `path` before an edit ({} when there is none), checked by the server against the file. */
function wasAt(path) {
  const value = valueAt(latest?.data, path);
  return value === undefined ? {} : { value };
}

/** A value as the person typed it, for a message. */
function quoted(value) {
  if (value === undefined || value === null) return '(nothing)';
  return typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
}

/** Edits the file could not take, and fields changed both here and in the file: each told, none lost. */
function showProblems(state) {
  for (const r of state.refused ?? []) {
    const id = `refused-${JSON.stringify(r.path)}`;
    banner(id, 'error', `${fieldName(schema, r.path)} was not saved: ${inPageWords(schema, r.message)}.`);
  }
  for (const c of state.conflicts ?? []) {
    unresolved.set(pathKey(c.path), c);
    const id = `conflict-${JSON.stringify(c.path)}`;
    const box = banner(
      id,
      'warning',
      `${fieldName(schema, c.path)} was changed in ${fileName} (in another tab or an editor) since this page showed it, and you changed it too. Which should the form keep?\n\nIn the file now: ${quoted(c.theirs)}\nYours: ${quoted(c.mine)}`,
      [
        [
          'Use mine',
          () => {
            const key = pathKey(c.path);
            const mine = typed.has(key) ? typed.get(key) : c.mine;
            unresolved.delete(key);
            queue.dropEdits(c.path);
            queue.edit(c.path, mine, 0, c.theirs === undefined ? {} : { value: c.theirs });
            box.remove();
            saveStatus('Saving…', 'pending');
          },
        ],
        [
          'Keep the file’s',
          () => {
            const key = pathKey(c.path);
            unresolved.delete(key);
            typed.delete(key);
            queue.dropEdits(c.path);
            // The field shows the file's words again.
            for (const { path, set } of fieldsInfo.inputs) if (pathKey(path) === key) set(valueAt(latest.data, path));
            box.remove();
            if (!queue.pending) saveStatus(`Saved to ${fileName} at ${new Date().toLocaleTimeString('en-GB')}`, 'ok');
          },
        ],
      ],
    );
  }
}

function selectTab(which) {
  const fields = which === 'fields';
  $('tab-fields').setAttribute('aria-selected', String(fields));
  $('tab-yaml').setAttribute('aria-selected', String(!fields));
  $('tab-fields').tabIndex = fields ? 0 : -1;
  $('tab-yaml').tabIndex = fields ? -1 : 0;
  $('fields-pane').hidden = !fields;
  $('yaml-pane').hidden = fields;
  if (fields && queue.ops.some((op) => op.kind === 'text')) {
    // The fields show the YAML's words only once the server has read them: until then none is offered for
    // typing over (show() lets them go again).
    const paused = $('fields-paused');
    paused.textContent =
      'The fields show what you typed in the YAML once it is saved (if the server is not answering, once it answers again).';
    paused.hidden = false;
    $('fields').inert = true;
  }
  if (fields) for (const t of document.querySelectorAll('#fields textarea')) grow(t);
}

async function writeDraft() {
  const button = $('write-draft');
  button.disabled = true;
  button.textContent = 'Writing…';
  try {
    await queue.flush();
    if (queue.stopped) return;
    const result = await call('/api/draft', { base: queue.version });
    if (result.ok) {
      clearBanner('draft-failed');
      banner('draft', 'ok', `Draft written: ${result.written.join(', ')}`);
    } else {
      clearBanner('draft');
      const errors = latest.check.diagnostics.filter((d) => d.severity === 'error');
      const why = errors.length
        ? `the form has ${errors.length} error${errors.length === 1 ? '' : 's'}, marked beside ${errors.length === 1 ? 'its field' : 'their fields'}`
        : 'see below';
      // The form's errors in the page's words; the command line's lines only for what is not about a field.
      const detail = errors.length ? errors.map(namedMessage).join('\n') : result.messages.trim();
      banner('draft-failed', 'error', `No draft was written: ${why}.\n\n${detail}`);
    }
  } catch (error) {
    banner('draft-failed', 'error', `No draft was written: ${error.message}`);
  } finally {
    button.disabled = false;
    button.textContent = 'Write draft (DOCX, PDF)';
  }
}

async function reloadState() {
  const state = await call('/api/state');
  queue.version = state.version;
  queue.stopped = false;
  show(state);
}

// ---- start ---------------------------------------------------------------------------------------------

async function start() {
  let state;
  try {
    [schema, state] = await Promise.all([call('/api/schema'), call('/api/state')]);
  } catch (error) {
    saveStatus(`Cannot load the form: ${error.message}`, 'error');
    return;
  }
  fileName = state.file;
  $('file').textContent = state.file;
  document.title = `${state.file} · Monitoring letter`;
  const prefix = `monitoring-letter-serve:${state.file}:`;
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel(`monitoring-letter-serve:${state.file}`) : null;
  queue = new ChangeQueue({
    storageKey: `${prefix}${tabId}`,
    onState: (next, { lastOp, more }) => {
      if (lastOp.savedAs) yamlBase = lastOp.savedAs;
      if (!more) show(next);
      channel?.postMessage({ type: 'saved', tab: tabId, version: next.version });
    },
    onSaved: () => {
      clearBanner('offline');
      const open = document.querySelectorAll('[data-banner^="conflict-"], [data-banner^="refused-"]').length;
      if (open > 0)
        saveStatus(`Saved, except ${open === 1 ? 'the change' : `${open} changes`} the message above names`, 'error');
      else saveStatus(`Saved to ${fileName} at ${new Date().toLocaleTimeString('en-GB')}`, 'ok');
    },
    onProblems: (next) => showProblems(next),
    onRefused: (error, { dropped }) => {
      if (dropped) {
        saveStatus('Not saved: see the message above', 'error');
        const what = dropped.map((e) => `${fieldName(schema, e.path)}: ${quoted(e.value)}`).join('\n');
        banner(
          'refused-yaml',
          'error',
          `${inPageWords(schema, error.message)}. These changes were not made:\n\n${what}`,
        );
        return;
      }
      saveStatus('Not saved: see the message above', 'error');
      if (error.status === 409) {
        // YAML typed on a page that is behind, that cannot be merged field by field: the person chooses.
        const mine = queue.ops.find((op) => op.kind === 'text')?.text;
        banner('conflict', 'error', `${error.message}\n\nYour YAML text:\n${mine ?? ''}`, [
          [
            'Use mine',
            () => {
              queue.version = error.body.version;
              const op = queue.ops.find((o) => o.kind === 'text');
              if (op) op.baseText = op.baseVersion = undefined;
              clearBanner('conflict');
              queue.changed(0);
            },
          ],
          ['Keep the file’s', () => location.reload()],
        ]);
      } else banner(`stopped-${error.status}`, 'error', inPageWords(schema, error.message));
    },
    onOffline: () => {
      saveStatus('Not saved yet: the server is not answering', 'error');
      banner(
        'offline',
        'error',
        'The server is not answering (is `monitoring-letter serve` still running?). Your changes are kept in this browser and sent as soon as it answers; if you restart it, reload this page to apply them.',
      );
    },
  });
  queue.version = state.version;
  latest = state;
  show(state, { rebuild: true });
  saveStatus(`Editing ${fileName}; saved as you type`, 'ok');

  // Changes an earlier page could not save: offered, never applied silently.
  const left = leftOvers(prefix, queue.storageKey);
  const ops = left
    .flatMap((l) => l.ops)
    .map((op) =>
      op.kind === 'edits'
        ? {
            ...op,
            edits: (op.edits ?? []).filter(
              (e) => JSON.stringify(valueAt(state.data, e.path)) !== JSON.stringify(e.value),
            ),
          }
        : op,
    )
    .filter((op) => (op.kind === 'text' ? op.text !== state.text : op.edits.length > 0));
  if (ops.length === 0) forget(left.map((l) => l.key));
  else {
    const when = new Date(left[left.length - 1].at).toLocaleString('en-GB');
    const box = banner(
      'left-over',
      'warning',
      `Changes made on ${when} did not reach ${fileName} (the page closed, or the server stopped, before they were saved).`,
      [
        [
          'Apply them',
          () => {
            forget(left.map((l) => l.key));
            queue.restore(ops);
            box.remove();
            saveStatus('Saving…', 'pending');
          },
        ],
        [
          'Discard them',
          () => {
            forget(left.map((l) => l.key));
            box.remove();
          },
        ],
      ],
    );
  }

  // A second tab on the same form: both are told; a save from the one that is behind is refused by the server.
  if (channel) {
    const warn = () =>
      banner(
        'other-tab',
        'warning',
        `${fileName} is also open in another tab or window. Edit it in one place: a save from a page that is behind is refused, never written over the other's work.`,
      );
    channel.onmessage = (event) => {
      const message = event.data;
      if (!message || message.tab === tabId) return;
      if (message.type === 'hello') {
        channel.postMessage({ type: 'here', tab: tabId });
        warn();
      } else if (message.type === 'here') warn();
      else if (message.type === 'saved' && message.version !== queue.version && !queue.pending) {
        reloadState().catch(() => {});
      }
    };
    channel.postMessage({ type: 'hello', tab: tabId });
  }

  $('yaml').addEventListener('input', () => {
    queue.text($('yaml').value, 300, yamlBase);
    saveStatus('Saving…', 'pending');
  });
  $('yaml').addEventListener('keydown', (event) => {
    // Tab indents (two spaces, as the form is written) instead of leaving the box; Escape then Tab leaves it.
    if (event.key !== 'Tab' || event.shiftKey || $('yaml').dataset.escaped) return;
    event.preventDefault();
    document.execCommand('insertText', false, '  ');
  });
  $('yaml').addEventListener('keyup', (event) => {
    if (event.key === 'Escape') $('yaml').dataset.escaped = '1';
  });
  $('yaml').addEventListener('blur', () => delete $('yaml').dataset.escaped);
  for (const tab of [$('tab-fields'), $('tab-yaml')]) {
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const other = tab.id === 'tab-fields' ? 'yaml' : 'fields';
      selectTab(other);
      $(`tab-${other}`).focus();
    });
  }
  $('tab-fields').addEventListener('click', () => selectTab('fields'));
  $('tab-yaml').addEventListener('click', () => selectTab('yaml'));
  $('write-draft').addEventListener('click', writeDraft);
  $('save-now').addEventListener('click', async () => {
    await queue.flush();
    if (!queue.stopped && !queue.pending)
      saveStatus(`Saved to ${fileName} at ${new Date().toLocaleTimeString('en-GB')}`, 'ok');
  });
  window.addEventListener('beforeunload', (event) => {
    if (!queue.pending) return;
    queue.sendOnLeave();
    event.preventDefault();
  });
  window.addEventListener('pagehide', () => queue.sendOnLeave());
}

start().catch((error) => {
  saveStatus(error instanceof Refused ? error.message : `The page failed: ${error.message}`, 'error');
});
