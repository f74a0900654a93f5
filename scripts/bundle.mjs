// Bundle the compiled CLI (dist/cli) into dist/bundle, which bin/plancheck.js runs. Run after tsc (npm run build).
//
// Why: Node's ES module loader pays for every file it resolves, opens and links. The CLI and its start-up
// dependencies are about 100 small files, which cost about 40 ms before anything is read; one file and a few
// chunks cost a fraction of that. Readers, zod and yaml stay in chunks of their own, loaded on first use.
//
// dist/bundle sits two folders below the package root, as dist/cli does, so paths the code builds from its
// own location (the worker script beside it, ../../package.json) hold in both layouts.
import { readFileSync, rmSync } from 'node:fs';
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
