// Write the V8 code cache of pdfjs-dist's script copies (dist/pdfjs-dist/*.cjs.cache): load them, read the
// fixture PDFs (so that the cache holds the functions reading compiles, ruling lines included), and save.
// Run by scripts/bundle.mjs in a process of its own; without fixtures, the cache holds what loading compiled.
// With --check, only load them and warn when V8 turns a cache down.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compiledScripts, saveCodeCache } from '../dist/read/pdf/compiled.js';
import { loadPdf } from '../dist/read/pdf/load.js';
import { loadPdfjs } from '../dist/read/pdf/pdfjs.js';

const root = path.join(import.meta.dirname, '..');

await loadPdfjs();
if (process.argv.includes('--check')) {
  const scripts = compiledScripts();
  const refused = scripts.filter((s) => s.cacheRejected !== false).map((s) => path.relative(root, s.file));
  if (scripts.length === 0) console.warn('code-cache: pdfjs was not loaded from dist/pdfjs-dist');
  else if (refused.length > 0) console.warn(`code-cache: V8 turned down the cache of ${refused.join(', ')}: pdfjs will be compiled at every start`);
} else {
  const samples = ['fixtures/plans', 'fixtures/pdf']
    .map((dir) => path.join(root, dir))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.pdf')).map((name) => path.join(dir, name)));
  for (const file of samples) await loadPdf(readFileSync(file), { rulings: true });
  if (saveCodeCache() === 0) {
    console.error('code-cache: pdfjs was not loaded from dist/pdfjs-dist; nothing saved');
    process.exitCode = 1;
  }
}
