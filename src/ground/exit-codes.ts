/** Exit codes: 0 ok, 1 invalid input, 2 wrong usage, 3 something outside failed, 4 internal error. */
export const exitCodes = { ok: 0, invalid: 1, usage: 2, outside: 3, internal: 4 } as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
