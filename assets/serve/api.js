// Talks to the drafting page's server: an ordered queue of changes (field edits, or the whole YAML text),
// sent one request at a time from the version last saved, with a copy kept in this browser until the
// server has saved it, so nothing typed is lost when the server or the browser stops.

/** A refusal the person must act on (another tab saved, the YAML does not parse, the form is gone). */
export class Refused extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** Sends a JSON request to the server; throws Refused for its answers that are not 200, TypeError when it is down. */
export async function call(path, body, options = {}) {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    ...options,
  });
  let answer;
  try {
    answer = await response.json();
  } catch {
    answer = { error: `${response.status} ${response.statusText}` };
  }
  if (!response.ok) throw new Refused(response.status, answer.error ?? `${response.status}`, answer);
  return answer;
}

/**
 * The changes not yet saved, in the order made: consecutive field edits are merged (the last value of a
 * field wins), consecutive texts replace each other.
 */
export class ChangeQueue {
  constructor({ storageKey, onSaved, onState, onRefused, onOffline, onProblems }) {
    this.onProblems = onProblems;
    this.storageKey = storageKey;
    this.onSaved = onSaved;
    this.onState = onState;
    this.onRefused = onRefused;
    this.onOffline = onOffline;
    this.ops = [];
    this.version = undefined;
    this.busy = false;
    this.stopped = false;
    this.timer = undefined;
    this.retry = undefined;
    this.idleWaiters = [];
  }

  get pending() {
    return this.ops.length > 0 || this.busy;
  }

  /**
   * A field's new value (undefined removes it); sent after `delay` ms of quiet. `was` is the value the
   * page showed before ({} when the field was not there): the server checks it against the file as it is
   * now, so a change made meanwhile in another tab or an editor is never overwritten unasked.
   */
  edit(path, value, delay = 300, was = {}, { checked = false } = {}) {
    const last = this.ops[this.ops.length - 1];
    const key = JSON.stringify(path);
    if (last && last.kind === 'edits' && !last.sent) {
      const before = last.edits.get(key);
      last.edits.set(key, { path, value, was: checked ? was : before ? before.was : was });
    } else this.ops.push({ kind: 'edits', edits: new Map([[key, { path, value, was }]]) });
    // `checked`: every edit of the change is checked against the file as it is now, even from the latest version.
    if (checked) this.ops[this.ops.length - 1].merge = true;
    this.changed(delay);
  }

  /** Takes back the unsent edits of a field (the person chose the file's words over them). */
  dropEdits(path) {
    const key = JSON.stringify(path);
    for (const op of this.ops) if (op.kind === 'edits' && !op.sent) op.edits.delete(key);
    this.ops = this.ops.filter((op) => op.kind !== 'edits' || op.sent || op.edits.size > 0);
    this.backup();
  }

  /**
   * The whole YAML text as typed, and the text it was typed from with that text's version (`from`), so a
   * field change saved meanwhile is merged with it, never written over by a text that did not have it.
   */
  text(text, delay = 300, from = {}) {
    const last = this.ops[this.ops.length - 1];
    if (last && last.kind === 'text' && !last.sent) last.text = text;
    else this.ops.push({ kind: 'text', text, baseText: from.text, baseVersion: from.version });
    this.changed(delay);
  }

  /** True when a field's edit is waiting to be sent (its box is not to be overwritten from the server). */
  hasPendingEdit(path) {
    const key = JSON.stringify(path);
    return this.ops.some((op) => op.kind === 'edits' && op.edits.has(key));
  }

  changed(delay) {
    // A change after a refusal is tried again: the refusal is answered again if it still holds.
    this.stopped = false;
    this.backup();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pump(), delay);
  }

  /** Sends everything now; resolves when nothing is left to send (or sending stopped). */
  async flush() {
    clearTimeout(this.timer);
    this.pump();
    if (!this.pending || this.stopped) return;
    await new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async pump() {
    if (this.busy || this.stopped) return;
    this.busy = true;
    try {
      while (this.ops.length > 0 && !this.stopped) {
        const op = this.ops[0];
        op.sent = true;
        const body = requestBody(op, this.version);
        op.sentBase = body.base;
        let state;
        try {
          state = await call(op.kind === 'edits' ? '/api/edit' : '/api/save', body);
        } catch (error) {
          op.sent = false;
          if (error instanceof Refused) {
            if (error.status === 422 && op.kind === 'edits') {
              // Field edits the text cannot take (its YAML is broken): taken off the queue, each shown with why.
              this.ops.shift();
              this.backup();
              this.onRefused(error, { dropped: [...op.edits.values()] });
              continue;
            }
            this.stopped = true;
            this.onRefused(error, { dropped: false });
          } else {
            this.onOffline(error);
            clearTimeout(this.retry);
            this.retry = setTimeout(() => this.pump(), 3000);
          }
          return;
        }
        this.ops.shift();
        this.version = state.version;
        if (op.kind === 'text') {
          // What the YAML box goes on from: this text, at the version saved when it was saved as typed.
          op.savedAs = { text: op.text, version: state.text === op.text ? state.version : op.sentBase };
          const next = this.ops[0];
          if (next?.kind === 'text') {
            next.baseText = op.savedAs.text;
            next.baseVersion = op.savedAs.version;
          }
        }
        this.backup();
        this.onState(state, { lastOp: op, more: this.ops.length > 0 });
        if ((state.refused?.length ?? 0) > 0 || (state.conflicts?.length ?? 0) > 0) {
          this.problems = true;
          this.onProblems(state, op);
        }
      }
      if (!this.stopped && this.ops.length === 0) this.onSaved();
    } finally {
      this.busy = false;
      if (!this.pending || this.stopped) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  /** Keeps the unsaved changes in this browser until the server has them. */
  backup() {
    try {
      if (this.ops.length === 0) localStorage.removeItem(this.storageKey);
      else {
        const ops = this.ops.map((op) =>
          op.kind === 'edits'
            ? { kind: 'edits', edits: [...op.edits.values()], merge: op.merge }
            : { kind: 'text', text: op.text, baseText: op.baseText, merge: op.merge },
        );
        localStorage.setItem(this.storageKey, JSON.stringify({ at: new Date().toISOString(), ops }));
      }
    } catch {
      // storage full or disabled: the server copy is still made
    }
  }

  /**
   * Queues changes an earlier page left unsaved, each to be checked against the file as it is now
   * (the file may have changed since they were made): where the file changed the same field, the person is asked.
   */
  restore(ops) {
    for (const op of ops) {
      if (op.kind === 'text' && typeof op.text === 'string') this.text(op.text, 0, { text: op.baseText });
      if (op.kind === 'edits' && Array.isArray(op.edits)) {
        for (const e of op.edits) this.edit(e.path, e.value, 0, e.was ?? {});
      }
      if (this.ops.length > 0) this.ops[this.ops.length - 1].merge = true;
    }
  }

  /** On leaving the page: the last changes, sent even as the page closes. */
  sendOnLeave() {
    const op = this.ops[0];
    if (!op || this.busy || this.stopped) return;
    const body = requestBody(op, this.version);
    fetch(op.kind === 'edits' ? '/api/edit' : '/api/save', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      keepalive: true,
    }).catch(() => {});
  }
}

/** What the server is sent for one change: field edits with the values they replace, or the text and its base. */
function requestBody(op, version) {
  const merge = op.merge ? { merge: true } : {};
  return op.kind === 'edits'
    ? { base: version, ...merge, edits: [...op.edits.values()].map(({ path, value, was }) => ({ path, value, was })) }
    : {
        base: op.baseVersion ?? version,
        ...merge,
        text: op.text,
        ...(typeof op.baseText === 'string' ? { baseText: op.baseText } : {}),
      };
}

/** Changes other pages (closed, or cut off from the server) kept in this browser under `prefix`, oldest first. */
export function leftOvers(prefix, ownKey) {
  const found = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key || !key.startsWith(prefix) || key === ownKey) continue;
      const saved = JSON.parse(localStorage.getItem(key) ?? 'null');
      if (saved && Array.isArray(saved.ops) && saved.ops.length > 0) found.push({ key, at: saved.at, ops: saved.ops });
    }
  } catch {
    // storage unreadable: nothing to offer
  }
  return found.sort((a, b) => String(a.at).localeCompare(String(b.at)));
}

/** Forgets changes kept under these keys. */
export function forget(keys) {
  for (const key of keys) {
    try {
      localStorage.removeItem(key);
    } catch {
      // already gone
    }
  }
}
