import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { loadForm } from '../../src/evidence/load.js';
import { packageRoot } from '../../src/ground/package-root.js';
import {
  compileOptions,
  precompiledSyntaxTree,
  prepareTemplates,
  templateTextKey,
} from '../../src/letter/templates.js';
import { composeLetter } from '../../src/workflow/pipeline.js';
import { englandBankHolidays } from '../../src/rules/holidays.js';
import { toView } from '../../src/letter/view.js';

const precompiledFile = join(packageRoot(), 'dist', 'templates-precompiled.json');

describe('templates precompiled at build time', () => {
  it('the build precompiled every bundled template (keyed by its text)', () => {
    expect(existsSync(precompiledFile)).toBe(true);
    const precompiled = JSON.parse(readFileSync(precompiledFile, 'utf8')) as { specs: Record<string, string> };
    for (const source of prepareTemplates().sources) {
      expect(precompiled.specs[templateTextKey(source.text)], source.name).toBeTypeOf('string');
    }
  });

  it('keeps each bundled template’s syntax tree for the template check, as Handlebars parses it', () => {
    for (const source of prepareTemplates().sources) {
      const parsed = JSON.parse(JSON.stringify(Handlebars.parse(source.text))) as unknown;
      expect(precompiledSyntaxTree(source.text), source.name).toEqual(parsed);
    }
    expect(precompiledSyntaxTree('{{an ISP’s own template}}')).toBeUndefined();
  });

  it('renders exactly what compiling the same templates at run time renders', () => {
    const text = readFileSync(join(packageRoot(), 'fixtures/forms/example.yaml'), 'utf8');
    const templates = prepareTemplates();
    const letter = composeLetter(loadForm(text, 'example.yaml').form!, {
      status: 'draft',
      templates,
      holidays: englandBankHolidays(),
    });
    const view = toView(letter.model);
    const env = Handlebars.create();
    for (const s of templates.sources) {
      const name = s.name.replace(/\.hbs$/, '');
      if (name.startsWith('partials/')) env.registerPartial(name.slice(9), env.compile(s.text, compileOptions));
    }
    for (const [part, source] of templates.parts) {
      expect(templates.render(part, view), part).toBe(env.compile(source.text, compileOptions)(view));
    }
  });
});
