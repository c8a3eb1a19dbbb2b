import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { loadForm, loadFormFile, maxFormBytes } from '../../src/evidence/load.js';

const exampleText = readFileSync(new URL('../../fixtures/forms/example.yaml', import.meta.url), 'utf8');
const templateText = readFileSync(new URL('../../templates/init-form.yaml', import.meta.url), 'utf8');

/** The 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

function rules(text: string, file = 'visit.yaml'): string[] {
  return loadForm(text, file).diagnostics.map((d) => d.rule);
}

describe('loadForm on valid forms', () => {
  it('loads the bundled example with no diagnostics', () => {
    const result = loadForm(exampleText, 'example.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.form?.school.urn).toBe('121190');
    expect(result.form?.visit.dates).toEqual(['2014-03-12']);
  });

  it('loads the init template with no diagnostics', () => {
    const result = loadForm(templateText, 'visit.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.form?.headteacher?.firstName).toBe('Łukasz');
  });

  it('loads the same form written as JSON', () => {
    const data = loadForm(exampleText, 'example.yaml').form;
    const result = loadForm(JSON.stringify(data, null, 2), 'example.json');
    expect(result.diagnostics).toEqual([]);
    expect(result.form).toEqual(data);
  });

  it('accepts a byte-order mark and CRLF line ends, with the same positions', () => {
    const broken = exampleText.replace('urn: 121190', 'urn: 12119x');
    const plain = loadForm(broken, 'a.yaml').diagnostics;
    const windows = loadForm(`\uFEFF${broken.replace(/\n/g, '\r\n')}`, 'a.yaml').diagnostics;
    expect(plain).toHaveLength(1);
    expect(windows.map((d) => [d.rule, d.line, d.column])).toEqual(plain.map((d) => [d.rule, d.line, d.column]));
    expect(plain[0]).toMatchObject({ ...positionOf(broken, '12119x'), rule: 'schema/invalid-urn' });
  });

  it('keeps 2014-03-12 as text even under a %YAML 1.1 directive', () => {
    const result = loadForm(`%YAML 1.1\n---\n${exampleText.replace(/^#.*\n/gm, '')}`, 'a.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.form?.inspection.endDate).toBe('2014-01-16');
  });

  it('returns the form with a warning for an unknown tag, and the date stays text', () => {
    const result = loadForm(exampleText.replace('dates: [2014-03-12]', 'dates: [!!timestamp 2014-03-12]'), 'a.yaml');
    expect(result.diagnostics.map((d) => [d.rule, d.severity])).toEqual([['yaml/unknown-tag', 'warning']]);
    expect(result.form?.visit.dates).toEqual(['2014-03-12']);
  });
});

describe('loadForm diagnostics', () => {
  it('places an unknown key on the key itself, with a suggestion', () => {
    const text = exampleText.replace('  publishedDate:', '  publishDate:');
    const [d, ...rest] = loadForm(text, 'v.yaml').diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ rule: 'schema/unknown-key', path: ['inspection', 'publishDate'], file: 'v.yaml' });
    expect(d).toMatchObject(positionOf(text, 'publishDate'));
    expect(d?.message).toContain('did you mean `publishedDate`?');
  });

  it('places a wrong type on the value and says what was found', () => {
    const text = exampleText.replace('  dioceses: [Diocese of Norwich]', '  dioceses: 42');
    const [d] = loadForm(text, 'v.yaml').diagnostics;
    expect(d).toMatchObject({ rule: 'schema/invalid-type', ...positionOf(text, '42') });
    expect(d?.message).toMatch(/^expected a list of text, found the number 42/);
  });

  it('places a missing required key on the key of its parent mapping', () => {
    const text = exampleText.replace('    name: Siân Ó Súilleabháin\n', '    role: HMI\n');
    const [d] = loadForm(text, 'v.yaml').diagnostics;
    expect(d).toMatchObject({ rule: 'schema/missing-key', path: ['visit', 'inspector', 'name'] });
    expect(d).toMatchObject(positionOf(text, 'inspector:'));
  });

  it('lists the valid values of an enum', () => {
    const text = exampleText.replace('  act: section-8', '  act: section 5');
    const [d] = loadForm(text, 'v.yaml').diagnostics;
    expect(d?.rule).toBe('schema/invalid-value');
    expect(d?.message).toContain('expected one of: section-8, section-117');
  });

  it('says an impossible date is not on the calendar, once', () => {
    const text = exampleText.replace('notificationCall: 2014-03-07', 'notificationCall: 2014-02-29');
    const diagnostics = loadForm(text, 'v.yaml').diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(/^2014-02-29 is not a date on the calendar/);
  });

  it('reports a date not written YYYY-MM-DD once, without calling it off the calendar', () => {
    const diagnostics = loadForm(exampleText.replace('dates: [2014-03-12]', 'dates: [2014-3-12]'), 'v').diagnostics;
    expect(diagnostics.map((d) => d.rule)).toEqual(['schema/invalid-date']);
    expect(diagnostics[0]?.message).not.toContain('not a date on the calendar');
  });

  it('gives a diagnostic, never a throw, for the awkward files', () => {
    expect(rules('')).toEqual(['form/empty']);
    expect(rules('   \n# only a comment\n')).toEqual(['form/empty']);
    expect(rules('- a\n- b\n')).toEqual(['schema/invalid-type']);
    expect(rules('just some words')).toEqual(['schema/invalid-type']);
    expect(rules('PK\u0003\u0004\u0000\u0000')).toEqual(['file/binary']);
    expect(rules(`a: ${'x'.repeat(maxFormBytes)}`)).toEqual(['file/too-large']);
    expect(rules('school:\n\turn: 121234\n')).toEqual(['yaml/tab-indent']);
    expect(rules('a: 1\n---\nb: 2\n')).toEqual(['yaml/multiple-documents']);
    expect(rules('a: *nowhere\n')).toContain('yaml/alias');
    expect(rules('[a, b]: c\n? {x: 1}\n: d\n')).toContain('schema/unknown-key');
  });

  it('stops a billion-laughs document at the alias limit', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i += 1) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    expect(rules(levels.join('\n'))).toEqual(['yaml/alias']);
  });

  it('gives JSON files JSON errors', () => {
    const [d] = loadForm('{\n  "school": {"urn": 121234}\n  "visit": {}\n}\n', 'v.json').diagnostics;
    expect(d).toMatchObject({ rule: 'json/syntax', line: 3, column: 3 });
    const [comma] = loadForm('{\n  "judgement": "effective",\n}\n', 'v.json').diagnostics;
    expect(comma).toMatchObject({ rule: 'json/syntax', line: 2, column: 27 });
  });

  it('reports both copies of a duplicated key by line', () => {
    const text = exampleText.replace('judgement: effective\n', 'judgement: effective\njudgement: not-effective\n');
    const [d] = loadForm(text, 'v.yaml').diagnostics;
    const first = positionOf(text, 'judgement: effective');
    expect(d).toMatchObject({ rule: 'yaml/duplicate-key', path: ['judgement'], line: first.line + 1, column: 1 });
    expect(d?.message).toContain(`first on line ${first.line}`);
  });
});

describe('locate', () => {
  const text = exampleText;
  const { locate } = loadForm(text, 'example.yaml');

  it('finds a value, a list item and a nested key', () => {
    expect(locate(['school', 'urn'])).toMatchObject(positionOf(text, '121190'));
    expect(locate(['visit', 'dates', 0])).toMatchObject(positionOf(text, '2014-03-12'));
    expect(locate(['findings', 'progress', 1, 'progress'])).toMatchObject(positionOf(text, 'Pupils write at length'));
  });

  it('falls back to the key of the nearest part that exists', () => {
    expect(locate(['findings', 'previousRecommendations'])).toMatchObject(positionOf(text, 'findings:'));
    expect(locate(['school', 'governance', 'chair', 'role'])).toMatchObject(positionOf(text, 'chair:'));
    expect(locate(['seriousConcerns', 0])).toMatchObject(positionOf(text, 'school:'));
  });

  it('places an empty list and an empty value', () => {
    expect(locate(['priorities'])).toMatchObject(positionOf(text, '[]'));
    const emptyValue = loadForm('school:\n  urn: 121234\nfindings:\n', 'v.yaml');
    expect(emptyValue.locate(['findings'])).toMatchObject({ line: 3, column: 1 });
  });
});

describe('loadFormFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'load-form-'));

  it('reports a missing file, a directory and non-UTF-8 text as diagnostics', () => {
    expect(loadFormFile(join(dir, 'nope.yaml'), 'nope.yaml').diagnostics[0]).toMatchObject({
      rule: 'file/not-found',
      file: 'nope.yaml',
    });
    mkdirSync(join(dir, 'folder.yaml'));
    expect(loadFormFile(join(dir, 'folder.yaml')).diagnostics[0]?.rule).toBe('file/is-directory');
    writeFileSync(join(dir, 'cp1252.yaml'), Buffer.from('school:\n  name: St Bede\x92s\n', 'latin1'));
    expect(loadFormFile(join(dir, 'cp1252.yaml')).diagnostics[0]).toMatchObject({
      rule: 'file/not-utf8',
      line: 2,
      column: 16,
    });
    writeFileSync(join(dir, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1', 'utf16le')]));
    expect(loadFormFile(join(dir, 'utf16.yaml')).diagnostics[0]?.rule).toBe('file/utf16');
  });

  it('loads a file and names it as given', () => {
    writeFileSync(join(dir, 'visit.yaml'), exampleText);
    const result = loadFormFile(join(dir, 'visit.yaml'), 'visit.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.form?.school.name).toContain('St Mary');
  });
});
