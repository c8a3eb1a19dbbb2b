import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { form as formSchema } from '../../src/evidence/schema.js';
import { mergeRegister } from '../../src/register/merge.js';
import { localAuthorities } from '../../src/register/local-authorities.js';
import {
  findLocalAuthority,
  localAuthoritiesNamedIn,
  localAuthorityInProse,
} from '../../src/register/local-authority-names.js';
import { fixtureRows } from './fixture-rows.js';

const registerNames = [...new Set(fixtureRows.map((row) => row['LA (name)'] ?? ''))].filter(
  (name) => name !== '' && name !== 'Does not apply',
);

describe('para 17: the local authorities of England, one table', () => {
  it('holds every local authority of England once, by GIAS code (153 today, and those older extracts name)', () => {
    const current = localAuthorities.filter((la) => la.until === undefined);
    expect(current).toHaveLength(153);
    expect(new Set(localAuthorities.map((la) => la.code)).size).toBe(localAuthorities.length);
    expect(new Set(localAuthorities.map((la) => la.register.toLowerCase())).size).toBe(localAuthorities.length);
  });

  it("knows every local authority the register extract names, in the register's own spelling", () => {
    expect(registerNames.length).toBeGreaterThan(15);
    for (const name of registerNames) {
      expect(findLocalAuthority(name)?.register, name).toBe(name);
    }
  });

  it('recognises each authority by every name it has, and by "X Council", as itself and no other', () => {
    for (const la of localAuthorities) {
      const names = [la.register, la.prose, la.council, `${la.prose} Council`, ...(la.alsoKnownAs ?? [])];
      for (const name of names) {
        expect(findLocalAuthority(name)?.code, `${name} (${la.register})`).toBe(la.code);
        expect(
          localAuthoritiesNamedIn(`the Director of Children’s Services for ${name}`).map((x) => x.code),
          name,
        ).toEqual([la.code]);
      }
    }
  });

  it('turns the register\'s inverted names round for "for …", without an article, as published letters read', () => {
    expect(localAuthorityInProse('Kingston upon Hull, City of')).toBe('Kingston upon Hull');
    expect(localAuthorityInProse('Bristol, City of')).toBe('Bristol');
    expect(localAuthorityInProse('Herefordshire, County of')).toBe('Herefordshire');
    expect(localAuthorityInProse('Isles Of Scilly')).toBe('the Isles of Scilly');
    expect(localAuthorityInProse('Isle of Wight')).toBe('the Isle of Wight');
    expect(localAuthorityInProse('St. Helens')).toBe('St Helens');
    expect(localAuthorityInProse('Hull City Council')).toBe('Kingston upon Hull');
    expect(localAuthorityInProse('Norfolk County Council')).toBe('Norfolk');
  });

  it('reads every name in the register extract so that it follows "for" naturally (no comma, no "Of")', () => {
    for (const name of registerNames) {
      const prose = localAuthorityInProse(name);
      expect(prose, name).not.toMatch(/,|\bOf\b|^City of (?!London)|^County of/);
    }
  });

  it('a name the table does not know keeps its own words, turned round when inverted', () => {
    expect(findLocalAuthority('Borsetshire')).toBeUndefined();
    expect(localAuthorityInProse('Borchester, City of')).toBe('City of Borchester');
  });

  it('finds every authority a phrase names, a shorter name inside a longer one not counted', () => {
    const codes = (phrase: string) => localAuthoritiesNamedIn(phrase).map((la) => la.register);
    expect(codes('the Director of Children’s Services for Hampshire and the Isle of Wight')).toEqual([
      'Hampshire',
      'Isle of Wight',
    ]);
    expect(codes('North Somerset Council')).toEqual(['North Somerset']);
    expect(codes('Bath and North East Somerset Council')).toEqual(['Bath and North East Somerset']);
    expect(codes('the Director of Children’s Services for Hull City Council')).toEqual(['Kingston upon Hull, City of']);
    expect(codes('the London Borough of Lambeth')).toEqual(['Lambeth']);
    expect(codes('the Chair of the Governing Body')).toEqual([]);
  });
});

describe('para 17: the register merge compares local authorities by who they are, not how they are spelt', () => {
  const example = formSchema.parse(
    parse(readFileSync(new URL('../../fixtures/forms/example.yaml', import.meta.url), 'utf8')),
  );
  const merged = (formLa: string, registerLa: string) => {
    const form = structuredClone(example);
    form.school.localAuthority = { name: formLa };
    const register = {
      urn: String(form.school.urn),
      school: { urn: String(form.school.urn), localAuthority: { name: registerLa } },
      diagnostics: [],
    };
    return mergeRegister(form, register).diagnostics.filter((d) => d.rule === 'register/disagrees');
  };

  it('"Hull City Council" in the form and "Kingston upon Hull, City of" in the register agree', () => {
    expect(merged('Hull City Council', 'Kingston upon Hull, City of')).toEqual([]);
    expect(merged('Norfolk County Council', 'Norfolk')).toEqual([]);
  });

  it('two different authorities still disagree', () => {
    expect(merged('Kingston upon Thames', 'Kingston upon Hull, City of')).toHaveLength(1);
  });
});
