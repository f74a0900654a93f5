// Write the V8 code cache of pdfjs-dist's script copies (dist/pdfjs-dist/*.cjs.cache): load them, read the
// fixture PDFs (so that the cache holds the functions reading compiles, ruling lines included), and save.
// Run by scripts/bundle.mjs in a process of its own; without fixtures, the cache holds what loading compiled.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { saveCodeCache } from '../dist/read/pdf/compiled.js';
import { loadPdf } from '../dist/read/pdf/load.js';
import { loadPdfjs } from '../dist/read/pdf/pdfjs.js';

const root = path.join(import.meta.dirname, '..');
const samples = ['fixtures/plans', 'fixtures/pdf']
  .map((dir) => path.join(root, dir))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.pdf')).map((name) => path.join(dir, name)));

await loadPdfjs();
for (const file of samples) await loadPdf(readFileSync(file), { rulings: true });
const saved = saveCodeCache();
if (saved === 0) {
  console.error('code-cache: pdfjs was not loaded from dist/pdfjs-dist; nothing saved');
  process.exitCode = 1;
}
