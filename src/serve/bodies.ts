/**
 * The request bodies the drafting page's routes accept, as zod schemas, and
 * the words for a body that is not one the page sends. Every save names the
 * version of the form it was made from (`base`).
 */
import { z } from 'zod';

const version = z.string().max(100);

/** One field's edit: its path, its new value (absent removes it), and the value the page showed before. */
const fieldEdit = z
  .object({
    path: z.array(z.union([z.string(), z.number()])).max(50),
    value: z.unknown().optional(),
    was: z.object({ value: z.unknown().optional() }).optional(),
  })
  .strict();

export const editBody = z
  .object({ base: version, merge: z.boolean().optional(), edits: z.array(fieldEdit).max(1_000) })
  .strict();

export const saveBody = z
  .object({ base: version, merge: z.boolean().optional(), text: z.string(), baseText: z.string().optional() })
  .strict();

export const draftBody = z.object({ base: version }).strict();

/** The first problem zod found, in words naming the field. */
export function bodyProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the request is not one this page sends';
  const where = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'the request';
  return `${where}: ${issue.message}`;
}
