import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, openManifest, type ManifestEntry } from '../../src/workflow/batch/manifest.js';
import { maxGroup, runPool } from '../../src/workflow/batch/pool.js';
import { createProgress } from '../../src/workflow/batch/progress.js';

async function* items(list: string[]): AsyncGenerator<string> {
  for (const i of list) yield i;
}

describe('worker pool', () => {
  it('runs every item through two workers, and one failure does not stop the rest', async () => {
    const results: { index: number; value?: string; error?: string }[] = [];
    const input = ['a', 'b', 'boom', 'c', 'd', 'e'];
    const count = await runPool<string, { value?: string; error?: string }>(items(input), {
      jobs: 2,
      workerUrl: new URL('../support/echo-worker.mjs', import.meta.url),
      workerData: { prefix: '>' },
      onResult: (r, index) => {
        results.push({ index, ...r });
      },
    });
    expect(count).toBe(6);
    results.sort((x, y) => x.index - y.index);
    expect(results.map((r) => r.value ?? r.error)).toEqual(['>A', '>B', 'cannot render boom', '>C', '>D', '>E']);
  });

  it('gives each worker its next group before it asks (two groups of at most maxGroup in hand), and finishes with fewer items than workers', async () => {
    let pulled = 0;
    let answered = 0;
    let mostAhead = 0;
    async function* counted(count: number): AsyncGenerator<string> {
      for (let i = 0; i < count; i++) {
        pulled += 1;
        mostAhead = Math.max(mostAhead, pulled - answered);
        yield `item${i}`;
      }
    }
    const options = {
      jobs: 2,
      workerUrl: new URL('../support/echo-worker.mjs', import.meta.url),
      workerData: { prefix: '' },
      onResult: () => {
        answered += 1;
      },
    };
    expect(await runPool(counted(40), options)).toBe(40);
    expect(answered).toBe(40);
    // Two workers, each with its next group waiting, and never more: groups of 1, 2, 4, then maxGroup items.
    expect(mostAhead).toBeGreaterThan(4);
    expect(mostAhead).toBeLessThanOrEqual(2 * 2 * maxGroup);
    answered = 0;
    pulled = 0;
    expect(await runPool(counted(1), options)).toBe(1);
    expect(answered).toBe(1);
  });
});

describe('manifest', () => {
  const entry = (form: string, ok: boolean): ManifestEntry => ({
    form,
    ok,
    rendered: ok,
    urn: '121190',
    school: 'St Mary’s, "Hethersett"',
    visitDate: '2014-03-12',
    status: 'draft',
    files: ['a.pdf', 'a.docx'],
    to: 'Mrs Zoë Hughes',
    copies: [{ role: 'local-authority', name: 'the Director of Children’s Services for Norfolk' }],
    deadlines: [{ id: 'final-letter', date: '2014-03-26' }],
    gaps: [],
    errors: ok ? [] : ['line 3: bad'],
    warnings: 0,
  });

  it('quotes CSV fields with commas, quotes and newlines', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
  });

  it('writes CSV and JSON that read back to the same entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const m = openManifest(join(dir, 'manifest'));
    await m.add(entry('one.yaml', true));
    await m.add(entry('two.yaml', false));
    const paths = await m.close();
    const json = JSON.parse(readFileSync(paths.json, 'utf8')) as ManifestEntry[];
    expect(json.map((e) => [e.form, e.ok])).toEqual([
      ['one.yaml', true],
      ['two.yaml', false],
    ]);
    const csv = readFileSync(paths.csv, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^\ufeffform,ok,rendered,urn,school/);
    expect(csv[0]).toContain(',gaps,errors,');
    expect(csv[1]).toContain('"St Mary’s, ""Hethersett"""');
    expect(csv[2]).toContain('line 3: bad');
  });
});

describe('progress', () => {
  it('prints plain lines when not on a terminal', () => {
    const out: string[] = [];
    const p = createProgress(3, (t) => out.push(t), false);
    p.tick('a.yaml', 'ok');
    p.tick('b.yaml', 'failed');
    p.tick('c.yaml', 'incomplete');
    p.done();
    expect(out).toEqual(['[1/3] ok         a.yaml\n', '[2/3] FAILED     b.yaml\n', '[3/3] INCOMPLETE c.yaml\n']);
  });
  it('draws one updating bar on a terminal', () => {
    const out: string[] = [];
    const p = createProgress(1, (t) => out.push(t), true);
    p.tick('a.yaml', 'ok');
    p.done();
    expect(out.join('')).toMatch(/\r\[#{30}\] 1\/1/);
    expect(out.at(-1)).toBe('\n');
  });
});
