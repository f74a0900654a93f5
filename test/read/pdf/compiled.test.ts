import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../../..');
/** As the build makes the cache: V8 turns a cache down when its options differ, and NODE_OPTIONS may set some. */
const PLAIN_ENV = { ...process.env, NODE_OPTIONS: undefined };

/** Run an ES module script with plain `node` in the package root and parse the JSON it prints. */
function runNode(script: string): unknown {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: PLAIN_ENV });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

describe("pdfjs-dist's script copies with their code cache (dist/pdfjs-dist, made by npm run build)", () => {
  it('are what the reader loads, and V8 takes their code cache', () => {
    const result = runNode(`
      import { loadPdfjs } from './dist/read/pdf/pdfjs.js';
      import { compiledScripts } from './dist/read/pdf/compiled.js';
      await loadPdfjs();
      console.log(JSON.stringify(compiledScripts().map((s) => [s.file.split(/[\\\\/]/).slice(-2).join('/'), s.cacheRejected])));
    `);
    expect(result).toEqual([
      ['pdfjs-dist/pdf.worker.cjs', false],
      ['pdfjs-dist/pdf.cjs', false],
    ]);
  });

  it('are what the CLI itself loads, and V8 takes their code cache, and that of the CLI\'s and the worker\'s bundles', () => {
    // Each vm.Script made by any process of the run (the file is read in a worker process, which inherits the
    // preload) is appended to a log with whether V8 took its cache.
    const log = path.join(mkdtempSync(path.join(tmpdir(), 'plancheck-scripts-')), 'scripts.log');
    const preload = `import vm from 'node:vm';
      import { appendFileSync } from 'node:fs';
      const Script = vm.Script;
      vm.Script = class extends Script {
        constructor(source, options) {
          super(source, options);
          appendFileSync(${JSON.stringify(log)}, 'script ' + options.filename.split(/[\\\\/]/).slice(-2).join('/') + ' ' + this.cachedDataRejected + '\\n');
        }
      };`;
    const run = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, 'bin/plancheck.js', 'convert', 'fixtures/plans/parallel.pdf'],
      { cwd: ROOT, encoding: 'utf8', env: PLAIN_ENV },
    );
    expect(run.status).toBe(0);
    // The CLI's bundle runs in this process, the worker's and pdfjs in the worker process, at the same time.
    expect(readFileSync(log, 'utf8').split('\n').filter((l) => l.startsWith('script ')).sort()).toEqual([
      'script bundle/plancheck.cjs false',
      'script bundle/worker.cjs false',
      'script pdfjs-dist/pdf.cjs false',
      'script pdfjs-dist/pdf.worker.cjs false',
    ]);
    rmSync(path.dirname(log), { recursive: true, force: true });
  });

  it('give every page the same text content as the pdfjs-dist modules, to the last bit of every position (parser and display layer both)', () => {
    const result = runNode(`
      import { readFileSync } from 'node:fs';
      import { compiledCopy, runCompiled } from './dist/read/pdf/compiled.js';
      globalThis.DOMMatrix = class {}; globalThis.ImageData = class {}; globalThis.Path2D = class {};
      const copy = runCompiled(compiledCopy('pdf'), 'pdf');
      const worker = runCompiled(compiledCopy('pdf.worker'), 'pdf.worker');
      const moduleWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      const module = await import('pdfjs-dist/legacy/build/pdf.mjs');
      async function text(lib, file) {
        const doc = await lib.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false }).promise;
        const pages = [];
        for (let n = 1; n <= doc.numPages; n++) {
          // Every field of every item and style, marked content included; -0 kept apart from 0.
          const content = await (await doc.getPage(n)).getTextContent({ includeMarkedContent: true });
          pages.push(JSON.stringify({ items: content.items, styles: content.styles }, (key, value) => (Object.is(value, -0) ? '-0' : value)));
        }
        await doc.destroy();
        return pages;
      }
      const files = ['fixtures/plans/parallel.pdf', 'fixtures/plans/borderless.chromium.pdf', 'fixtures/pdf/wessex-stacked.chromium.pdf'];
      const out = [];
      for (const file of files) {
        // Each library takes the parser set here on its first document, and keeps it.
        globalThis.pdfjsWorker = worker;
        const a = await text(copy, file);
        globalThis.pdfjsWorker = moduleWorker;
        const b = await text(module, file);
        out.push([file, a.length, a.reduce((n, page) => n + JSON.parse(page).items.length, 0), JSON.stringify(a) === JSON.stringify(b)]);
      }
      console.log(JSON.stringify(out));
    `) as Array<[string, number, number, boolean]>;
    for (const [file, pages, items, same] of result) {
      expect([file, pages > 0, items > 20, same]).toEqual([file, true, true, true]);
    }
  });

  it('decode Brotli streams, whose decoder the copy builds when the first is read', () => {
    // Two pages whose content streams are Brotli-compressed (/BrotliDecode, PDF 2.0): the first builds the
    // decoder, the second uses the one built.
    const dir = mkdtempSync(path.join(tmpdir(), 'plancheck-brotli-'));
    const file = path.join(dir, 'brotli.pdf');
    writeFileSync(file, brotliPdf(['Brotli page one', 'Brotli page two']));
    const result = runNode(`
      import { readFileSync } from 'node:fs';
      import { loadPdfjs } from './dist/read/pdf/pdfjs.js';
      import { compiledScripts } from './dist/read/pdf/compiled.js';
      const lib = await loadPdfjs();
      const doc = await lib.getDocument({ data: new Uint8Array(readFileSync(${JSON.stringify(file)})), verbosity: 0, isEvalSupported: false }).promise;
      const pages = [];
      for (let n = 1; n <= doc.numPages; n++) pages.push((await (await doc.getPage(n)).getTextContent()).items.map((i) => i.str).join(''));
      await doc.destroy();
      console.log(JSON.stringify([compiledScripts().length, pages]));
    `);
    rmSync(dir, { recursive: true, force: true });
    expect(result).toEqual([2, ['Brotli page one', 'Brotli page two']]);
  });

  it('give the same operator lists, and so the same ruling lines, as the pdfjs-dist modules, though the copy leaves out glyph outlines', () => {
    const result = runNode(`
      import { readFileSync } from 'node:fs';
      import { compiledCopy, runCompiled } from './dist/read/pdf/compiled.js';
      import { rulingsOf } from './dist/read/pdf/rulings.js';
      globalThis.DOMMatrix = class {}; globalThis.ImageData = class {}; globalThis.Path2D = class {};
      const copy = runCompiled(compiledCopy('pdf'), 'pdf');
      const worker = runCompiled(compiledCopy('pdf.worker'), 'pdf.worker');
      const moduleWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      const module = await import('pdfjs-dist/legacy/build/pdf.mjs');
      async function read(lib, file) {
        const doc = await lib.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
        const pages = [];
        let outlines = 0;
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          const ops = await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE });
          pages.push({ fns: ops.fnArray.join(), rulings: rulingsOf(ops, page.getViewport({ scale: 1 }).transform, lib) });
          outlines += [...page.commonObjs].filter(([, value]) => value?.constructor?.name === 'FontPathInfo').length;
        }
        await doc.destroy();
        return { pages, outlines };
      }
      const file = 'fixtures/pdf/severn-centred.chromium.pdf';
      globalThis.pdfjsWorker = worker;
      const a = await read(copy, file);
      globalThis.pdfjsWorker = moduleWorker;
      const b = await read(module, file);
      console.log(JSON.stringify({
        pages: a.pages.length,
        rules: a.pages.map((p) => p.rulings.horizontal.length + p.rulings.vertical.length),
        same: JSON.stringify(a.pages) === JSON.stringify(b.pages),
        outlines: [a.outlines, b.outlines > 0],
      }));
    `) as { pages: number; rules: number[]; same: boolean; outlines: [number, boolean] };
    expect(result.pages).toBe(2);
    expect(result.rules.every((n) => n > 20)).toBe(true);
    expect(result.same).toBe(true);
    // The modules compile glyph outlines for the page's text; the copy none.
    expect(result.outlines).toEqual([0, true]);
  });
});

/** A PDF of one line of text per page, each page's content stream compressed with Brotli. */
function brotliPdf(lines: readonly string[]): Buffer {
  const font = 3 + lines.length * 2;
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from(`<< /Type /Pages /Kids [${lines.map((_, i) => `${3 + i * 2} 0 R`).join(' ')}] /Count ${lines.length} >>`),
  ];
  for (const [i, line] of lines.entries()) {
    objects.push(Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${4 + i * 2} 0 R >>`));
    const content = brotliCompressSync(Buffer.from(`BT /F1 12 Tf 20 100 Td (${line}) Tj ET`));
    objects.push(Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /BrotliDecode >>\nstream\n`), content, Buffer.from('\nendstream')]));
  }
  objects.push(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'));
  const parts: Buffer[] = [Buffer.from('%PDF-2.0\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  for (const [i, body] of objects.entries()) {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  }
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}
