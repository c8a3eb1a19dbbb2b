/**
 * Who may talk to the drafting page's server. It listens on 127.0.0.1 only,
 * but a web page elsewhere can still aim a browser at it: by a DNS name that
 * resolves to 127.0.0.1 (DNS rebinding: refused by the Host check) or by a
 * form or fetch from its own origin (CSRF: refused by the Origin check).
 */
import type { IncomingMessage } from 'node:http';

/** The headers the checks read, lower-case as Node gives them. */
export interface RequestHeaders {
  host?: string | undefined;
  origin?: string | undefined;
  'sec-fetch-site'?: string | undefined;
  'content-type'?: string | undefined;
}

/** Allowed, or refused with the status and a reason a person can read. */
export type GuardResult = { ok: true } | { ok: false; status: number; reason: string };

/** The names the page is reached by: `127.0.0.1:PORT` and `localhost:PORT`. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** guardRequest on a request as it arrives: its method and the headers that decide. */
export function guardIncoming(req: IncomingMessage, port: number): GuardResult {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(',') : value;
  };
  return guardRequest(
    req.method ?? 'GET',
    {
      host: header('host'),
      origin: header('origin'),
      'sec-fetch-site': header('sec-fetch-site'),
      'content-type': header('content-type'),
    },
    port,
  );
}

/** Checks a request's Host, and for a state-changing request its Origin and body type. */
export function guardRequest(method: string, headers: RequestHeaders, port: number): GuardResult {
  const host = (headers.host ?? '').toLowerCase();
  if (!allowedHosts(port).includes(host)) {
    return {
      ok: false,
      status: 403,
      reason: `this server answers only to http://127.0.0.1:${port}/ or http://localhost:${port}/ (the request was for ${host || 'no host'})`,
    };
  }
  if (!stateChanging.has(method)) return { ok: true };
  if (headers.origin !== `http://${host}`) {
    return {
      ok: false,
      status: 403,
      reason: `changes are accepted only from the drafting page itself (http://${host}); the request came from ${headers.origin ?? 'no origin'}`,
    };
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') {
    return { ok: false, status: 403, reason: 'changes are accepted only from the drafting page itself' };
  }
  if (!/^application\/json(;|$)/i.test(headers['content-type'] ?? '')) {
    return { ok: false, status: 415, reason: 'expected a JSON body (Content-Type: application/json)' };
  }
  return { ok: true };
}
