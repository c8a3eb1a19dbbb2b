/**
 * `send` and `confirm` for the front ends: the action with the process's
 * context (working folder, environment for the SMTP credentials, clock,
 * progress lines on stderr), the options' defaults, and distribution's own
 * words for what was planned and what happened (src/distribution/report.ts).
 */
import { defaultRetryPolicy } from '../distribution/retry.js';
import { defaultSmtpTimeouts } from '../distribution/transport.js';
import type { WorkflowContext } from './context.js';
import { runSend, type SendOutcome, type SendRequest } from './send.js';

export { adviceAfter, describeDecision, describeMessage, describeResult } from '../distribution/report.js';
export { delivered, type SendKind, type SendOutcome } from './send.js';
export type { Decision, DistributionEntry } from '../distribution/distribute.js';

/** The defaults of `send`'s and `confirm`'s retry and timeout options. */
export const sendDefaults = {
  retries: defaultRetryPolicy.attempts - 1,
  retryDelayMs: defaultRetryPolicy.firstDelayMs,
  timeoutSeconds: defaultSmtpTimeouts.socketTimeoutMs / 1000,
};

/** Sends (or confirms) with the context's working folder, environment and clock; retries are logged on stderr. */
export function sendMail(
  context: WorkflowContext,
  request: Omit<SendRequest, 'cwd' | 'env' | 'now' | 'log'>,
): Promise<SendOutcome> {
  const { io } = context;
  return runSend({
    ...request,
    cwd: io.cwd,
    env: io.env,
    now: () => io.now(),
    log: (line) => io.stderr(`${line}\n`),
  });
}
