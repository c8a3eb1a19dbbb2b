/** Poppler helpers shared by the PDF tests: a runner and a PGM reader (which programs are here: test/support/programs.ts). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const run = (tool: string, ...args: string[]): string => execFileSync(tool, args, { encoding: 'utf8' });

export interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** A binary PGM (P5) as pdftoppm -gray writes it. */
export function readPgm(bytes: Buffer): Gray {
  const header = bytes.subarray(0, 64).toString('latin1');
  const match = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error('not a PGM file');
  const [, width, height] = match;
  return { width: Number(width), height: Number(height), pixels: bytes.subarray(match[0].length) };
}

/** One page of a PDF rendered by pdftoppm in grey at `dpi`, written beside `outBase` and read back. */
export function renderPageGray(file: string, pageNumber: number, dpi: number, outBase: string): Gray {
  const n = String(pageNumber);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', '-f', n, '-l', n, file, outBase]);
  return readPgm(readFileSync(`${outBase}.pgm`));
}

/** Share of dark pixels in a rectangle given in PDF points from the page's top left, at `scale` pixels per point. */
export function inkShare(image: Gray, scale: number, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const x0 = Math.floor(box.x0 * scale);
  const x1 = Math.ceil(box.x1 * scale);
  const y0 = Math.floor(box.y0 * scale);
  const y1 = Math.ceil(box.y1 * scale);
  let dark = 0;
  for (let y = y0; y < Math.min(y1, image.height); y++) {
    for (let x = x0; x < Math.min(x1, image.width); x++) if (image.pixels[y * image.width + x]! < 128) dark++;
  }
  return dark / Math.max(1, (x1 - x0) * (y1 - y0));
}

/** Words with their boxes (points, from the top left) as `pdftotext -bbox` reports them. */
export function wordBoxes(file: string): { word: string; x0: number; y0: number; x1: number; y1: number }[] {
  const html = run('pdftotext', '-bbox', '-f', '1', '-l', '1', file, '-');
  return [...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
    word: m[5]!
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
  }));
}
