import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', 'src');

/** Every relative import of the .ts files under a src/ folder, as "file: specifier". */
function importsOf(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.ts')) continue;
    const text = readFileSync(join(root, folder, entry), 'utf8');
    for (const m of text.matchAll(/\bfrom\s+'(\.[^']+)'/g)) found.push(`${folder}/${entry}: ${m[1]}`);
  }
  return found;
}

describe('import rule: the register reads data and decides nothing', () => {
  it('src/register imports nothing from src/rules, src/cli or src/workflow', () => {
    const imports = importsOf('register');
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((i) => /\/(?:rules|cli|workflow)\//.test(i))).toEqual([]);
  });

  it('src/check-copy takes name normalisation from src/ground/names.ts, not the copy-list rules', () => {
    expect(importsOf('check-copy').filter((i) => i.endsWith('rules/recipients.js'))).toEqual([]);
  });
});
