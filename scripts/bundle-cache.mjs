// Write the V8 code cache of the CLI's and the worker's bundles (dist/bundle/*.cjs.cache): run the CLI on sample
// plans of every format, so that the caches hold what reading, checking and reporting compile, and save.
// Run by scripts/bundle.mjs in a process of its own, with PLANCHECK_WRITE_CODE_CACHE=1 (src/cli/run-bundle.ts):
// the worker saves after each file, the CLI when this process exits. With --check, only load the bundles and
// warn when V8 turns a cache down.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { bundleScripts, runBundle } from '../dist/bundle/start.js';

const root = path.join(import.meta.dirname, '..');
const bundle = (name) => new URL(`../dist/bundle/${name}`, import.meta.url);

if (process.argv.includes('--check')) {
  runBundle(bundle('plancheck.cjs'));
  const refused = bundleScripts().filter((s) => s.cacheRejected !== false).map((s) => path.relative(root, s.file));
  if (refused.length > 0) console.warn(`bundle-cache: V8 turned down the cache of ${refused.join(', ')}: it will be compiled at every start`);
} else {
  const { main } = runBundle(bundle('plancheck.cjs'));
  const samples = [
    ...['parallel', 'row-per-action'].flatMap((plan) => ['html', 'docx', 'pdf', 'chromium.pdf'].map((ext) => `fixtures/plans/${plan}.${ext}`)),
    'fixtures/pdf/severn-centred.pdf',
    'fixtures/text/000-london.txt',
    'fixtures/text/002-essex-northants-1.txt',
  ].filter((file) => existsSync(path.join(root, file)));
  const quiet = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  const run = (argv) => main({ argv, stdout: quiet(), stderr: quiet(), stdin: undefined, cwd: root });
  // One worker reads every sample: its cache holds the readers and the rules.
  if (samples.length > 0) await run(['validate', '--jobs', '1', '--format', 'json', ...samples]);
  // The workers of the runs below would save caches of less.
  delete process.env.PLANCHECK_WRITE_CODE_CACHE;
  if (samples.length > 0) {
    for (const format of ['stylish', 'sarif', 'github', 'html']) await run(['validate', '--format', format, ...samples.slice(0, 2)]);
    await run(['convert', '--format', 'json', ...samples.slice(0, 2)]);
    // A single text export or HTML page is read in the CLI's own process: its cache holds those readers too.
    for (const single of samples.filter((file) => /\.(txt|html)$/.test(file))) {
      await run(['validate', single]);
      await run(['convert', single]);
    }
  }
  // Without the fixtures (a package built where they are not), the caches hold what starting compiled.
  if (samples.length > 0 && !existsSync(path.join(root, 'dist/bundle/worker.cjs.cache'))) console.warn('bundle-cache: the worker saved no code cache');
}
