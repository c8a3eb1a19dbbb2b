#!/usr/bin/env node
// Writes the subset DejaVu Sans faces used by the PDF writer to assets/fonts/.
// Usage: npm run build && node scripts/prepare-font.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import process from 'node:process';
import { URL } from 'node:url';
import { prepareFontAssets } from '../dist/scripts/font-prepare.js';

const out = new URL('../assets/fonts/', import.meta.url);
await mkdir(out, { recursive: true });
const { manifest, files } = await prepareFontAssets();
for (const [name, bytes] of files) {
  await writeFile(new URL(name, out), bytes);
  process.stdout.write(`${name}: ${bytes.length} bytes\n`);
}
await writeFile(new URL('manifest.json', out), JSON.stringify(manifest, null, 2) + '\n');
process.stdout.write(`manifest.json: ${manifest.source}, charset ${manifest.charsetHash.slice(0, 12)}\n`);
