import type { Column, HeadingRow, Piece, SourceRow } from '../source-row.js';
import { bandsOf, endOfTable, rowStarts, sortIntoColumns, top, type PageColumns, type TableArea } from './bands.js';
import { continuesAction, mayContinue, settleJoins, SIDE_COLUMNS, type Candidate, type Tail } from './breaks.js';
import type { Grid } from './grid.js';
import type { Line } from './items.js';
import { measureLayout, paragraphs, type Layout, type Paragraph } from './paragraphs.js';
import { splitByAlignment, startsLevel, type Cells } from './subrows.js';

export type { TableArea } from './bands.js';

/** Cuts the table's pages into rows one page at a time, carrying what a page break leaves open. */
class RowCutter {
  readonly rows: Array<SourceRow | HeadingRow> = [];
  private readonly layout: Layout;
  private readonly rights: number[];
  /** The paragraph each piece was made from, for its lines' positions. */
  private readonly source = new Map<Piece, Paragraph>();
  /** The last owner and date of the page before, which the top of this page may continue. */
  private tails = new Map<Column, Tail>();
  /** The parts (one per page) of the table row still open, and the joins across its page breaks to settle. */
  private open: Cells[] = [];
  private candidates: Candidate[] = [];

  constructor(
    private readonly grid: Grid,
    pages: readonly PageColumns[],
  ) {
    this.layout = measureLayout(pages.flatMap((p) => p.columns));
    this.rights = grid.slots.map((_, i) => Math.max(-Infinity, ...pages.flatMap((p) => p.columns[i]!.map((l) => l.right))));
  }

  /** Cut one page into rows; returns true when the table ends on it. */
  page(page: PageColumns, continued: boolean): boolean {
    const found = rowStarts(page, this.grid, this.layout, this.rights);
    const end = endOfTable(page, found);
    if (end !== null) page.columns = page.columns.map((lines) => lines.filter((l) => top(l) < end - 1));
    const notes = page.wide.filter((t) => (end === null || t < end) && !found.some((s) => Math.abs(s - t) <= 4));
    const starts = [...found, ...notes].sort((a, b) => a - b);
    const lines = page.columns.flat();
    if (lines.length === 0 && page.headings.length === 0) return end !== null;
    const areaTop = Math.min(...lines.map(top));
    const bands = bandsOf(page, starts);
    const last = new Map<Column, Piece>();
    let first = continued;
    for (let band = -1; band < starts.length; band++) {
      const heading = band >= 0 ? page.headings.find((h) => Math.abs(h.top - starts[band]!) <= 4) : undefined;
      if (heading) this.rows.push({ heading: heading.text, location: { page: page.page } });
      const columns = bands.get(band);
      if (!columns) continue;
      const split = splitByAlignment(this.cells(columns, page.page));
      split.parts.forEach((part, k) => {
        // Beside actions, an owner or date level with the first action on a page shows that a new row starts there.
        if (first && split.placed && band === -1 && k === 0 && startsLevel(part) && !continuesAction(this.open, part)) first = false;
        if (first && band === -1 && k === 0) this.carryOn(part, areaTop);
        else this.closeRow(part);
        for (const [column, pieces] of Object.entries(part) as Array<[Column, Piece[]]>) if (pieces.length > 0) last.set(column, pieces.at(-1)!);
        if (Object.keys(part).length === 0) return;
        this.rows.push({ cells: part, location: { page: page.page }, afterBreak: first });
        first = false;
      });
    }
    this.keepTails(last, Math.max(...lines.map((l) => l.baseline)));
    return end !== null;
  }

  /** True when text across the columns comes before any row on the page: after the table, an annex. */
  startsWithNote(page: PageColumns): boolean {
    const first = rowStarts(page, this.grid, this.layout, this.rights)[0] ?? Infinity;
    return page.wide.length > 0 && page.wide[0]! < first;
  }

  /** Settle the joins of the row still open, once no page can carry it on. */
  finish(): void {
    this.closeRow(null);
  }

  private cells(columns: Line[][], page: number): Cells {
    const cells: Cells = {};
    columns.forEach((lines, slot) => {
      const column = this.grid.slots[slot]!.column;
      if (!column || lines.length === 0) return;
      const pieces = paragraphs(lines, this.layout, this.rights[slot]!).map((p) => {
        const made: Piece = { text: p.text, kind: p.bullet ? 'li' : 'p', location: { page }, top: p.top, bottom: p.bottom };
        this.source.set(made, p);
        return made;
      });
      if (pieces.length > 0) cells[column] = [...(cells[column] ?? []), ...pieces];
    });
    return cells;
  }

  /** The first part of a page carries on the open row: an owner or date at its top may finish one cut off. */
  private carryOn(part: Cells, areaTop: number): void {
    for (const column of SIDE_COLUMNS) {
      const head = part[column]?.[0];
      const paragraph = head && this.source.get(head);
      const tail = this.tails.get(column);
      const right = this.rights[this.grid.slots.findIndex((s) => s.column === column)]!;
      if (paragraph && head.top! - areaTop <= paragraph.first.size && mayContinue(tail, paragraph, right)) this.candidates.push({ tail, part, column });
    }
    this.open.push(part);
  }

  private closeRow(next: Cells | null): void {
    settleJoins(this.open, this.candidates);
    this.open = next ? [next] : [];
    this.candidates = [];
  }

  private keepTails(last: Map<Column, Piece>, lowest: number): void {
    this.tails = new Map();
    for (const column of SIDE_COLUMNS) {
      const piece = last.get(column);
      const paragraph = piece && this.source.get(piece);
      if (!piece || !paragraph) continue;
      // Had there been room on the page for one more line, a paragraph that went on would have used it;
      // a line level with the lowest one may not have fitted in its cell all the same (renderers round).
      const size = paragraph.last.size;
      this.tails.set(column, { piece, paragraph, atBottom: paragraph.last.baseline + this.layout.leading * size > lowest - 0.3 * size });
    }
  }
}

/**
 * Cut the table's pages into rows. Rows start at rec numbers and agreement values (so that one row per
 * recommendation holds its actions, owners and dates with their positions), headings are rows of their
 * own, and the first row of every page after the first is marked as following a page break unless it
 * plainly starts afresh. An owner or date cut in two by a page break is joined back into one piece. Past
 * a note that ends the table, a page with text across the columns before any row (an annex) is left out.
 */
export function tableRows(areas: readonly TableArea[], grid: Grid): Array<SourceRow | HeadingRow> {
  const pages = areas.map((area) => sortIntoColumns(area, grid));
  const cutter = new RowCutter(grid, pages);
  let ended = false;
  pages.forEach((page, i) => {
    if (ended && !areas[i]!.header && cutter.startsWithNote(page)) return;
    ended = cutter.page(page, i > 0) || ended;
  });
  cutter.finish();
  return cutter.rows;
}
