/**
 * Build-time font preparation: subsets each DejaVu Sans face to the fixed
 * charset with hb-subset (`subset-font`). Run by scripts/prepare-font.mjs,
 * whose output is committed under assets/fonts/, so a letter never pays
 * the 0.1–0.5 s of loading harfbuzz and subsetting (measured/pdf.md).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import {
  charsetHash,
  charsetText,
  droppedTables,
  faceNames,
  faceSources,
  type FaceName,
  type FontManifest,
} from '../src/writers/pdf/charset.js';

export interface PreparedFontAssets {
  manifest: FontManifest;
  /** Subset TrueType bytes per face, keyed by asset file name. */
  files: Map<string, Uint8Array>;
}

/** Subsets the four faces to the charset; async because harfbuzz loads as WebAssembly. */
export async function prepareFontAssets(): Promise<PreparedFontAssets> {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('dejavu-fonts-ttf/package.json');
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  const directory = packageJson.replace(/package\.json$/, 'ttf/');
  const text = charsetText();
  const files = new Map<string, Uint8Array>();
  const faces = {} as Record<FaceName, string>;
  for (const face of faceNames) {
    const source = await readFile(directory + faceSources[face]);
    const subset = await subsetFont(source, text, {
      targetFormat: 'truetype',
      dropTables: droppedTables,
      // PDF viewers hint on their own; the instructions would double the size of every file.
      noHinting: true,
      // GSUB is dropped, so glyphs reachable only through it would be dead weight.
      noLayoutClosure: true,
    });
    const name = faceSources[face].replace(/\.ttf$/, '.subset.ttf');
    files.set(name, new Uint8Array(subset));
    faces[face] = name;
  }
  return { manifest: { source: `dejavu-fonts-ttf ${version}`, charsetHash: charsetHash(), faces }, files };
}
