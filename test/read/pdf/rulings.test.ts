import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemblePlan } from '../../../src/read/assemble/index.js';
import { extractMetadata } from '../../../src/read/metadata.js';
import { loadPdf, type PdfPage } from '../../../src/read/pdf/load.js';
import { loadPdfjs } from '../../../src/read/pdf/pdfjs.js';
import { rulingsOf } from '../../../src/read/pdf/rulings.js';
import { readTable } from '../../../src/read/pdf/table.js';

const dir = join(import.meta.dirname, '../../../fixtures/pdf');
const pagesOf = (file: string, rulings: boolean): Promise<PdfPage[]> => loadPdf(readFileSync(join(dir, file)), { rulings });

/** The model from pages as they were read, with or without their rules. */
function modelOf(pages: PdfPage[]) {
  const { table, above } = readTable(pages);
  return assemblePlan({ table, meta: extractMetadata(above), source: { path: 'x.pdf', format: 'pdf', sha256: '', pages: pages.length } }).document;
}

const owners = (doc: ReturnType<typeof modelOf>, rec: number) => doc.recommendations[rec]!.actions.map((a) => [a.owner, a.due?.raw ?? null]);

describe('PDF ruling lines', () => {
  it('reads the borders of a table as rules in page coordinates, and none from an unruled page', async () => {
    // LibreOffice draws derwent's borders as thin filled bars: full-width rules, and rules that part the
    // action rows only across the response, owner and date columns (the rec cells are merged down).
    const [derwent] = await pagesOf('derwent-row-per-action.pdf', true);
    const across = derwent!.rulings!.horizontal.filter((r) => r.from < 60 && r.to > 535);
    const partial = derwent!.rulings!.horizontal.filter((r) => r.from > 230 && r.from < 240 && r.to > 535);
    expect(across.length).toBeGreaterThanOrEqual(8);
    expect(partial.map((r) => Math.round(r.at))).toEqual([457, 512, 600]);
    // Column rules: the table's two outer edges and five inner ones, at the same x on the page's every row.
    const xs = [...new Set(derwent!.rulings!.vertical.filter((r) => r.from > 300).map((r) => Math.round(r.at)))].sort((a, b) => a - b);
    expect(xs).toEqual([57, 89, 177, 236, 397, 480, 539]);
    const avon = await pagesOf('avon-unruled.pdf', true);
    expect(avon.map((p) => p.rulings)).toEqual(avon.map(() => ({ horizontal: [], vertical: [] })));
  });

  it('follows the transformation matrix through save, transform and restore, and reads stroked and filled paths', async () => {
    const lib = await loadPdfjs();
    const { OPS } = lib;
    // pdfjs 5 paths: [paint op, [path data], bounding box]; 0 moveTo, 1 lineTo, 4 closePath.
    const rect = (x: number, y: number, w: number, h: number) => new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4]);
    const ops = {
      fnArray: [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath, OPS.constructPath],
      argsArray: [
        null,
        [1, 0, 0, 1, 100, 0],
        [OPS.fill, [rect(0, 500, 200, 0.5)], null],
        null,
        [OPS.stroke, [new Float32Array([0, 50, 400, 1, 50, 300])], null],
        [OPS.fill, [rect(300, 300, 100, 100)], null],
        [OPS.endPath, [rect(0, 0, 400, 0.5)], null],
      ],
    };
    // The viewport of a page 800 points high: y runs down from the top.
    const found = rulingsOf(ops, [1, 0, 0, -1, 0, 800], lib);
    expect(found.horizontal).toEqual([{ at: 299.75, from: 100, to: 300 }]);
    expect(found.vertical).toEqual([{ at: 50, from: 400, to: 500 }]);
  });
});

describe('PDF reader: rows from ruling lines where the text alone leaves them in doubt', () => {
  it('severn-centred.chromium.pdf: cells centred in their rows are read right from the text alone', async () => {
    const plain = await pagesOf('severn-centred.chromium.pdf', false);
    // Each row starts as far above its number's middle as it ends below it, where a gap crosses every column.
    expect(readTable(plain).doubtful).toBe(false);
    const guessed = modelOf(plain);
    expect(guessed.recommendations.map((r) => r.number)).toEqual(['1', '2', '3']);
    expect(guessed.recommendations[0]!.text).toBe('Severn PDU should: Improve the planning of work to reduce reoffending.');
    expect(owners(guessed, 1)).toEqual([
      ['Head of PDU', 'May 2025'],
      ['Senior Probation Officers', 'Ongoing'],
    ]);
    expect(guessed.diagnostics).toEqual([]);
  });

  it.each(['severn-centred.pdf', 'severn-centred.chromium.pdf'])('%s: cells centred in their rows: right from the rules', async (file) => {
    if (file === 'severn-centred.pdf') {
      const plain = await pagesOf(file, false);
      expect(readTable(plain).doubtful).toBe(true);
      // LibreOffice centres the header's cells too: from the text alone the rest of a header title lands in a
      // first row with no number.
      expect(modelOf(plain).recommendations[0]!.number).toBeNull();
    }
    const ruled = modelOf(await pagesOf(file, true));
    expect(ruled.recommendations.map((r) => r.number)).toEqual(['1', '2', '3']);
    expect(ruled.recommendations[0]!.text).toBe('Severn PDU should: Improve the planning of work to reduce reoffending.');
    expect(owners(ruled, 1)).toEqual([
      ['Head of PDU', 'May 2025'],
      ['Senior Probation Officers', 'Ongoing'],
    ]);
    expect(ruled.diagnostics).toEqual([]);
  });

  it('tamar (Chromium): a row with neither owner nor date at the top of a page is a row of its own, not the rest of the one above', async () => {
    const plain = await pagesOf('tamar-row-per-action.chromium.pdf', false);
    expect(readTable(plain).doubtful).toBe(true);
    const guessed = modelOf(plain);
    // From the text alone it continues the row above, and so becomes part of that row's one action.
    expect(owners(guessed, 1)).toEqual([
      ['Victim Liaison Manager', 'November 2024'],
      ['Senior Probation Officers', 'Monthly from October 2024'],
    ]);
    const ruled = modelOf(await pagesOf('tamar-row-per-action.chromium.pdf', true));
    expect(owners(ruled, 1)).toEqual([
      ['Victim Liaison Manager', 'November 2024'],
      ['Senior Probation Officers', 'Monthly from October 2024'],
      [null, null],
    ]);
    expect(ruled.recommendations[1]!.actions.map((a) => a.location.page)).toEqual([2, 2, 3]);
    expect(ruled.diagnostics).toEqual([]);
  });

  it('tamar (LibreOffice): a row with neither owner nor date inside a page is a row of its own', async () => {
    const guessed = modelOf(await pagesOf('tamar-row-per-action.pdf', false));
    expect(owners(guessed, 1)).toHaveLength(2);
    const ruled = modelOf(await pagesOf('tamar-row-per-action.pdf', true));
    expect(owners(ruled, 1)[2]).toEqual([null, null]);
  });

  it.each(['wessex-stacked.pdf', 'wessex-stacked.chromium.pdf', 'derwent-row-per-action.pdf', 'derwent-row-per-action.chromium.pdf', 'avon-unruled.pdf', 'avon-unruled.chromium.pdf'])(
    '%s: the text leaves no row in doubt, so the rules are not read; read anyway, they give the same plan',
    async (file) => {
      const plain = await pagesOf(file, false);
      expect(readTable(plain).doubtful).toBe(false);
      expect(modelOf(await pagesOf(file, true))).toEqual(modelOf(plain));
    },
  );
});
