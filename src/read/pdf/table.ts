import { NoPlanError } from '../errors.js';
import type { TableRows } from '../source-row.js';
import { findFurniture } from './furniture.js';
import { buildGrid } from './grid.js';
import { findHeader, repeatedHeader, type Header } from './header.js';
import { groupLines, type Line } from './items.js';
import type { PdfPage } from './load.js';
import { tableRows, type TableArea } from './rows.js';
import type { Rulings } from './rulings.js';

/** How many lines from the top of a later page its repeated header may start at (below a running header). */
const REPEAT_WITHIN = 4;

/** The action-plan table rebuilt from a PDF's pages, and the lines of text above it. */
export interface PdfTable {
  table: TableRows;
  /** The text above the table, one line each, with an empty line between paragraphs. */
  above: string[];
  /** True when the text alone left a row boundary in doubt: the pages' ruling lines would settle it. */
  doubtful: boolean;
  /** The numbers of the pages the table covers. */
  pages: number[];
}

/** Lines above the table, with an empty line wherever a gap between lines marks a new paragraph. */
function paragraphLines(pages: readonly Line[][]): string[] {
  const out: string[] = [];
  for (const lines of pages) {
    lines.forEach((line, i) => {
      const prev = lines[i - 1];
      if (prev && line.baseline - prev.baseline > prev.size * 1.45) out.push('');
      out.push(line.text);
    });
    out.push('');
  }
  return out;
}

/**
 * The lines below a header. Where the page is ruled, the header row ends at the first rule under its last
 * line found: a title centred in its cell can run on below the others' last lines, past where the text
 * alone shows the header to end.
 */
function underHeader(lines: readonly Line[], header: Header, rulings: Rulings | undefined): Line[] {
  const below = lines.slice(header.last + 1);
  const last = lines[header.last]!;
  const foot = rulings?.horizontal.map((r) => r.at).filter((y) => y > last.baseline && y < last.baseline + 4 * last.size);
  if (!foot || foot.length === 0) return below;
  const y = Math.min(...foot);
  // Only what is set like the header is taken into it: a body row above an unruled header's foot stays.
  return below.filter((l) => l.baseline > y || !l.items.every((i) => header.fonts.has(i.font)));
}

/**
 * Find the table by its header row (the first page whose lines name the template's columns), drop the
 * header where it repeats at the top of later pages and the running headers and footers, and cut the
 * text below it into rows, at the ruling lines of pages that carry them. Throws a ReadError when no page
 * has the header.
 */
export function readTable(pages: readonly PdfPage[]): PdfTable {
  const laid = pages.map((p) => ({ number: p.number, height: p.height, lines: groupLines(p.items) }));
  let start = -1;
  let header: Header | null = null;
  for (let i = 0; i < laid.length && !header; i++) {
    header = findHeader(laid[i]!.lines);
    if (header) start = i;
  }
  if (!header) throw new NoPlanError();
  const headers = new Map<number, Header>([[start, header]]);
  for (let i = start + 1; i < laid.length; i++) {
    const again = repeatedHeader(header, laid[start]!.lines, laid[i]!.lines, REPEAT_WITHIN);
    if (again) headers.set(i, again);
  }
  const headerLines = new Set([...headers].flatMap(([i, h]) => laid[i]!.lines.slice(h.first, h.last + 1)));
  const furniture = findFurniture(laid, headerLines);
  const areas: TableArea[] = laid.slice(start).map((page, k) => {
    const h = headers.get(start + k);
    const rulings = pages[start + k]!.rulings;
    const lines = h ? underHeader(page.lines, h, rulings) : page.lines;
    return { page: page.number, header: h !== undefined, lines: lines.filter((l) => !furniture.has(l)), ...(rulings ? { rulings } : {}) };
  });
  const grid = buildGrid(header, areas.flatMap((a) => a.lines));
  const first = header.first;
  const before = laid.slice(0, start + 1).map((page, k) => (k === start ? page.lines.slice(0, first) : page.lines).filter((l) => !furniture.has(l)));
  const { rows, doubtful } = tableRows(areas, grid);
  return { table: { rows }, above: paragraphLines(before), doubtful, pages: areas.map((a) => a.page) };
}
