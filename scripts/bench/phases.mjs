// Where the PDF reader's time goes beyond pdfjs's text extraction, measured in one process so that a busy machine
// blurs it less than the whole-run benchmark (run.mjs): for each PDF in turn, the floor (getTextContent on every
// page, as floor.mjs does) and then each phase of the reader on the same file, so that a change in the machine's
// load falls on both alike; the CPU time of each phase is added up over the files, and the best of several passes
// is kept. Usage (after npm run build):
//   node scripts/bench/phases.mjs [--passes N] [FILE.pdf...]     default: the fixture PDFs, 8 passes
// Phases: text (openPdf: text, annotations, items), table (readTable, header search included), rulings (operator
// lists of the documents whose text leaves a row in doubt), table again (the rows cut with the rulings), model
// (planOf: the shared table-to-model step and the conservation check).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist/read/pdf');
const { values, positionals } = parseArgs({ options: { passes: { type: 'string', default: '8' } }, allowPositionals: true });
const files =
  positionals.length > 0
    ? positionals
    : ['fixtures/plans', 'fixtures/pdf'].flatMap((dir) =>
        readdirSync(path.join(ROOT, dir))
          .filter((name) => name.endsWith('.pdf') && !name.includes('password'))
          .map((name) => path.join(ROOT, dir, name)),
      );

const { loadPdfjs } = await import(path.join(DIST, 'pdfjs.js'));
const { openPdf, startDocument } = await import(path.join(DIST, 'load.js'));
const { frameTable, readTable } = await import(path.join(DIST, 'table.js'));
const { planOf } = await import(path.join(DIST, 'index.js'));
const lib = await loadPdfjs();
const inputs = files.map((file) => ({ path: file, bytes: new Uint8Array(readFileSync(file)) }));
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function floor(bytes) {
  const { task, release } = startDocument(lib, bytes);
  const doc = await task.promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    page.getViewport({ scale: 1 });
    await page.getTextContent({ includeMarkedContent: true });
    page.cleanup();
  }
  await doc.destroy();
  release();
}

/** One pass over the files: milliseconds of CPU per phase, and how many documents needed their rulings. */
async function pass() {
  const ms = { floor: 0, text: 0, table: 0, rulings: 0, 'table again': 0, model: 0 };
  let doubtful = 0;
  const time = async (phase, work) => {
    const start = cpu();
    const out = await work();
    ms[phase] += cpu() - start;
    return out;
  };
  for (const input of inputs) {
    await time('floor', () => floor(input.bytes));
    const doc = await time('text', () => openPdf(input.bytes));
    const frame = await time('table', () => frameTable(doc.pages));
    let read = await time('table', () => readTable(doc.pages, frame));
    if (read.doubtful) {
      doubtful++;
      await time('rulings', () => doc.readRulings(read.pages));
      read = await time('table again', () => readTable(doc.pages, frame));
    }
    await doc.close();
    await time('model', () => planOf(read, input, doc.pages.length));
  }
  return { ms, doubtful };
}

await pass(); // warm-up: compile and optimise, as a batch's first files do
const best = {};
let doubtful = 0;
for (let i = 0; i < Number(values.passes); i++) {
  const run = await pass();
  doubtful = run.doubtful;
  for (const [phase, ms] of Object.entries(run.ms)) best[phase] = Math.min(best[phase] ?? Infinity, ms);
}
// The text phase does what the floor does and a little more (annotations, items), right after the floor read the same
// file; what the reader adds is the rest, given as a share of the floor.
const own = best.table + best.rulings + best['table again'] + best.model;
const share = (ms) => `${((100 * ms) / best.floor).toFixed(0)} % of the floor`;
console.log(`${inputs.length} PDFs (${doubtful} read with their rulings), best of ${values.passes} passes, CPU ms:`);
for (const [phase, ms] of Object.entries(best)) console.log(`  ${phase.padEnd(12)} ${ms.toFixed(0).padStart(6)}${phase === 'floor' ? '' : `  ${share(ms)}`}`);
console.log(`the reader's own work (table, rulings, table again, model): ${own.toFixed(0)} ms, ${share(own)}`);
