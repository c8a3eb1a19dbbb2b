import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFormFile } from '../../src/evidence/load.js';
import { resolveRecipients } from '../../src/rules/recipients.js';

const dir = fileURLToPath(new URL('../../fixtures/forms/', import.meta.url));
const forms = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));

describe('para 17: every fixture form has a copy list', () => {
  it.each(forms)('%s', (file) => {
    const loaded = loadFormFile(`${dir}${file}`, file);
    expect(loaded.form, loaded.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
    const list = resolveRecipients(loaded.form!.school, loaded.form!.headteacher);
    const roles = list.copies.map((c) => c.role);
    expect(roles.slice(0, 2)).toEqual(['appropriate-authority', 'local-authority']);
    expect(new Set(list.copies.map((c) => c.name.toLowerCase())).size).toBe(list.copies.length);
  });
});
