import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadForm } from '../../src/evidence/load.js';
import { pageFormSchema } from '../../src/workflow/page-form-schema.js';
import { applyEdits, formData, YamlEditError } from '../../src/evidence/yaml-edit.js';
import { exampleForm } from '../serve/workspace.js';

const example = readFileSync(exampleForm, 'utf8');

describe('serve: field edits applied to the YAML text', () => {
  it('changes nothing but the field: comments, flow lists, block text and key order stay as written', () => {
    const edited = applyEdits(example, [{ path: ['school', 'address', 'town'], value: 'Wymondham' }]);
    expect(edited).toBe(example.replace('    town: Norwich\n', '    town: Wymondham\n'));
  });

  it('writes text with paragraphs as a block, and a one-line value back as a plain line', () => {
    const two = applyEdits(example, [{ path: ['findings', 'barriers'], value: 'First.\n\nSecond: with a colon.' }]);
    expect(two).toContain('  barriers: |-\n    First.\n\n    Second: with a colon.\n');
    const one = applyEdits(two, [{ path: ['findings', 'barriers'], value: 'Only one.' }]);
    expect(one).toContain('  barriers: Only one.\n');
    expect(loadForm(one, 'visit.yaml').form?.findings?.barriers).toBe('Only one.');
  });

  it('keeps what the HMI typed as text: a date, a number-like name, "yes", a leading #', () => {
    const edited = applyEdits(example, [
      { path: ['visit', 'dates', 1], value: '2014-03-13' },
      { path: ['school', 'trust'], value: 'yes' },
      { path: ['findings', 'barriers'], value: '# not a comment: 100% true' },
      { path: ['school', 'urn'], value: 121191 },
    ]);
    expect(edited).toContain('  dates: [2014-03-12, 2014-03-13]\n');
    const data = formData(edited) as {
      school: { trust: unknown; urn: unknown };
      findings: { barriers: unknown };
    };
    expect(data.school.trust).toBe('yes');
    expect(data.school.urn).toBe(121191);
    expect(data.findings.barriers).toBe('# not a comment: 100% true');
    expect(edited).toContain('# The bundled example');
  });

  it('prints a value typed into a new, empty list item as it would be written by hand', () => {
    const blank = applyEdits(example, [{ path: ['visit', 'dates', 1], value: '' }]);
    expect(blank).toContain('  dates: [2014-03-12, ""]\n');
    expect(applyEdits(blank, [{ path: ['visit', 'dates', 1], value: '2014-03-13' }])).toContain(
      '  dates: [2014-03-12, 2014-03-13]\n',
    );
  });

  it('adds a section, a list and an item where none was, and removes a value or an item', () => {
    const added = applyEdits(example, [
      { path: ['concerns'], value: [] },
      { path: ['concerns', 0], value: {} },
      { path: ['concerns', 0, 'concern'], value: 'Attendance is low.' },
    ]);
    expect((formData(added) as { concerns: unknown }).concerns).toEqual([{ concern: 'Attendance is low.' }]);
    const removed = applyEdits(added, [
      { path: ['evidence', 'meetings', 0] },
      { path: ['findings', 'barriers'], value: undefined },
    ]);
    const data = formData(removed) as { evidence: { meetings: string[] }; findings: Record<string, unknown> };
    expect(data.evidence.meetings[0]).toBe('the deputy headteacher and the leader for English');
    expect('barriers' in data.findings).toBe(false);
  });

  it('refuses, with a reason, what a field cannot mean: broken YAML, holes in a list, no path, objects as values', () => {
    expect(() => applyEdits('school: [unclosed\n', [{ path: ['context'], value: 'x' }])).toThrow(
      /YAML text has an error on line \d: put it right/,
    );
    expect(() => applyEdits(example, [{ path: ['visit', 'dates', 5], value: '2014-03-13' }])).toThrow(YamlEditError);
    expect(() => applyEdits(example, [{ path: [], value: 'x' }])).toThrow(YamlEditError);
    expect(() => applyEdits(example, [{ path: ['school'], value: { name: 'x' } }])).toThrow(YamlEditError);
    expect(() => applyEdits(example, [{ path: ['school', 'name', 'first'], value: 'x' }])).toThrow(YamlEditError);
    expect(() => applyEdits('- a list\n', [{ path: ['context'], value: 'x' }])).toThrow(/mapping of sections/);
  });

  it('starts an empty file as a mapping, and keeps a JSON form JSON', () => {
    expect(applyEdits('', [{ path: ['context'], value: 'A small school.' }])).toBe('context: A small school.\n');
    const json = applyEdits('{"school": {"urn": 121190}}\n', [{ path: ['context'], value: 'x' }], 'json');
    expect(JSON.parse(json)).toEqual({ school: { urn: 121190 }, context: 'x' });
    expect(json).toContain('\n  "school": {\n');
  });
});

describe('serve: the schema the fields are built from', () => {
  it('marks text that may hold paragraphs, and not names', () => {
    const schema = pageFormSchema() as {
      properties: Record<string, { properties?: Record<string, Record<string, unknown>> } & Record<string, unknown>>;
    };
    expect(schema.properties.context?.['x-multiline']).toBe(true);
    expect(schema.properties.findings?.properties?.performanceManagement?.['x-multiline']).toBe(true);
    expect(schema.properties.school?.properties?.name?.['x-multiline']).toBeUndefined();
    expect(schema.properties.school?.properties?.trust?.['x-multiline']).toBeUndefined();
  });
});
