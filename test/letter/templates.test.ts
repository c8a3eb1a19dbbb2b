import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { compileTemplates, prepareTemplates, hashTemplates, type TemplateSource } from '../../src/letter/templates.js';
import { checkTemplates } from '../../src/letter/template-check.js';
import { toView } from '../../src/letter/view.js';
import { renderLetter } from '../../src/letter/render.js';
import { blockText } from '../../src/letter/tree.js';
import { compose, fixture } from './compose.js';

const bundled = prepareTemplates();
const example = fixture('example');
const model = compose(example).model;

function replacing(name: string, text: string): TemplateSource[] {
  return bundled.sources.map((s) => (s.name === name ? { ...s, text, file: `/isp/${name}` } : s));
}

describe('templates', () => {
  it('are compiled once per process and folder (prepare once, render many)', () => {
    expect(prepareTemplates()).toBe(bundled);
  });

  it('strict mode: a missing field is an error, never "undefined" or a blank', () => {
    const templates = compileTemplates(replacing('date.hbs', '{{letterDay}}\n'));
    expect(() => renderLetter(model, templates)).toThrow(/letterDay/);
  });

  it('a template asking for a field the model lacks is reported before rendering, with its file and place', () => {
    const templates = compileTemplates(
      replacing('partials/evidence.hbs', '## Evidence\n\n{{#if evidence.meetings}}\n{{evidence.meetngs}}\n{{/if}}\n'),
    );
    const diagnostics = checkTemplates(templates, toView(model));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'template/unknown-field',
        file: '/isp/partials/evidence.hbs',
        line: 4,
        column: 3,
        message: expect.stringContaining('"evidence.meetngs"'),
      }),
    ]);
  });

  it('follows #each into list items, and reports unknown partials and helpers', () => {
    const templates = compileTemplates(
      replacing(
        'body.hbs',
        '# {{school.name}}\n\n{{#each findings.areas}}\n{{progres}} {{number}}\n{{/each}}\n\n{{> nowhere}}\n\n{{shout school.name}}\n',
      ),
    );
    const rules = checkTemplates(templates, toView(model)).map((d) => `${d.rule} ${d.line}`);
    expect(rules).toEqual(['template/unknown-field 4', 'template/unknown-partial 7', 'template/unknown-helper 9']);
  });

  it('the bundled templates fit the model of every kind of letter', () => {
    for (const name of ['example', 'section-117-visit', 'draft-during-visit', 'subsequent-visit-not-effective']) {
      expect(checkTemplates(bundled, toView(compose(fixture(name)).model)), name).toEqual([]);
    }
  });

  it('the template hash changes with any template and is recorded on the document', () => {
    const changed = replacing('salutation.hbs', 'Dear {{headteacher.fullName}}\n');
    expect(hashTemplates(changed)).not.toBe(bundled.hash);
    expect(hashTemplates([...bundled.sources].reverse())).toBe(bundled.hash);
    expect(compose(example).document?.meta.templateHash).toBe(bundled.hash);
  });

  it('an ISP folder overrides the bundled wording by file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'isp-templates-'));
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'salutation.hbs'), 'Dear {{headteacher.fullName}},\n');
    writeFileSync(join(dir, 'partials', 'closing.hbs'), 'Copies go to {{copies.names}}.\n');
    const isp = prepareTemplates(dir);
    expect(isp.hash).not.toBe(bundled.hash);
    const doc = compose(example, 'draft', isp).document;
    const texts = doc?.blocks.map(blockText) ?? [];
    expect(texts).toContain('Dear Mrs Zoë Hughes,');
    expect(texts.some((t) => t.startsWith('Copies go to the Chair of the Governing Body'))).toBe(true);
    expect(texts).not.toContain('Dear Mrs Hughes');
  });
});
