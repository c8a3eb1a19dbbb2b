/**
 * The GOV.UK Frontend files every page of the workspace uses (its CSS, its
 * JavaScript, its fonts and images), served by the tool itself from the
 * installed `govuk-frontend` package, so the pages need no internet.
 *
 * The table is made once, when the server starts, from the package's own
 * folder: a request names a URL in it or gets a 404; no request path is ever
 * joined to a folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';

/** A file the server answers with, by URL. */
export interface StaticAsset {
  body: Buffer;
  type: string;
}

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The URLs of GOV.UK Frontend's stylesheet and script, for a page's <link> and <script>. */
export const govukCss = '/govuk/govuk-frontend.min.css';
export const govukJs = '/govuk/govuk-frontend.min.js';

/** The folder `dist/govuk` of the installed govuk-frontend. */
export function govukFrontendDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');
}

/**
 * GOV.UK Frontend's stylesheet and script under /govuk/, and its fonts and
 * images under /assets/ (the URLs its stylesheet names).
 */
export function govukAssets(): Map<string, StaticAsset> {
  const dir = govukFrontendDir();
  const table = new Map<string, StaticAsset>();
  const add = (url: string, file: string) => {
    const type = types[extname(file)];
    if (type) table.set(url, { body: readFileSync(file), type });
  };
  add(govukCss, join(dir, 'govuk-frontend.min.css'));
  add(govukJs, join(dir, 'govuk-frontend.min.js'));
  for (const folder of ['fonts', 'images']) {
    for (const name of readdirSync(join(dir, 'assets', folder))) {
      add(`/assets/${folder}/${name}`, join(dir, 'assets', folder, name));
    }
  }
  return table;
}
