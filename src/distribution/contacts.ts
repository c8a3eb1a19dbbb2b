/**
 * The contacts directory: where each body on a copy list (para 17) receives
 * mail. A YAML file keyed by role and by the body's name, e.g.
 *
 *   sender: { name: Inspection Services, organisation: Example ISP, email: monitoring@isp.example, phone: 0300 … }
 *   localAuthorities:
 *     Norfolk: { email: cs.director@norfolk.gov.example, name: Director of Children's Services }
 *   dioceses: { Diocese of Norwich: { email: education@norwich.anglican.example } }
 *   schools: { "121190": { headteacher: { email: head@school.example }, chair: { email: … } } }
 *
 * Any entry may add `attachDocx: true` to receive the letter as DOCX as well as PDF.
 * Loading never throws: every problem is a diagnostic with its line and column.
 */
import { internationalAddressProblem } from '../ground/international-address.js';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from '../ground/diagnostics.js';
import { formatPath } from '../ground/diagnostics.js';

const entry = z.strictObject({
  email: z
    .string({ error: 'expected an e-mail address' })
    .trim()
    .pipe(
      z.email({
        error: (issue) =>
          internationalAddressProblem(issue.input) ?? 'expected an e-mail address, e.g. name@example.org',
      }),
    ),
  name: z.string().trim().min(1).optional(),
  attachDocx: z.boolean().optional(),
});

const bodies = z.record(z.string(), entry);

const schoolEntry = z.strictObject({
  headteacher: entry.optional(),
  chair: entry.optional(),
});

export const contactsSchema = z.strictObject({
  sender: z
    .strictObject({
      email: entry.shape.email,
      name: z.string().trim().min(1).optional(),
      /** The ISP's own name, under the sender's in every e-mail's signature. */
      organisation: z.string().trim().min(1).optional(),
      /** A telephone number for the signature. */
      phone: z.string().trim().min(1).optional(),
    })
    .optional(),
  schools: z
    .record(z.string().regex(/^[1-9]\d{5}$/, { error: 'expected a URN (six digits) as the key' }), schoolEntry)
    .optional(),
  localAuthorities: bodies.optional(),
  contractors: bodies.optional(),
  dioceses: bodies.optional(),
  foundationBodies: bodies.optional(),
  efa: entry.optional(),
  dfeAcademiesUnit: entry.optional(),
});

/** A contacts directory, as validated. */
export type Contacts = z.infer<typeof contactsSchema>;
/** One addressee in the directory. */
export type ContactEntry = z.infer<typeof entry>;

/** The empty directory (no file given). */
export const noContacts: Contacts = {};

/** Parses and checks a contacts file's text; `contacts` is present only when there is no error. */
export function loadContacts(text: string, file: string): { contacts?: Contacts; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const diagnostics: Diagnostic[] = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return {
      severity: 'error',
      message: e.message.split('\n')[0] ?? e.message,
      path: [],
      line: pos.line,
      column: pos.col,
      rule: 'contacts/yaml',
      file,
    };
  });
  if (diagnostics.length > 0) return { diagnostics };
  const data: unknown = doc.toJS() ?? {};
  const parsed = contactsSchema.safeParse(data);
  if (parsed.success) return { contacts: parsed.data, diagnostics: [] };
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const node = doc.getIn(path, true);
    const place = isNode(node) && node.range ? lineCounter.linePos(node.range[0]) : undefined;
    const where = path.length > 0 ? formatPath(path) : 'the file';
    diagnostics.push({
      severity: 'error',
      message: `${where}: ${issue.message}`,
      path,
      ...(place ? { line: place.line, column: place.col } : {}),
      rule: 'contacts/schema',
      file,
    });
  }
  return { diagnostics };
}
