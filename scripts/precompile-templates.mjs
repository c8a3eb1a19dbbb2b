// Precompiles the bundled Handlebars templates (letter and e-mail) into
// dist/templates-precompiled.json, keyed by the SHA-256 of each template's
// text, so a cold `draft` need not compile them. Run by `npm run build`.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

const root = new URL('..', import.meta.url).pathname;
const options = { strict: true, noEscape: true }; // as src/letter/templates.ts compileOptions
const out = {};

function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (entry.endsWith('.hbs')) {
      const text = readFileSync(path, 'utf8');
      out[createHash('sha256').update(text).digest('hex')] = Handlebars.precompile(text, options);
    }
  }
}
walk(join(root, 'templates', 'letter'));
writeFileSync(join(root, 'dist', 'templates-precompiled.json'), JSON.stringify(out));
