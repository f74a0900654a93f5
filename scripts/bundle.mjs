// Bundle the compiled CLI (dist/cli) into dist/bundle, which bin/plancheck.js runs, and write pdfjs-dist's legacy
// build as scripts with a V8 code cache into dist/pdfjs-dist. Run after tsc (npm run build).
//
// Why: Node's ES module loader pays for every file it resolves, opens and links. The CLI and its start-up
// dependencies are about 100 small files, which cost about 40 ms before anything is read; one file and a few
// chunks cost a fraction of that. Readers, zod and yaml stay in chunks of their own, loaded on first use.
//
// dist/bundle sits two folders below the package root, as dist/cli does, so paths the code builds from its
// own location (the worker script beside it, ../../package.json) hold in both layouts.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Dependencies every run loads at start-up: bundled. The rest stay packages, imported when first needed. */
const BUNDLED = new Set(['commander', 'chalk', 'tinyglobby', 'fastest-levenshtein']);
const external = Object.keys(pkg.dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

// Chunk names carry a hash: clear out the last build's.
rmSync(path.join(root, 'dist/bundle'), { recursive: true, force: true });

const bundled = await build({
  absWorkingDir: root,
  metafile: true,
  entryPoints: { plancheck: 'dist/cli/main.js', worker: 'dist/cli/workers/worker.js', prestart: 'dist/cli/workers/prestart.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // Bundled CommonJS packages (commander, picomatch) call require, which an ES module lacks.
  banner: { js: "import { createRequire as __plancheckRequire } from 'node:module';\nconst require = __plancheckRequire(import.meta.url);" },
  logLevel: 'warning',
});

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
const EDITS = {
  'pdf.worker.mjs': [
    ['handleText(chars, state) {', 'handleText(chars, state) {\n    return []; // plancheck: glyphs are for rendering only'],
    ['PartialEvaluator.buildFontPaths(font, glyphs, this.handler, this.options);', '/* plancheck: glyph outlines are for rendering only */'],
    [
      'fnArray: this.fnArray,\n      argsArray: this.argsArray,\n      lastChunk,',
      'fnArray: this.fnArray.slice(), // plancheck: handed over, not copied (pdf.mjs LoopbackPort)\n      argsArray: this.argsArray.slice(),\n      lastChunk,',
    ],
  ],
  'pdf.mjs': [
    [
      'data: structuredClone(obj, transfer ? {',
      'data: obj?.chunk?.fnArray && obj.chunk.argsArray ? obj : structuredClone(obj, transfer ? { // plancheck: operator lists handed over',
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

// The bundle holds code of the packages it inlines: their licences go beside it.
writeFileSync(path.join(root, 'dist/bundle/THIRD-PARTY-LICENSES.txt'), thirdPartyLicences(bundled.metafile));

/** The name, version and licence text of every package whose code the bundle holds. */
function thirdPartyLicences(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
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
