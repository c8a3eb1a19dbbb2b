/** The school a command names: `<form>`, `--urn N --register FILE`, or both (recipients, check-copy). */
import type { SchoolRequest } from '../workflow/recipients.js';

/** The school named by a command's form, --urn and --register options. */
export function schoolRequest(args: Record<string, unknown>): SchoolRequest {
  return {
    form: typeof args.form === 'string' ? args.form : undefined,
    urn: args.urn === undefined ? undefined : String(args.urn),
    register: typeof args.register === 'string' ? args.register : undefined,
  };
}
