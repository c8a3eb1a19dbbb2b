/**
 * Where messages go. The outbox (default) writes each message's exact bytes
 * as a .eml file that any mail program opens; SMTP delivers the same bytes
 * through nodemailer. Credentials come only from the environment, never from
 * the URL, a file or an argument; STARTTLS is required except on loopback.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { removeStaleTemporaries } from '../ground/stale-temporaries.js';
import { makeFolder, sha256, writeFileVerified, writingInto } from '../ground/local-write.js';

export const smtpUserVariable = 'MONITORING_LETTER_SMTP_USER';
export const smtpPasswordVariable = 'MONITORING_LETTER_SMTP_PASS';

/** One delivery: the exact bytes and the SMTP envelope. */
export interface Delivery {
  raw: Buffer;
  envelope: { from: string; to: string[] };
  /** The .eml's file name (the outbox uses it). */
  fileName: string;
}

export interface Transport {
  kind: 'outbox' | 'smtp';
  /** For messages: "outbox output/outbox" or "smtp://mail.example:587". */
  description: string;
  /** Delivers; returns the server's words (or where the file went). Throws on failure (a LocalWriteError when this computer's disk refused). */
  deliver(delivery: Delivery): Promise<string>;
  /**
   * Whether a delivery can be seen to have arrived whole (the outbox: the file
   * is there with exactly these bytes); undefined when it cannot be known from
   * here (a mail server).
   */
  arrived?(delivery: { fileName: string; sha256: string }): boolean;
  close(): void;
}

/** A transport that cannot be set up as asked (exit 2: the command was used wrongly). */
export class TransportConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransportConfigError';
  }
}

/** Writes bytes to a temporary name, flushes, renames, reads back: returns only once the file holds exactly `bytes`. */
export function writeFileDurably(path: string, bytes: Buffer): void {
  writeFileVerified(path, bytes);
}

/** The outbox: one .eml per message in `dir`. */
export function outboxTransport(dir: string, shown: string = dir): Transport {
  let tidied: string[] | undefined;
  return {
    kind: 'outbox',
    description: `outbox ${shown}`,
    deliver: async ({ raw, fileName }) => {
      writingInto(shown, 'the outbox', () => {
        makeFolder(dir);
        if (!tidied) tidied = removeStaleTemporaries(dir);
        writeFileVerified(join(dir, fileName), raw);
      });
      return `written to ${join(shown, fileName)}`;
    },
    arrived: ({ fileName, sha256: hash }) => {
      const path = join(dir, fileName);
      return existsSync(path) && sha256(readFileSync(path)) === hash;
    },
    close: () => undefined,
  };
}

export interface SmtpSettings {
  host: string;
  port: number;
  /** smtps: TLS from the first byte. */
  secure: boolean;
  loopback: boolean;
  auth?: { user: string; pass: string };
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Reads an smtp:// or smtps:// URL and the credentials from the environment. */
export function smtpSettings(url: string, env: Readonly<Record<string, string | undefined>>): SmtpSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TransportConfigError(`--smtp ${url} is not a URL; expected smtp://host:port or smtps://host:port`);
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new TransportConfigError(`--smtp must start with smtp:// or smtps://, found ${parsed.protocol}//`);
  }
  if (parsed.username || parsed.password) {
    throw new TransportConfigError(
      `--smtp must not contain a user name or password (they would be seen in the process list and shell history); ` +
        `set ${smtpUserVariable} and ${smtpPasswordVariable} in the environment instead`,
    );
  }
  if ((parsed.pathname && parsed.pathname !== '/') || parsed.search) {
    throw new TransportConfigError(`--smtp takes only smtp://host:port; remove "${parsed.pathname}${parsed.search}"`);
  }
  const secure = parsed.protocol === 'smtps:';
  const host = parsed.hostname;
  const user = env[smtpUserVariable];
  const pass = env[smtpPasswordVariable];
  if ((user === undefined) !== (pass === undefined)) {
    throw new TransportConfigError(`set both ${smtpUserVariable} and ${smtpPasswordVariable}, or neither`);
  }
  const port = parsed.port ? Number(parsed.port) : secure ? 465 : 587;
  if (!secure && port === 465) {
    // RFC 8314: port 465 takes TLS from the first byte; smtp:// would wait for a greeting that never comes.
    throw new TransportConfigError(
      `--smtp ${url}: port 465 speaks TLS from the first byte; use smtps://${host}:465 (or smtp://${host}:587 for STARTTLS)`,
    );
  }
  return {
    host,
    port,
    secure,
    loopback: loopbackHosts.has(host.toLowerCase()),
    ...(user !== undefined && pass !== undefined ? { auth: { user, pass } } : {}),
  };
}

export interface SmtpTimeouts {
  connectionTimeoutMs: number;
  greetingTimeoutMs: number;
  socketTimeoutMs: number;
}

export const defaultSmtpTimeouts: SmtpTimeouts = {
  connectionTimeoutMs: 30_000,
  greetingTimeoutMs: 30_000,
  socketTimeoutMs: 60_000,
};

/**
 * The server may have the message: its whole data went out, then the
 * connection dropped or timed out before the reply. Sending it again could
 * give the recipient two copies, so it is never retried by itself.
 */
export class DeliveryUnknownError extends Error {
  readonly deliveryUnknown = true;
  constructor(override readonly cause: unknown) {
    super(
      `the message went to the server, then the connection ended before its reply (${(cause as Error).message ?? String(cause)}): it may or may not have been delivered`,
    );
    this.name = 'DeliveryUnknownError';
  }
}

/**
 * A mistake in the --smtp URL found only on connecting (the wrong kind of TLS
 * for the port, a certificate that names another host): never a recipient's
 * fault and never passing by itself, so the run stops at once and says what to change.
 */
export class SmtpConfigurationError extends Error {
  readonly configuration = true;
  constructor(message: string) {
    super(message);
    this.name = 'SmtpConfigurationError';
  }
}

const certificateCodes = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
]);

/** What to change in the URL for an error that says the URL is wrong; undefined for any other error. */
export function configurationProblem(error: unknown, settings: SmtpSettings): string | undefined {
  const e = (error ?? {}) as {
    code?: string;
    originalCode?: string;
    message?: string;
    command?: string;
    timeoutType?: string;
    responseCode?: number;
  };
  const codes = [e.code, e.originalCode].filter((c): c is string => typeof c === 'string');
  const words = String(e.message ?? '');
  const plain = `smtp://${settings.host}:${settings.port}`;
  const tls = `smtps://${settings.host}:${settings.port}`;
  if (codes.some((c) => certificateCodes.has(c)) || /certificate/i.test(words)) {
    const why = words.split(':')[0]!.trim();
    return (
      `the mail server at ${settings.secure ? tls : plain} showed a TLS certificate this computer does not accept (${why}). ` +
      `Check that --smtp names the server exactly as its certificate does (its host name, not an IP address or an alias); ` +
      `an expired or self-signed certificate is for the server's owner to replace. Nothing was sent`
    );
  }
  if (settings.secure && (codes.includes('ERR_SSL_WRONG_VERSION_NUMBER') || /wrong version number/i.test(words))) {
    return (
      `the server at ${tls} does not speak TLS from the first byte (smtps://): ` +
      `use ${plain} (plain SMTP made secure with STARTTLS) or the server's TLS port (usually smtps://${settings.host}:465). Nothing was sent`
    );
  }
  if (!settings.secure && e.timeoutType === 'GREETING_TIMEOUT') {
    return (
      `the server at ${plain} accepted the connection but sent no greeting: a port that speaks TLS from the first byte does that. ` +
      `Use ${tls} (or the server's STARTTLS port, usually smtp://${settings.host}:587). Nothing was sent`
    );
  }
  if (!settings.secure && (e.command === 'STARTTLS' || codes.includes('ETLS'))) {
    return (
      `the server at ${plain} does not offer STARTTLS, and the letters must not cross the network unencrypted: ` +
      `use ${tls.replace(/:\d+$/, ':465')} if the server takes TLS on its own port (smtps://), or a server that offers STARTTLS. Nothing was sent`
    );
  }
  return undefined;
}

/** A nodemailer logger that notes when a message's whole data has been handed to the connection. */
function dataWatcher(): {
  logger: Record<string, (...args: unknown[]) => void>;
  handedOver: () => boolean;
  reset(): void;
} {
  let handedOver = false;
  const ignore = (): void => undefined;
  return {
    logger: {
      trace: ignore,
      debug: ignore,
      warn: ignore,
      error: ignore,
      fatal: ignore,
      info: (entry: unknown) => {
        // nodemailer logs the encoded message's size once the whole of it is written to the socket.
        const e = entry as { tnx?: string; outByteCount?: unknown } | null;
        if (e?.tnx === 'message' && typeof e.outByteCount === 'number') handedOver = true;
      },
    },
    handedOver: () => handedOver,
    reset: () => {
      handedOver = false;
    },
  };
}

/** Delivers through an SMTP server, one connection per message (nothing is left half-open between messages). */
export function smtpTransport(settings: SmtpSettings, timeouts: SmtpTimeouts = defaultSmtpTimeouts): Transport {
  const watcher = dataWatcher();
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    // STARTTLS required, except on loopback where the server is this machine.
    requireTLS: !settings.secure && !settings.loopback,
    ...(settings.auth ? { auth: settings.auth } : {}),
    connectionTimeout: timeouts.connectionTimeoutMs,
    greetingTimeout: timeouts.greetingTimeoutMs,
    socketTimeout: timeouts.socketTimeoutMs,
    logger: watcher.logger as never,
  });
  const scheme = settings.secure ? 'smtps' : 'smtp';
  return {
    kind: 'smtp',
    description: `${scheme}://${settings.host}:${settings.port}`,
    deliver: async ({ raw, envelope }) => {
      watcher.reset();
      let info: { rejected?: unknown[]; response?: unknown };
      try {
        info = (await transporter.sendMail({ envelope, raw })) as typeof info;
      } catch (error) {
        // A reply (4xx, 5xx) to the data is a known outcome; silence after the data is not.
        const answered = typeof (error as { responseCode?: unknown }).responseCode === 'number';
        if (watcher.handedOver() && !answered) throw new DeliveryUnknownError(error);
        const problem = configurationProblem(error, settings);
        if (problem !== undefined) throw new SmtpConfigurationError(problem);
        throw error;
      }
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0) {
        const error = Object.assign(new Error(`the server rejected ${rejected.join(', ')}: ${String(info.response)}`), {
          responseCode: 550,
          response: info.response,
        });
        throw error;
      }
      return String(info.response);
    },
    close: () => transporter.close(),
  };
}
