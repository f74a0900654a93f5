import { ReadError } from '../errors.js';
import { startDocument } from '../pdf/load.js';
import { loadPdfjs } from '../pdf/pdfjs.js';
import type { ReportLine } from './lines.js';

/** One printed line of a PDF page: its text, baseline, left edge and font size. */
export interface PdfTextLine {
  text: string;
  y: number;
  x: number;
  size: number;
}

/** The parts of a pdfjs text item this module reads. */
interface TextPiece {
  str: string;
  transform: number[];
  width: number;
}

interface PagedLine extends PdfTextLine {
  page: number;
  pageHeight: number;
}

const sizeOf = (t: readonly number[]): number => Math.hypot(t[2] ?? 0, t[3] ?? 0) || Math.hypot(t[0] ?? 0, t[1] ?? 0);

/**
 * Group a page's text items into printed lines, top to bottom: items on one baseline and of a like size
 * (a small running footer beside body text stays apart), joined left to right with a space only where the
 * gap between them is wider than a letter's spacing.
 */
export function textItemsToLines(items: readonly TextPiece[]): PdfTextLine[] {
  const rows: Array<{ y: number; size: number; pieces: TextPiece[] }> = [];
  for (const item of items) {
    if (item.str === '') continue;
    const size = sizeOf(item.transform);
    const y = item.transform[5] ?? 0;
    const row = rows.find((r) => Math.abs(r.y - y) < 0.4 * Math.max(size, r.size) && Math.abs(Math.log(size / r.size)) < 0.2);
    if (row) row.pieces.push(item);
    else rows.push({ y, size, pieces: [item] });
  }
  const lines: PdfTextLine[] = [];
  for (const row of rows) {
    const pieces = [...row.pieces].sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
    let text = '';
    let end = -Infinity;
    for (const p of pieces) {
      const x = p.transform[4] ?? 0;
      if (text !== '' && x - end > 0.15 * row.size && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
      text += p.str;
      end = x + p.width;
    }
    text = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
    if (text !== '') lines.push({ text, y: row.y, x: pieces[0]?.transform[4] ?? 0, size: row.size });
  }
  return lines.sort((a, b) => b.y - a.y || a.x - b.x);
}

/** The value that occurs most often, weighted; the first on ties. */
function mode(values: ReadonlyArray<[value: number, weight: number]>): number {
  const counts = new Map<number, number>();
  for (const [v, w] of values) counts.set(v, (counts.get(v) ?? 0) + w);
  let best = 0;
  let bestCount = -1;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

/** A line's words with its numbers blanked, so that "Page 3" and "Page 4" repeat as one running line. */
const runningKey = (l: PagedLine): string => l.text.replace(/\d+/g, '#').toLowerCase();

/** Running headers and footers: the same words near the top or bottom edge of at least half the pages. */
function runningLines(lines: readonly PagedLine[], pages: number): Set<string> {
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines) {
    if (l.y > 0.12 * l.pageHeight && l.y < 0.88 * l.pageHeight) continue;
    const set = pagesOf.get(runningKey(l)) ?? new Set<number>();
    set.add(l.page);
    pagesOf.set(runningKey(l), set);
  }
  const running = new Set<string>();
  for (const [k, set] of pagesOf) if (set.size >= 2 && set.size >= pages / 2) running.add(k);
  return running;
}

/** Why pdfjs refused a file, as one line. */
function pdfReason(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') return 'the PDF is encrypted';
  if (name === 'InvalidPDFException') return 'the PDF is damaged or not a PDF';
  return `the PDF cannot be read: ${err instanceof Error ? err.message : String(err)}`;
}

/**
 * The lines of a PDF report: running headers and footers dropped, a line larger than the body text a
 * heading, a gap wider than the usual line spacing a new paragraph. A page break is not a paragraph break,
 * so an item cut by it is joined again.
 */
export async function pdfLines(bytes: Uint8Array): Promise<ReportLine[]> {
  const { task, release } = startDocument(await loadPdfjs(), bytes);
  const paged: PagedLine[] = [];
  let pages = 0;
  try {
    const doc = await task.promise.catch((err: unknown) => {
      throw new ReadError(pdfReason(err), { cause: err });
    });
    pages = doc.numPages;
    for (let p = 1; p <= pages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const pageHeight = page.view[3] ?? 0;
      const items = content.items.filter((i): i is TextPiece & typeof i => 'str' in i);
      for (const line of textItemsToLines(items)) paged.push({ ...line, page: p, pageHeight });
    }
  } finally {
    await task.destroy().finally(release);
  }
  if (paged.length === 0) throw new ReadError('the PDF has no text layer (is it a scan?)');
  const running = runningLines(paged, pages);
  const body = paged.filter((l) => !running.has(runningKey(l)));
  const bodySize = mode(body.map((l) => [Math.round(l.size * 2) / 2, l.text.length]));
  const gaps: Array<[number, number]> = [];
  body.forEach((l, i) => {
    const prev = body[i - 1];
    if (prev && prev.page === l.page && Math.abs(prev.size - l.size) < 0.5) gaps.push([Math.round((prev.y - l.y) * 2) / 2, 1]);
  });
  const lineGap = gaps.length > 0 ? mode(gaps) : bodySize * 1.2;
  return body.map((l, i) => {
    const prev = body[i - 1];
    const heading = l.size > bodySize * 1.15;
    const newPage = prev === undefined || prev.page !== l.page;
    const paragraph = prev === undefined || heading || prev.size > bodySize * 1.15 || (!newPage && prev.y - l.y > lineGap * 1.25);
    return { text: l.text, heading, paragraph };
  });
}
