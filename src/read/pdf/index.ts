import { assemblePlan } from '../assemble/index.js';
import { NoPlanError, ReadError } from '../errors.js';
import { sha256 } from '../hash.js';
import { extractMetadata } from '../metadata.js';
import type { ParsedPlan, ReadInput } from '../parsed.js';
import { lostText } from './conserve.js';
import { openPdf } from './load.js';
import { frameTable, readTable, type PdfTable } from './table.js';

/**
 * Read a PDF action plan: the text of each page with its positions (pdfjs), the table rebuilt from it (and
 * from the pages' ruling lines, where the text leaves rows in doubt), then the shared table-to-model step.
 * Throws a ReadError with a one-line reason for a file that cannot be read as a plan: encrypted, damaged,
 * a scan with no text, or text with no action-plan table.
 */
export async function readPdf(input: ReadInput): Promise<ParsedPlan> {
  const doc = await openPdf(input.bytes);
  const pages = doc.pages;
  let read: PdfTable;
  try {
    if (!pages.some((p) => p.hasText)) throw new ReadError('no text layer: scanned document?');
    const frame = frameTable(pages);
    read = readTable(pages, frame);
    // Ruling lines cost a second pass over each page: read them only when the text left a row in doubt. Where
    // the table stands does not depend on them: the rows are cut again, in the same frame.
    if (read.doubtful) {
      await doc.readRulings(read.pages);
      read = readTable(pages, frame);
    }
  } finally {
    await doc.close();
  }
  return planOf(read, input, pages.length);
}

/**
 * The model of a PDF whose table has been read: the shared table-to-model step, then the conservation check
 * (every word of the table's area is in the model, or named in a text-lost diagnostic). Throws a ReadError
 * when the table holds no recommendation.
 */
export function planOf(read: PdfTable, input: ReadInput, pages: number): ParsedPlan {
  const { table, above, area, headings } = read;
  const parsed = assemblePlan({
    table,
    meta: extractMetadata(above),
    source: { path: input.path, format: 'pdf', sha256: sha256(input.bytes), pages },
  });
  if (parsed.document.recommendations.length === 0) throw new NoPlanError();
  const numberCells = table.rows.flatMap((row) => ('cells' in row ? (row.cells.number ?? []).map((piece) => piece.text) : []));
  parsed.document.diagnostics.push(...lostText(area, parsed.document, [...headings, ...numberCells]));
  return parsed;
}
