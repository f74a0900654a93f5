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
import { readFileSync, rmSync } from 'node:fs';
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

await build({
  absWorkingDir: root,
  entryPoints: { plancheck: 'dist/cli/main.js', worker: 'dist/cli/workers/worker.js' },
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
// import.meta.url becomes a parameter, which the loader sets to the original file's URL.
const pdfjsBuild = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));
rmSync(path.join(root, 'dist/pdfjs-dist'), { recursive: true, force: true });
for (const part of ['pdf.worker', 'pdf']) {
  await build({
    entryPoints: [path.join(pdfjsBuild, `${part}.mjs`)],
    outfile: path.join(root, 'dist/pdfjs-dist', `${part}.cjs`),
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'import.meta.url': '__pdfjsUrl' },
    banner: { js: '"use strict";' },
    logLevel: 'error',
  });
}

// The code cache: read the sample plans in a fresh process, then save what V8 compiled.
execFileSync(process.execPath, [path.join(import.meta.dirname, 'code-cache.mjs')], { stdio: 'inherit' });
