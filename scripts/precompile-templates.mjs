// Precompiles the bundled Handlebars templates (letter and e-mail) into
// dist/templates-precompiled.json, keyed by the SHA-256 of each template's
// text, so a cold `draft` need not compile them, and keeps each template's
// syntax tree there too for the template check (src/letter/template-check.ts),
// which would otherwise parse them all again. Run by `npm run build`.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

const root = new URL('..', import.meta.url).pathname;
const options = { strict: true, noEscape: true }; // as src/letter/templates.ts compileOptions
const specs = {};
const asts = {};

function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (entry.endsWith('.hbs')) {
      const text = readFileSync(path, 'utf8');
      const key = createHash('sha256').update(text).digest('hex');
      specs[key] = Handlebars.precompile(text, options);
      asts[key] = Handlebars.parse(text);
    }
  }
}
walk(join(root, 'templates', 'letter'));
writeFileSync(join(root, 'dist', 'templates-precompiled.json'), JSON.stringify({ specs, asts }));
