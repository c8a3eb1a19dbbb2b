// Bundles the command line into dist/cli/ with esbuild (issue 11), run by
// `npm run build` after tsc. A cold command then reads a few files instead of
// resolving some 600 modules in node_modules (≈ 190 ms measured), and code
// splitting keeps each command's dependencies in chunks of their own: the
// dynamic imports of src/cli/main.ts are the split points, so `validate`
// never parses the PDF, DOCX, mail or register code.
//
// Entry points:
//   dist/cli/bin.js     the `monitoring-letter` executable (package.json "bin")
//   dist/cli/worker.js  the batch worker thread; src/workflow/batch/run-batch.ts finds it
//                       beside itself (`new URL('./worker.js', import.meta.url)`),
//                       so chunks and entries share one folder.
// dist/cli/ is two folders below the package root, as dist/src/* files are
// one deeper: the files that look for package.json, data/, templates/ and
// assets/ by relative paths try both depths.
//
// The library (`exports`, dist/src/index.js) stays tsc's output.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist', 'cli');

/** The folder holding a package, from where its main file resolves. */
function packageDir(name, mainFile) {
  const main = fileURLToPath(import.meta.resolve(name));
  return main.slice(0, main.length - mainFile.length);
}

/**
 * pdf-lib is used only as an object model (PDFContext, PDFName, …). Its
 * package index pulls in forms, image embedders and the standard fonts
 * (1.2 MB); its ES modules have no side effects we rely on, so marking them
 * side-effect free lets esbuild keep only the classes we use (≈ 80 KB).
 */
const pdfLibEs = {
  name: 'pdf-lib-object-model',
  setup(b) {
    const dir = packageDir('@cantoo/pdf-lib', join('es', 'index.js'));
    b.onResolve({ filter: /^@cantoo\/pdf-lib$/ }, () => ({ path: join(dir, 'es', 'index.js'), sideEffects: false }));
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (!args.importer.startsWith(dir) || args.pluginData === 'pdf-lib') return undefined;
      const resolved = await b.resolve(args.path, {
        resolveDir: args.resolveDir,
        kind: args.kind,
        importer: args.importer,
        pluginData: 'pdf-lib',
      });
      return resolved.errors.length > 0 ? undefined : { ...resolved, sideEffects: false };
    });
  },
};

/** src/writers/pdf/pdf-lib.ts requires pdf-lib lazily for tsc's output; the bundle imports its object model directly. */
const pdfLibBundled = {
  name: 'pdf-lib-bundled',
  setup(b) {
    b.onResolve({ filter: /^\.\/pdf-lib\.js$/ }, (args) =>
      dirname(args.importer) === join(root, 'src', 'writers', 'pdf')
        ? { path: join(root, 'src', 'writers', 'pdf', 'pdf-lib.bundle.ts') }
        : undefined,
    );
  },
};

/**
 * zod's namespace re-exports the messages of some fifty languages (≈ 400 KB,
 * all parsed at start). The tool speaks English only and never reads
 * `z.locales`; English stays the default, set by zod itself.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    const dir = packageDir('zod', 'index.js');
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      args.importer.startsWith(dir)
        ? { path: join(args.resolveDir, args.path), namespace: 'zod-locales', pluginData: args.resolveDir }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from './en.js';`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * string-width (yargs's help layout) builds an Intl.Segmenter and compiles
 * Unicode-property regular expressions when it loads, ≈ 20–50 ms of every
 * cold command. A string of printable ASCII, Latin-1 and Latin Extended-A
 * letters and typographic punctuation is one column a character, which is
 * what string-width itself answers for each of them; any other string, or a
 * call with options, goes to string-width, loaded on first need.
 */
const narrowTextFirst = {
  name: 'string-width-narrow-text-first',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      args.namespace === 'string-width-narrow' ? undefined : { path: 'string-width', namespace: 'string-width-narrow' },
    );
    b.onLoad({ filter: /.*/, namespace: 'string-width-narrow' }, () => ({
      contents: `
        const narrow = /^[\\x20-\\x7e\\u00a0-\\u00ac\\u00ae-\\u017f\\u2013\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026]*$/;
        let full;
        export default function stringWidth(text, options) {
          if (options === undefined && typeof text === 'string' && narrow.test(text)) return text.length;
          full ??= require('string-width').default;
          return full(text, options);
        }`,
      resolveDir: root,
      loader: 'js',
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { bin: 'src/cli/bin.ts', worker: 'src/workflow/batch/worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  // pdfjs-dist (reading PDF letters in check-copy and finalise) loads its own worker file at run time.
  external: ['pdfjs-dist', 'pdfjs-dist/*'],
  // CommonJS packages inside an ES module bundle call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
  },
  plugins: [pdfLibBundled, pdfLibEs, zodEnglishOnly, narrowTextFirst],
  // BUNDLE_READABLE=1 node scripts/bundle.mjs keeps the code as written, for reading a CPU profile.
  minifySyntax: !process.env.BUNDLE_READABLE,
  minifyWhitespace: !process.env.BUNDLE_READABLE,
  legalComments: 'linked',
  logLevel: 'warning',
});
