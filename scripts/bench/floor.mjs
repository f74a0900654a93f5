// The floor for PDF reading: open each PDF with pdfjs-dist and call getTextContent on every page, nothing more,
// with the getDocument options of src/read/pdf/load.ts and pdfjs loaded the way the reader loads it
// (dist/read/pdf/pdfjs.js: parser on this thread, no canvas package, natives kept; dist/read/pdf/inflate.js:
// Flate streams through zlib). Usage:
//   node scripts/bench/floor.mjs [--plain] FILE.pdf...     prints {"files":n,"pages":n,"items":n}
// --plain imports pdfjs-dist as is instead, as a script that knows nothing of plancheck would.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const plain = args[0] === '--plain';
const files = plain ? args.slice(1) : args;
const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const readerLoader = join(import.meta.dirname, '../../dist/read/pdf/pdfjs.js');

async function plainImport() {
  globalThis.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}
const reader = !plain && existsSync(readerLoader);
const pdfjs = reader ? await (await import(readerLoader)).loadPdfjs() : await plainImport();
// The reader decompresses with zlib instead of the web's DecompressionStream while it reads (inflate.js); so does
// the floor, unless --plain.
if (reader) (await import(join(import.meta.dirname, '../../dist/read/pdf/inflate.js'))).useInflate();

let pages = 0;
let items = 0;
for (const file of files) {
  const task = pdfjs.getDocument({
    data: new Uint8Array(readFileSync(file)),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    cMapUrl: `${join(root, 'cmaps')}/`,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
  });
  const doc = await task.promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    page.getViewport({ scale: 1 });
    items += (await page.getTextContent({ includeMarkedContent: true })).items.length;
    page.cleanup();
    pages += 1;
  }
  await doc.destroy();
}
process.stdout.write(`${JSON.stringify({ files: files.length, pages, items })}\n`);
