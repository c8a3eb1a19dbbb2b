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
  constructor({ storageKey, onSaved, onState, onRefused, onOffline }) {
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

  /** A field's new value (undefined removes it); sent after `delay` ms of quiet. */
  edit(path, value, delay = 300) {
    const last = this.ops[this.ops.length - 1];
    const key = JSON.stringify(path);
    if (last && last.kind === 'edits' && !last.sent) last.edits.set(key, { path, value });
    else this.ops.push({ kind: 'edits', edits: new Map([[key, { path, value }]]) });
    this.changed(delay);
  }

  /** The whole YAML text as typed. */
  text(text, delay = 300) {
    const last = this.ops[this.ops.length - 1];
    if (last && last.kind === 'text' && !last.sent) last.text = text;
    else this.ops.push({ kind: 'text', text });
    this.changed(delay);
  }

  /** True when a field's edit is waiting to be sent (its box is not to be overwritten from the server). */
  hasPendingEdit(path) {
    const key = JSON.stringify(path);
    return this.ops.some((op) => op.kind === 'edits' && op.edits.has(key));
  }

  changed(delay) {
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
        const body =
          op.kind === 'edits'
            ? { base: this.version, edits: [...op.edits.values()].map(({ path, value }) => ({ path, value })) }
            : { base: this.version, text: op.text };
        let state;
        try {
          state = await call(op.kind === 'edits' ? '/api/edit' : '/api/save', body);
        } catch (error) {
          op.sent = false;
          if (error instanceof Refused) {
            if (error.status === 422 && op.kind === 'edits') {
              // A field edit the text cannot take (its YAML is broken): drop it, say why.
              this.ops.shift();
              this.backup();
              this.onRefused(error, { dropped: true });
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
        this.backup();
        this.onState(state, { lastOp: op, more: this.ops.length > 0 });
      }
      this.onSaved();
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
          op.kind === 'edits' ? { kind: 'edits', edits: [...op.edits.values()] } : { kind: 'text', text: op.text },
        );
        localStorage.setItem(this.storageKey, JSON.stringify({ at: new Date().toISOString(), ops }));
      }
    } catch {
      // storage full or disabled: the server copy is still made
    }
  }

  /** Queues changes an earlier page left unsaved. */
  restore(ops) {
    for (const op of ops) {
      if (op.kind === 'text' && typeof op.text === 'string') this.text(op.text, 0);
      if (op.kind === 'edits' && Array.isArray(op.edits)) for (const e of op.edits) this.edit(e.path, e.value, 0);
    }
  }

  /** On leaving the page: the last changes, sent even as the page closes. */
  sendOnLeave() {
    const op = this.ops[0];
    if (!op || this.busy || this.stopped) return;
    const body =
      op.kind === 'edits'
        ? { base: this.version, edits: [...op.edits.values()] }
        : { base: this.version, text: op.text };
    fetch(op.kind === 'edits' ? '/api/edit' : '/api/save', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      keepalive: true,
    }).catch(() => {});
  }
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
