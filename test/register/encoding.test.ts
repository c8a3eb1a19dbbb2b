/**
 * The GIAS extract is published in Windows-1252 (PITFALLS: "St Bede’s" has
 * byte 0x92). Opened and re-saved in Excel or LibreOffice it may come back as
 * UTF-8, with or without a byte-order mark, or as UTF-16 ("Unicode Text").
 * Every form is read right, or refused with a message saying what to do:
 * never a name in mojibake ("St Bedeâ€™s", "ZoÃ«").
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { findSchoolInRegister, RegisterError } from '../../src/register/index.js';
import { giasHeaderLine, giasLine } from './gias-csv.js';

const temp = (name: string, bytes: Buffer): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'gias-encoding-')), name);
  writeFileSync(file, bytes);
  return file;
};

const header = [
  'URN',
  'LA (name)',
  'EstablishmentName',
  'TypeOfEstablishment (name)',
  'HeadTitle (name)',
  'HeadFirstName',
  'HeadLastName',
];
const stBedes = {
  URN: '108070',
  'LA (name)': 'Sheffield',
  EstablishmentName: 'St Bede\u2019s Catholic Voluntary Aided Primary School',
  'TypeOfEstablishment (name)': 'Voluntary aided school',
  'HeadTitle (name)': 'Mrs',
  HeadFirstName: 'Zoë',
  HeadLastName: 'Ní Bhriain',
};
const plain = (urn: string) => ({
  ...stBedes,
  URN: urn,
  EstablishmentName: `Plain School ${urn}`,
  HeadFirstName: 'Ann',
  HeadLastName: 'Lee',
});
/** A register whose non-ASCII row comes after `before` ASCII-only rows (enough to pass the first read chunk). */
const csv = (before = 0): string =>
  giasHeaderLine(header) +
  Array.from({ length: before }, (_, i) => giasLine(plain(String(200000 + i)), header)).join('') +
  giasLine(stBedes, header);

async function namesFrom(file: string) {
  const found = await findSchoolInRegister(file, '108070');
  return { school: found?.school.name, head: found?.headteacher?.firstName, last: found?.headteacher?.lastName };
}
const right = { school: stBedes.EstablishmentName, head: 'Zoë', last: 'Ní Bhriain' };

describe('the register’s encoding', () => {
  it('the GIAS original, Windows-1252: St Bede’s and Zoë read right', async () => {
    expect(await namesFrom(temp('win1252.csv', iconv.encode(csv(), 'win1252')))).toEqual(right);
  });

  it('re-saved as UTF-8 with a byte-order mark (Excel "CSV UTF-8"): read right', async () => {
    expect(await namesFrom(temp('utf8-bom.csv', Buffer.from(`\uFEFF${csv()}`, 'utf8')))).toEqual(right);
  });

  it('re-saved as UTF-8 without a byte-order mark (LibreOffice, scripts): read right', async () => {
    expect(await namesFrom(temp('utf8.csv', Buffer.from(csv(), 'utf8')))).toEqual(right);
  });

  it('UTF-8 without a byte-order mark, the school’s row far past the first read chunk: read right', async () => {
    expect(await namesFrom(temp('utf8-long.csv', Buffer.from(csv(12_000), 'utf8')))).toEqual(right);
  });

  it('converted twice (UTF-8 read as Windows-1252, saved as UTF-8: "St Bedeâ€™s"): the names are repaired', async () => {
    const twice = Buffer.from(iconv.decode(Buffer.from(csv(), 'utf8'), 'win1252'), 'utf8');
    expect(twice.toString('utf8')).toContain('St Bedeâ€™s');
    expect(await namesFrom(temp('twice.csv', twice))).toEqual(right);
  });

  it('characters already lost ("St Bede�s", a Windows-1252 file read as UTF-8 and re-saved): refused, saying what to do', async () => {
    const lost = Buffer.from(iconv.encode(csv(), 'win1252').toString('utf8'), 'utf8');
    const file = temp('lost.csv', lost);
    await expect(findSchoolInRegister(file, '108070')).rejects.toThrow(RegisterError);
    await expect(findSchoolInRegister(file, '108070')).rejects.toThrow(
      /URN 108070 .*characters lost.*"St Bede\uFFFDs Catholic Voluntary Aided Primary School".*download the extract again/,
    );
  });

  it('saved as UTF-16 (Excel "Unicode Text"): refused, saying how to save it', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv(), 'utf16le')]);
    const file = temp('utf16.csv', utf16);
    await expect(findSchoolInRegister(file, '108070')).rejects.toThrow(RegisterError);
    await expect(findSchoolInRegister(file, '108070')).rejects.toThrow(
      /UTF-16.*save it as "CSV UTF-8 \(Comma delimited\)"/,
    );
  });
});
