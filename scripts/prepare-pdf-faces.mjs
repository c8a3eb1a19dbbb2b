#!/usr/bin/env node
// Run by `npm run build` (after tsc): prepares the PDF's four faces from the
// committed subsets in assets/fonts/ (glyphs reordered, code point and width
// tables, the tables each letter's font file is cut from) into dist/fonts/,
// so no process pays for preparing them (src/writers/pdf/prepared-face.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { preparedFaceFiles } from '../dist/src/writers/pdf/fonts.js';

const { directory, files } = preparedFaceFiles();
mkdirSync(directory, { recursive: true });
for (const { name, bytes } of files) writeFileSync(join(directory, name), bytes);
