import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fixtureRows } from './fixture-rows.js';
import { giasHeaderLine, giasLine, windows1252 } from './gias-csv.js';

const file = fileURLToPath(new URL('../../fixtures/register/gias-extract.csv', import.meta.url));

/** The fixture's bytes: the real header, CRLF lines, Windows-1252. */
function build(): Buffer {
  return windows1252(giasHeaderLine() + fixtureRows.map((row) => giasLine(row)).join(''));
}

describe('fixtures/register/gias-extract.csv', () => {
  // Regenerate deliberately: MAKE_FIXTURES=1 npx vitest run test/register/fixture.test.ts
  if (process.env.MAKE_FIXTURES === '1') writeFileSync(file, build());

  it('is generated from test/register/fixture-rows.ts (run with MAKE_FIXTURES=1 to update)', () => {
    expect(readFileSync(file).equals(build())).toBe(true);
  });

  it('holds only characters Windows-1252 can write (the register has no others)', () => {
    const text = giasHeaderLine() + fixtureRows.map((row) => giasLine(row)).join('');
    expect(iconv.decode(build(), 'win1252')).toBe(text);
  });

  it('is Windows-1252: St Bede’s apostrophe is the single byte 0x92', () => {
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('St Bede', 'latin1'));
    expect(at).toBeGreaterThan(0);
    expect(bytes[at + 7]).toBe(0x92);
    expect(bytes.includes(Buffer.from('\u2019', 'utf8'))).toBe(false);
  });
});
