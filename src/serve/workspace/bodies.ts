/**
 * The request bodies the workspace's routes accept, as zod schemas: every
 * field a page sends is text of a bounded length, and nothing else is
 * taken. A choice of form or file is its place in the server's own
 * listing, never a name or a path.
 */
import { z } from 'zod';

/** A place in a listing, as a radio or hidden field sends it ("" when nothing is chosen). */
const place = z.string().regex(/^\d{0,4}$/, 'expected a number from the page’s own list');
const datePart = z.string().max(8);

export const openBody = z.object({ form: place }).strict();

export const finaliseBody = z
  .object({
    action: z.enum(['compare', 'finalise']),
    final: place.optional(),
    draft: place.optional(),
    by: z.string().max(200),
    day: datePart,
    month: datePart,
    year: datePart,
    again: z.literal('yes').optional(),
  })
  .strict();

export const sendBody = z.object({ mode: z.enum(['send', 'retry-failed', 'resume']) }).strict();

/** The largest letter the LA page takes: 20 MB (a scanned PDF is rarely more). */
export const maxLetterBytes = 20 * 1024 * 1024;

export const checkBody = z
  .object({
    /** The file's name as the browser gives it: only its extension (the letter's type) and its words are used. */
    letterName: z.string().max(255),
    /** The file's bytes, base64. */
    letterContent: z
      .string()
      .max(Math.ceil(maxLetterBytes / 3) * 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected the file’s bytes in base64'),
    school: z.enum(['urn', 'form']).optional(),
    urn: z.string().max(40).optional(),
    /** A letter's id from the server's listing, whose form gives the school's facts. */
    letter: z.string().max(80).optional(),
  })
  .strict();

export { bodyProblem } from '../bodies.js';
