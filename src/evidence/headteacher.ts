import type { Person } from './schema.js';

/** The headteacher as the copy list and the register know them: a person, and how they are styled (Headteacher, Principal…). */
export type Headteacher = Person & { role?: string | undefined };
