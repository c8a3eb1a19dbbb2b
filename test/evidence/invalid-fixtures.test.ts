import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { loadFormFile } from '../../src/evidence/load.js';

/** Each invalid fixture sits beside NAME.expected.json: the diagnostics it must produce, in order. */
interface Expected {
  severity: string;
  rule: string;
  path: Array<string | number>;
  line: number;
  column: number;
  messageIncludes?: string;
}

const folder = fileURLToPath(new URL('../../fixtures/invalid/', import.meta.url));
const forms = readdirSync(folder)
  .filter((name) => /\.(ya?ml|json)$/.test(name) && !name.endsWith('.expected.json'))
  .sort();

describe('invalid fixtures produce their expected diagnostics', () => {
  it('has at least ten invalid fixtures, each with its expectations', () => {
    expect(forms.length).toBeGreaterThanOrEqual(10);
    for (const name of forms) {
      expect(readdirSync(folder)).toContain(name.replace(/\.(ya?ml|json)$/, '.expected.json'));
    }
  });

  it.each(forms)('%s', (name) => {
    const expected = JSON.parse(
      readFileSync(join(folder, name.replace(/\.(ya?ml|json)$/, '.expected.json')), 'utf8'),
    ) as Expected[];
    const result = loadFormFile(join(folder, name), name);
    expect(result.form).toBeUndefined();
    const actual = result.diagnostics.map((d) => ({
      severity: d.severity,
      rule: d.rule,
      path: d.path,
      line: d.line,
      column: d.column,
    }));
    expect(actual).toEqual(expected.map(({ messageIncludes: _m, ...rest }) => rest));
    expected.forEach((e, i) => {
      const d = result.diagnostics[i];
      expect(d?.file).toBe(name);
      expect(d?.message.length).toBeGreaterThan(10);
      if (e.messageIncludes !== undefined) expect(d?.message).toContain(e.messageIncludes);
    });
  });
});
