/**
 * Which failures are worth another try: a host name that does not resolve
 * (a typo in --smtp, a DNS outage), a refused, unreachable or dropped
 * connection, a timeout, a 4xx reply are temporary; a 5xx reply or a
 * rejected recipient needs a person. Temporary ones are retried with
 * exponential backoff a bounded number of times; the delays are injectable.
 */
import { LocalWriteError } from '../ground/local-write.js';

/**
 * `unknown`: the server may have the message (its reply was lost after the data went): never retried by itself.
 * `configuration`: the --smtp URL is wrong for the server (TLS, port): no message can go until it is changed.
 */
export type FailureKind = 'temporary' | 'permanent' | 'unknown' | 'configuration';

export interface Failure {
  kind: FailureKind;
  /** The server's words, or the error's message. */
  words: string;
  code?: string;
  responseCode?: number;
}

const temporaryCodes = new Set([
  // The server's name did not resolve: mistyped, or DNS is down. Nothing was delivered; fixing it and running again is safe.
  'EDNS',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ESERVFAIL',
  'ETIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'ECONNABORTED',
  'ECONNECTION',
  'ESOCKET',
  'ESTREAM',
]);

interface ErrorLike {
  message?: string;
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  permanent?: boolean;
  deliveryUnknown?: boolean;
  configuration?: boolean;
}

/** Classifies a transport error as temporary or permanent, keeping the server's words. */
export function classifyFailure(error: unknown): Failure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ErrorLike;
  const words = (e.response ?? e.message ?? String(error)).trim();
  const code = e.originalCode ?? e.code;
  const base = { words, ...(code ? { code } : {}), ...(e.responseCode ? { responseCode: e.responseCode } : {}) };
  if (e.deliveryUnknown === true) return { kind: 'unknown', ...base };
  if (e.configuration === true) return { kind: 'configuration', words: e.message ?? words };
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) {
    // RFC 5321: 4yz transient, 5yz permanent; 503 (bad sequence) can pass on a new connection.
    const temporary = e.responseCode < 500 || e.responseCode === 503;
    return { kind: temporary ? 'temporary' : 'permanent', ...base };
  }
  if ((e.originalCode && temporaryCodes.has(e.originalCode)) || (e.code && temporaryCodes.has(e.code))) {
    return { kind: 'temporary', ...base };
  }
  return { kind: 'permanent', ...base };
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  firstDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 5, firstDelayMs: 2_000, factor: 2, maxDelayMs: 60_000 };

/** The waits between attempts: firstDelay, ×factor each time, capped. */
export function backoffDelays(policy: RetryPolicy): number[] {
  const delays: number[] = [];
  for (let i = 0; i < policy.attempts - 1; i += 1) {
    delays.push(Math.min(policy.maxDelayMs, policy.firstDelayMs * policy.factor ** i));
  }
  return delays;
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export type RetryOutcome<T> =
  { ok: true; value: T; attempts: number } | { ok: false; failure: Failure; attempts: number };

/** Runs `attempt` until it succeeds, fails permanently, or the policy's attempts are used up. */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  sleep: Sleep,
  onRetry?: (failure: Failure, attempt: number, delayMs: number) => void,
): Promise<RetryOutcome<T>> {
  const delays = backoffDelays(policy);
  for (let n = 1; ; n += 1) {
    try {
      return { ok: true, value: await attempt(), attempts: n };
    } catch (error) {
      // This computer's disk refused (the outbox): no retry helps, and no recipient is at fault.
      if (error instanceof LocalWriteError) throw error;
      const failure = classifyFailure(error);
      const delay = delays[n - 1];
      if (failure.kind !== 'temporary' || delay === undefined) return { ok: false, failure, attempts: n };
      onRetry?.(failure, n, delay);
      await sleep(delay);
    }
  }
}
