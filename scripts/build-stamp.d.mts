/** Types of scripts/build-stamp.mjs, for the tests' global setup. */
export function buildStamp(root: string): string;
export function stampPath(root: string): string;
export function builtFromHere(root: string): boolean;
