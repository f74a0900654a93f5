import { NoPlanError } from '../errors.js';
import type { TableRows } from '../source-row.js';
import { findFurniture } from './furniture.js';
import { buildGrid } from './grid.js';
import { completeHeader, findHeader, headerRest, headersBelow, repeatedHeader, sideBySide, type Header } from './header.js';
import { groupLines, makeLine, type Line, type TextItem } from './items.js';
import type { PdfPage } from './load.js';
import { top } from './bands.js';
import type { AreaText } from './conserve.js';
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
  /** The text of the table's area, page by page, for the conservation check. */
  area: AreaText[];
  /** The heading lines made into heading rows, as drawn. */
  headings: string[];
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

/** One table of the plan: its header, and its text page by page. */
interface Segment {
  header: Header;
  areas: TableArea[];
}

/** Only the rules between two heights of a page: those of one of the tables on it. */
function rulingsBetween(rulings: Rulings | undefined, from: number, to: number): Rulings | undefined {
  if (!rulings) return undefined;
  return {
    ...rulings,
    horizontal: rulings.horizontal.filter((r) => r.at >= from && r.at < to),
    vertical: rulings.vertical.filter((r) => r.to > from && r.from < to),
  };
}

/**
 * Cut the table's pages into the tables they hold: a header lower on a page (`cuts` gives each, with the
 * baseline of its first line) ends one table there and starts the next, which begins afresh on that page.
 */
function segments(header: Header, areas: readonly TableArea[], cuts: (k: number) => Array<{ header: Header; y: number }>): Segment[] {
  const out: Segment[] = [{ header, areas: [] }];
  areas.forEach((area, k) => {
    let lines = area.lines;
    let from = -Infinity;
    let starts = area.header;
    for (const cut of cuts(k)) {
      const above = lines.filter((l) => l.baseline < cut.y);
      if (above.length > 0) out.at(-1)!.areas.push(pieceOf(area, above, starts, from, cut.y));
      out.push({ header: cut.header, areas: [] });
      lines = lines.filter((l) => l.baseline > cut.y);
      from = cut.y;
      starts = true;
    }
    out.at(-1)!.areas.push(pieceOf(area, lines, starts, from, Infinity));
  });
  return out.filter((s) => s.areas.length > 0);
}

/**
 * Two tables side by side under the header's page: the one on the left, then the one on the right, which the
 * later pages carry on (a page holds the two side by side only where the doubled header stands).
 */
function besideEachOther(pair: { left: Header; right: Header; x: number }, areas: readonly TableArea[]): Segment[] {
  const [first, ...rest] = areas;
  if (!first) return [];
  const side = (keep: (item: TextItem) => boolean): Line[] =>
    first.lines.map((l) => l.items.filter(keep)).filter((items) => items.length > 0).map((items) => makeLine(items));
  return [
    { header: pair.left, areas: [{ ...first, lines: side((i) => i.x < pair.x) }] },
    { header: pair.right, areas: [{ ...first, lines: side((i) => i.x >= pair.x) }, ...rest] },
  ];
}

function pieceOf(area: TableArea, lines: Line[], header: boolean, from: number, to: number): TableArea {
  const rulings = rulingsBetween(area.rulings, from, to);
  return { page: area.page, header, lines, ...(rulings ? { rulings } : {}) };
}

/**
 * Where the table stands, found from the pages' text alone: each page's lines, the header and the page it is
 * first on, where it repeats at the top of later pages or lower on a page, and the running headers and
 * footers. Ruling lines play no part, so a second reading with them (readTable) takes this as it is.
 */
export interface TableFrame {
  laid: Array<{ number: number; height: number; lines: Line[] }>;
  /** The index of the header's page in `laid`. */
  start: number;
  header: Header;
  /** The header where it stands at the top of a page, by index in `laid`. */
  headers: Map<number, Header>;
  /** Headers lower on a page, each starting a table of its own. */
  lower: Map<number, Header[]>;
  headerLines: Set<Line>;
  furniture: Set<Line>;
}

/**
 * Find the table by its header row (the first page whose lines name the template's columns), where the header
 * repeats at the top of later pages, and the running headers and footers. Throws a ReadError when no page has
 * the header.
 */
export function frameTable(pages: readonly PdfPage[]): TableFrame {
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
  // A header lower on a page starts a second table (set under the first, or with columns of its own).
  const lower = new Map<number, Header[]>();
  for (let i = start; i < laid.length; i++) {
    const atTop = headers.get(i);
    const found = headersBelow(header, laid[start]!.lines, laid[i]!.lines, atTop ? atTop.last + 1 : 0);
    if (found.length > 0) lower.set(i, found);
  }
  const inner = [...lower].flatMap(([i, hs]) => hs.flatMap((h) => laid[i]!.lines.slice(h.first, h.last + 1)));
  const headerLines = new Set([...[...headers].flatMap(([i, h]) => laid[i]!.lines.slice(h.first, h.last + 1)), ...inner]);
  const furniture = findFurniture(laid, headerLines);
  // A header row the page break cut (LibreOffice splits a row that is not marked as the table's header) ends
  // at the top of the next page: its rest is not the table's first row.
  const next = laid[start + 1];
  if (next && !headers.has(start + 1) && laid[start]!.lines.slice(header.last + 1).every((l) => furniture.has(l))) {
    const rest = headerRest(header, next.lines, (l) => furniture.has(l));
    if (rest) {
      headers.set(start + 1, rest);
      header = completeHeader(header, laid[start]!.lines, next.lines.slice(rest.first, rest.last + 1));
    }
  }
  return { laid, start, header, headers, lower, headerLines, furniture };
}

/**
 * Read the table framed by frameTable (found afresh unless given): drop the header where it repeats and the
 * running headers and footers, and cut the text below it into rows, at the ruling lines of pages that carry
 * them. Throws a ReadError when no page has the header.
 */
export function readTable(pages: readonly PdfPage[], frame: TableFrame = frameTable(pages)): PdfTable {
  const { laid, start, header, headers, lower, headerLines, furniture } = frame;
  const areas: TableArea[] = laid.slice(start).map((page, k) => {
    const h = headers.get(start + k);
    const rulings = pages[start + k]!.rulings;
    const lines = h ? underHeader(page.lines, h, rulings) : page.lines;
    return { page: page.number, header: h !== undefined, lines: lines.filter((l) => !furniture.has(l) && !headerLines.has(l)), ...(rulings ? { rulings } : {}) };
  });
  const first = header.first;
  const before = laid.slice(0, start + 1).map((page, k) => (k === start ? page.lines.slice(0, first) : page.lines).filter((l) => !furniture.has(l)));
  const rows: PdfTable['table']['rows'] = [];
  const area: AreaText[] = [];
  const headings: string[] = [];
  let doubtful = false;
  const pair = sideBySide(header);
  const tables = pair ? besideEachOther(pair, areas) : segments(header, areas, (k) => (lower.get(start + k) ?? []).map((h) => ({ header: h, y: laid[start + k]!.lines[h.first]!.baseline })));
  for (const segment of tables) {
    const grid = buildGrid(segment.header, segment.areas.flatMap((a) => a.lines));
    const cut = tableRows(segment.areas, grid);
    rows.push(...cut.rows);
    headings.push(...cut.headings);
    doubtful ||= cut.doubtful;
    for (const a of segment.areas) if (cut.extent.has(a.page)) area.push({ page: a.page, lines: a.lines.filter((l) => top(l) < cut.extent.get(a.page)!) });
  }
  return { table: { rows }, above: paragraphLines(before), doubtful, pages: areas.map((a) => a.page), area, headings };
}
