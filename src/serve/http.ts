/**
 * What both page servers (the drafting page, the workspace) answer with:
 * the security headers every response carries, a refusal with its status,
 * and a JSON request body read up to a size and checked by its zod schema.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { bodyProblem } from './bodies.js';

/**
 * The Content Security Policy: nothing from outside, no inline script. `letterFrame`: the drafting page
 * shows the letter preview, HTML with its own inline style, in a sandboxed frame of its own origin.
 */
function contentSecurityPolicy(letterFrame: boolean): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    letterFrame ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    ...(letterFrame ? ["frame-src 'self'"] : []),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The headers every response carries. */
function securityHeaders(options: { letterFrame: boolean }): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options.letterFrame),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}

export type Send = (
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra?: Record<string, string>,
) => void;

/** Sends a whole response with the security headers (and any `extra` ones). */
export function responder(options: { letterFrame: boolean }): Send {
  const headers = securityHeaders(options);
  return (res, status, type, body, extra = {}) => {
    res.writeHead(status, { ...headers, 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
    res.end(body);
  };
}

/** A request refused: its status, the words for the person, and anything more the page needs (e.g. a version). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The request's JSON body, as `schema` takes it: larger than `limit` bytes is 413 (`tooLarge` says so), anything else 400. */
export async function readBody<T extends z.ZodType>(
  req: IncomingMessage,
  schema: T,
  limit: { bytes: number; tooLarge: string },
): Promise<z.infer<T>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit.bytes) throw new HttpError(413, limit.tooLarge);
    chunks.push(chunk as Buffer);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'expected a JSON body');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, bodyProblem(parsed.error));
  return parsed.data;
}
