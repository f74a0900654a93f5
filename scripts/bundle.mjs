// Bundle the compiled CLI (dist/cli) into dist/bundle, which bin/plancheck.js runs, and write pdfjs-dist's legacy
// build as scripts with a V8 code cache into dist/pdfjs-dist. Run after tsc (npm run build).
//
// Why: Node's ES module loader pays for every file it resolves, opens and links, and Node 20 keeps no compiled
// code between runs for ES modules. So the CLI and the worker are each one CommonJS file, which the binary and
// each worker process run with a V8 code cache saved by the build (src/cli/run-bundle.ts): a start no longer
// compiles them. What the binary loads first (start.js: start the first worker, run a bundle) is a small
// CommonJS file of its own, and each worker process starts from worker.js, which runs worker.cjs the same way.
//
// dist/bundle sits two folders below the package root, as dist/cli does, so paths the code builds from its
// own location (the worker script beside it, ../../package.json) hold in both layouts.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * Dependencies that a usual run loads: bundled, so that they start from the code cache too. The rest (cheerio,
 * mammoth, pdfjs-dist, yaml, zod, cli-progress) stay packages, imported when first needed.
 */
const BUNDLED = new Set(['commander', 'chalk', 'tinyglobby', 'fastest-levenshtein', 'picomatch', 'htmlparser2', 'domhandler', 'csv-stringify']);
const external = Object.keys(pkg.dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

// Nothing to do when the compiled sources, these scripts, the installed packages and Node are those the last
// build bundled and trained: `npm test` builds again after `npm install` has built.
const STAMP = path.join(root, 'dist/bundle/inputs.sha256');
const stamp = inputsDigest();
if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp && existsSync(path.join(root, 'dist/pdfjs-dist/version.json'))) process.exit(0);

rmSync(path.join(root, 'dist/bundle'), { recursive: true, force: true });

// Everything a start runs is CommonJS (dist/bundle/package.json says so; bin/ has one of its own): Node then loads
// it without its ES module loader, which cost about 10 ms of CPU at each start of the CLI and of each worker,
// most of it in making module facades of Node's own modules (node:fs's loads its file streams).
// The bundles are ASCII, with anything else escaped, and read as latin1 (src/cli/run-bundle.ts): no UTF-8 to decode.
const common = {
  absWorkingDir: root,
  metafile: true,
  outdir: 'dist/bundle',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  charset: 'ascii',
  external,
  // The code finds files beside it (the worker script, package.json) from import.meta.url.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: '"use strict";\nvar __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: 'warning',
};
mkdirSync(path.join(root, 'dist/bundle'), { recursive: true });
writeFileSync(path.join(root, 'dist/bundle/package.json'), '{ "type": "commonjs" }\n');
const start = await build({ ...common, entryPoints: { start: 'dist/cli/start.js' } });

// fdir (under tinyglobby) loads picomatch through a require of its own when it starts, for a glob method that
// tinyglobby never calls: Node resolved, read and compiled the package's files at every start of the CLI, about
// 8 ms of CPU, though the bundle holds picomatch already. The bundle gives fdir that copy instead.
const fdirPicomatch = {
  name: 'fdir-picomatch',
  setup(build) {
    build.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
      const from = '__require.resolve("picomatch");\n\tpm = __require("picomatch");';
      const contents = readFileSync(args.path, 'utf8');
      if (contents.split(from).length !== 2) throw new Error(`bundle: fdir's index.mjs no longer reads as expected (${JSON.stringify(from)}); see scripts/bundle.mjs`);
      return { contents: `import __bundledPicomatch from "picomatch";\n${contents.replace(from, 'pm = __bundledPicomatch;')}`, loader: 'js' };
    });
  },
};

const bundled = await build({
  ...common,
  entryPoints: { plancheck: 'dist/cli/main.js', worker: 'dist/cli/workers/worker.js' },
  outExtension: { '.js': '.cjs' },
  // A package loaded on first use (yaml, zod, cli-progress…) is required, not imported: Node 20 loses a
  // script's import() callback when V8 takes its code cache ("A dynamic import callback was not specified").
  supported: { 'dynamic-import': false },
  plugins: [fdirPicomatch],
});
if (start.warnings.length > 0 || bundled.warnings.length > 0) throw new Error('bundle: esbuild warned while bundling the CLI');
// esbuild's ASCII charset leaves regular expression literals as written: escape what is left there too. A \uXXXX
// escape means the same character in a regular expression, with or without the u flag, as in a string.
for (const name of ['start.js', 'plancheck.cjs', 'worker.cjs']) {
  const file = path.join(root, 'dist/bundle', name);
  const text = readFileSync(file, 'utf8');
  // An identity escape (a backslash before the character) would not survive this: none is expected.
  if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`bundle: dist/bundle/${name} escapes a non-ASCII character; see scripts/bundle.mjs`);
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}

// The script each worker process starts from (pool.ts forks the worker.js beside the code that forks it).
writeFileSync(
  path.join(root, 'dist/bundle/worker.js'),
  "// A worker process of plancheck: run the worker's bundle with its code cache.\n'use strict';\nconst { runBundle } = require('./start.js');\n\nrunBundle(require('node:url').pathToFileURL(require('node:path').join(__dirname, 'worker.cjs')));\n",
);

// pdfjs-dist's two files as CommonJS scripts, which Node 20 can keep compiled code for (src/read/pdf/compiled.ts).
// import.meta.url becomes a parameter, which the loader sets to the original file's URL; any other use of
// import.meta would come out empty, so esbuild's warnings stop the build. Each copy keeps the file's licence
// and version header, the package's LICENSE sits beside them, and version.json says which pdfjs-dist they
// were made from, so that the loader can ignore copies of another version.
const requireHere = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(requireHere.resolve('pdfjs-dist/package.json'));
const pdfjsVersion = JSON.parse(readFileSync(path.join(pdfjsRoot, 'package.json'), 'utf8')).version;
const copies = path.join(root, 'dist/pdfjs-dist');
rmSync(copies, { recursive: true, force: true });

// Edits to pdfjs's code in the copies, for what plancheck asks of pdfjs alone: its text, and the ruling lines of an
// operator list. Each must be found exactly once, or the build stops (pdfjs's code no longer reads as expected).
//
// Glyphs. Each text run of an operator list costs the worker a glyph lookup per character, and, since pdfjs draws
// glyphs without the FontFace API (as plancheck asks, having no fonts to load them into), each new glyph's outline
// compiled into a path and sent across as an object of its own; the glyphs then go to the display layer with the
// list. Only rendering uses any of it. So the copy's text runs in an operator list carry no glyphs (the operators
// themselves are all there, as are the paths and the text state); text content is read by another path, untouched.
//
// Copies of operator lists. pdfjs's parser runs on plancheck's own thread, and the port between it and the display
// layer copies every message (structuredClone), as a worker's would be: for an operator list, thousands of small
// arrays per page, most of what the rulings pass cost once glyphs were gone. The parser hands each chunk of a list
// over in arrays of its own (it empties the arrays it fills as soon as a chunk is sent), whose elements it no
// longer touches, so the port passes chunks of operator lists as they are; every other message is copied as before.
//
// Text content. The same port copied every chunk of a page's text content (a few hundred small objects). The parser
// sends each chunk in arrays and objects it then drops (it starts new ones for the next chunk), so the port hands the
// chunk over too, in an envelope of its own since the parser empties the one it sent.
//
// Text positions. For each glyph pdfjs works out where it stands twice (before and after it), each time multiplying
// three matrices through two calls of Util.transform, with a new array for each product. The copy multiplies them
// with the same sums in the same order, so every position comes out the same to the last bit, and makes one array.
// And pdfjs copies the text state at each save (q) as an object whose prototype is the state it copies: every copy
// then has a hidden class of its own, and the functions that read the state per glyph see so many that their reads
// of it go the slow, generic way. The copy's copies all have TextState's prototype; they hold every field as their own
// properties either way, so nothing reads differently. Together these cut converting the fixture PDFs by about a
// tenth of its CPU time; test/read/pdf/compiled.test.ts checks the text content against pdfjs-dist's own, bit for bit.
//
// Brotli. pdfjs builds its Brotli decoder, unpacking the decoder's dictionary, as the parser loads: about 10 ms of
// CPU at every start of a process that reads a PDF, for a filter that PDF files hardly use. The copy builds it
// the first time a Brotli stream is decoded.
const EDITS = {
  'pdf.worker.mjs': [
    ['let BrotliDecode = makeBrotliDecode();', 'let BrotliDecode = (...args) => (BrotliDecode = makeBrotliDecode())(...args); // plancheck: built on first use'],
    ['handleText(chars, state) {', 'handleText(chars, state) {\n    return []; // plancheck: glyphs are for rendering only'],
    ['PartialEvaluator.buildFontPaths(font, glyphs, this.handler, this.options);', '/* plancheck: glyph outlines are for rendering only */'],
    [
      'fnArray: this.fnArray,\n      argsArray: this.argsArray,\n      lastChunk,',
      'fnArray: this.fnArray.slice(), // plancheck: handed over, not copied (pdf.mjs LoopbackPort)\n      argsArray: this.argsArray.slice(),\n      lastChunk,',
    ],
    [
      'return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));',
      [
        '// plancheck: Util.transform twice, the same sums in the same order, without the array between',
        'const m = textState.textMatrix, c = textState.ctm;',
        'const t0 = m[0] * tsm[0] + m[2] * tsm[1], t1 = m[1] * tsm[0] + m[3] * tsm[1], t2 = m[0] * tsm[2] + m[2] * tsm[3], t3 = m[1] * tsm[2] + m[3] * tsm[3], t4 = m[0] * tsm[4] + m[2] * tsm[5] + m[4], t5 = m[1] * tsm[4] + m[3] * tsm[5] + m[5];',
        'return [c[0] * t0 + c[2] * t1, c[1] * t0 + c[3] * t1, c[0] * t2 + c[2] * t3, c[1] * t2 + c[3] * t3, c[0] * t4 + c[2] * t5 + c[4], c[1] * t4 + c[3] * t5 + c[5]];',
      ].join('\n'),
    ],
    [
      'const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix',
      'const clone = Object.assign(Object.create(TextState.prototype), this); // plancheck: one shape for every text state\n    clone.textMatrix',
    ],
  ],
  'pdf.mjs': [
    [
      'data: structuredClone(obj, transfer ? {',
      'data: obj?.chunk?.fnArray && obj.chunk.argsArray ? obj : Array.isArray(obj?.chunk?.items) && obj.chunk.styles ? { ...obj, chunk: { ...obj.chunk } } : structuredClone(obj, transfer ? { // plancheck: operator lists and text content handed over',
    ],
  ],
};
const editPdfjs = {
  name: 'edit-pdfjs',
  setup(build) {
    build.onLoad({ filter: /pdf(\.worker)?\.mjs$/ }, (args) => {
      let contents = readFileSync(args.path, 'utf8');
      for (const [from, to] of EDITS[path.basename(args.path)] ?? []) {
        if (contents.split(from).length !== 2) throw new Error(`bundle: pdfjs-dist's ${path.basename(args.path)} no longer reads as expected (${JSON.stringify(from)}); see scripts/bundle.mjs`);
        contents = contents.replace(from, to);
      }
      return { contents, loader: 'js' };
    });
  },
};

for (const part of ['pdf.worker', 'pdf']) {
  const entry = path.join(pdfjsRoot, 'legacy/build', `${part}.mjs`);
  const header = /^(?:\s*\/\*[\s\S]*?\*\/)+/.exec(readFileSync(entry, 'utf8'))?.[0].trim() ?? '';
  const result = await build({
    entryPoints: [entry],
    outfile: path.join(copies, `${part}.cjs`),
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'import.meta.url': '__pdfjsUrl' },
    // ASCII only, with anything else escaped: the loader reads the copies as latin1 (src/read/pdf/compiled.ts).
    charset: 'ascii',
    // Without indentation and comments the copies are a quarter smaller (2.5 MB, not 3.3 MB): less to read at every
    // start. Names and code are untouched.
    minifyWhitespace: true,
    banner: { js: `${header}\n"use strict";` },
    plugins: [editPdfjs],
    logLevel: 'warning',
  });
  if (result.warnings.length > 0) throw new Error(`bundle: esbuild warned while converting pdfjs-dist's ${part}.mjs`);
}
copyFileSync(path.join(pdfjsRoot, 'LICENSE'), path.join(copies, 'LICENSE'));
writeFileSync(path.join(copies, 'version.json'), `${JSON.stringify({ version: pdfjsVersion })}\n`);

// The code cache: read the sample plans in a fresh process, then save what V8 compiled. V8 turns a cache down
// when its own options differ, so the process runs without NODE_OPTIONS, as plancheck usually does; a second
// one checks that a plain run takes the cache.
const plainEnv = { ...process.env };
delete plainEnv.NODE_OPTIONS;
execFileSync(process.execPath, [path.join(import.meta.dirname, 'code-cache.mjs')], { stdio: 'inherit', env: plainEnv });
execFileSync(process.execPath, [path.join(import.meta.dirname, 'code-cache.mjs'), '--check'], { stdio: 'inherit', env: plainEnv });
execFileSync(process.execPath, [path.join(import.meta.dirname, 'bundle-cache.mjs')], { stdio: 'inherit', env: { ...plainEnv, PLANCHECK_WRITE_CODE_CACHE: '1' } });
execFileSync(process.execPath, [path.join(import.meta.dirname, 'bundle-cache.mjs'), '--check'], { stdio: 'inherit', env: plainEnv });

// The bundle holds code of the packages it inlines: their licences go beside it.
writeFileSync(path.join(root, 'dist/bundle/THIRD-PARTY-LICENSES.txt'), thirdPartyLicences([start.metafile, bundled.metafile]));

writeFileSync(STAMP, stamp);

/** A digest of what the bundles and caches are made from: dist's compiled sources, the build scripts, the lock file, Node. */
function inputsDigest() {
  const hash = createHash('sha256').update(`${process.version} ${process.arch}\n`);
  const compiled = readdirSync(path.join(root, 'dist'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(path.join('dist', 'bundle')) && !file.startsWith(path.join('dist', 'pdfjs-dist')));
  const scripts = ['bundle.mjs', 'bundle-cache.mjs', 'code-cache.mjs'].map((name) => path.join('scripts', name));
  for (const file of [...compiled.sort(), ...scripts, 'package-lock.json']) {
    hash.update(`${file}\n`);
    if (existsSync(path.join(root, file))) hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

/** The name, version and licence text of every package whose code the bundle holds. */
function thirdPartyLicences(metafiles) {
  const dirs = new Set();
  for (const input of metafiles.flatMap((metafile) => Object.keys(metafile.inputs))) {
    const hit = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (hit) dirs.add(path.join(root, hit[1]));
  }
  const sections = [...dirs].sort().map((dir) => {
    const meta = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((name) => /^licen[cs]e(\.|$)/i.test(name));
    const text = file ? readFileSync(path.join(dir, file), 'utf8').trim() : `(no licence file; package.json says ${meta.license})`;
    return `${meta.name} ${meta.version} (${meta.license})\n\n${text}\n`;
  });
  return `plancheck's dist/bundle includes code from these packages:\n\n${sections.join('\n----------------------------------------\n\n')}`;
}
