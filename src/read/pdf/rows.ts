import { boundaryScore } from '../cells/role-names.js';
import { splitInnerBullets, startsLikeContinuation } from '../cells/text.js';
import type { Column, HeadingRow, Piece, SourceRow } from '../source-row.js';
import { bandsOf, endOfTable, rowStarts, sortIntoColumns, top, type PageColumns, type TableArea } from './bands.js';
import { centredStarts } from './centred.js';
import { continuesAction, finishesRow, mayContinue, settleJoins, SIDE_COLUMNS, type Candidate, type Tail } from './breaks.js';
import type { Grid } from './grid.js';
import type { Line } from './items.js';
import { DATES, OWNERS, measureLayout, paragraphs, type ColumnSense, type Layout, type Paragraph } from './paragraphs.js';
import { endsRow, ruledPage, type RuledPage } from './ruled.js';
import { cutAtRowStarts } from './aligned.js';
import { JOINS_ON, joinedParagraph, splitTightRow } from './tight.js';
import { runTogether, splitByAlignment, startsLevel, type Cells, type Split } from './subrows.js';

export type { TableArea } from './bands.js';

/** How each column's own text reads (paragraphs.ts): target dates and owners. */
const senseOf = (column: Column): ColumnSense | undefined => (column === 'due' ? DATES : column === 'owner' ? OWNERS : undefined);

/** The columns whose cells a table of one row per action merges down the rows of a recommendation. */
const MERGED: ReadonlySet<Column> = new Set(['number', 'recommendation', 'agreement']);

/** Cuts the table's pages into rows one page at a time, carrying what a page break leaves open. */
class RowCutter {
  readonly rows: Array<SourceRow | HeadingRow> = [];
  private readonly layout: Layout;
  private readonly rights: number[];
  /** Where each column's text starts, furthest left over the whole table: list items are set in from it. */
  private readonly lefts: number[];
  /** How far right each column's text could reach, by what the column holds. */
  private readonly columnRights = new Map<Column, number>();
  /** Each column's last line on the page before, which the top of this page may carry on. */
  private lowest: Array<Line | null> = [];
  /** The paragraph each piece was made from, for its lines' positions. */
  private readonly source = new Map<Piece, Paragraph>();
  /** The last owner and date of the page before, which the top of this page may continue. */
  private tails = new Map<Column, Tail>();
  /** The parts (one per page) of the table row still open, and the joins across its page breaks to settle. */
  private open: Cells[] = [];
  private candidates: Candidate[] = [];
  /** Set when the text alone left a row boundary in doubt, which ruling lines, where drawn, would settle. */
  private doubts = false;
  /** True once a band laid out one row per action (owners or dates placed beside their actions) is seen. */
  private placed = false;
  /** Pages starting with a row of actions alone, after a break: in a table of a row per action, a new row or the rest of one. */
  private bareTops = 0;
  /** The heading lines made into heading rows, as drawn (the row keeps only the addressee they name). */
  readonly headings: string[] = [];
  /** Where the table ends on a page that it ends on: the text below is not the table's. */
  readonly ends = new Map<number, number>();

  constructor(
    private readonly grid: Grid,
    pages: readonly PageColumns[],
  ) {
    this.layout = measureLayout(pages.flatMap((p) => p.columns));
    this.rights = grid.slots.map((_, i) => Math.max(-Infinity, ...pages.flatMap((p) => p.columns[i]!.map((l) => l.right))));
    this.lefts = grid.slots.map((_, i) => Math.min(Infinity, ...pages.flatMap((p) => p.columns[i]!.map((l) => l.x))));
    // A column's widest line may stop short of its cell's edge. The closest any column's text comes to the next
    // column's is at least the two cells' padding, so the next column's start less that gap is an edge no further
    // right than the true one.
    const next = (i: number): number => this.lefts.slice(i + 1).find((x) => Number.isFinite(x)) ?? Infinity;
    const gap = Math.min(...grid.slots.map((_, i) => next(i) - this.rights[i]!).filter((g) => Number.isFinite(g) && g > 0));
    grid.slots.forEach((slot, i) => {
      if (slot.column) this.columnRights.set(slot.column, Number.isFinite(gap) && Number.isFinite(next(i)) ? Math.max(this.rights[i]!, next(i) - gap) : this.rights[i]!);
    });
  }

  /**
   * Cut one page into rows; returns true when the table ends on it. With the page's rules, rows start at
   * the rules and `ended` (from the page before) says whether the first of them starts afresh; `rulesRead`
   * says the page's rules were read (so a page without them has none).
   */
  page(page: PageColumns, continued: boolean, ruled: RuledPage | null = null, ended: boolean | null = null, rulesRead = false): boolean {
    let found = ruled ? ruled.starts : rowStarts(page, this.grid, this.layout, this.rights);
    // Under rules, the table stops at a closed foot; text across the columns below it is a closing note.
    const end = ruled ? (ruled.open ? null : (page.wide.find((t) => t > ruled.foot) ?? null)) : endOfTable(page, found);
    const cut = ruled && !ruled.open ? ruled.foot : end;
    if (cut !== null) {
      page.columns = page.columns.map((lines) => lines.filter((l) => top(l) < cut - 1));
      this.ends.set(page.page, cut - 1);
    }
    if (!ruled) found = centredStarts(page, this.grid, found, page.headings.map((h) => h.top));
    const notes = ruled ? [] : page.wide.filter((t) => (end === null || t < end) && !found.some((s) => Math.abs(s - t) <= 4));
    const starts = [...found, ...notes].sort((a, b) => a - b);
    const lines = page.columns.flat();
    if (lines.length === 0 && page.headings.length === 0) return end !== null;
    const areaTop = Math.min(...lines.map(top));
    // Under merged recommendation cells, a rule that parts two actions leaves the merged cells' text to the first.
    const merged = ruled ? { inner: ruled.inner, slots: new Set(this.grid.slots.flatMap((s, i) => (s.column && MERGED.has(s.column) ? [i] : []))) } : undefined;
    const bands = bandsOf(page, starts, merged);
    // Text rows start with the band above the first start; ruled rows with the first band that holds text.
    const opening = Math.min(...[...bands.keys()]);
    const carried = ruled ? opening : -1;
    const last = new Map<Column, Piece>();
    let first = continued && ended !== true;
    let numbered = false;
    for (let band = -1; band < starts.length; band++) {
      const heading = band >= 0 ? page.headings.find((h) => (ruled ? h.top >= starts[band]! && h.top < (starts[band + 1] ?? Infinity) : Math.abs(h.top - starts[band]!) <= 4)) : undefined;
      if (heading) {
        this.rows.push({ heading: heading.text, location: { page: page.page } });
        this.headings.push(heading.raw);
      }
      const columns = bands.get(band);
      if (!columns) continue;
      const cells = this.cells(columns, page.page, continued && band === carried ? this.lowest : []);
      // A ruled band is one row: the rules, not the alignment of its text, say where rows part.
      let split = ruled ? { parts: [cells], placed: false } : splitByAlignment(cells);
      if (!ruled) this.doubt(split, band, continued);
      // With the rules read and none between these rows, where the rows' text ran together only their starts tell.
      if (!ruled && rulesRead && split.placed && runTogether(split.parts)) {
        cutAtRowStarts(cells, this.source);
        split = splitByAlignment(cells);
      }
      split.parts.forEach((part, k) => {
        // Beside actions, an owner or date level with the first action on a page shows that a new row starts
        // there: where owners are placed beside their actions, or where rules draw the rows (LibreOffice closes a
        // row cut by the page with a rule too, so the rules alone cannot say). Not where the rules leave the page
        // before open at its foot: that row goes on, and a renderer that breaks a row between pages starts each of
        // its cells again at the top, level with one another (Chromium).
        if (first && ended !== false && (split.placed || ruled !== null) && band === carried && k === 0 && startsLevel(part) && !continuesAction(this.open, part) && !this.carriesItem(part)) first = false;
        // In a table of one row per action with no rules, an action that does not end its sentence tells nothing: a
        // target date level with it that is a new one by what it says (dates.ts), beside an owner that plainly starts
        // afresh, starts a new row.
        if (first && !ruled && rulesRead && this.placed && band === carried && k === 0 && startsLevel(part) && this.startsAfresh(part)) first = false;
        if (first && band === carried && k === 0 && ended !== false && part.response && !part.owner && !part.due && !continuesAction(this.open, part)) this.bareTops++;
        // Whatever the rules say, a part with no number before any numbered one on the page that finishes the open row's
        // agreement or recommendation ("Partly" / "Agreed", centred lower in the rest of the row) is the rest of that row.
        const rest = !first && continued && !numbered && !part.number && finishesRow(this.open, part);
        if (rest) first = true;
        if ((first && (band === carried || band === opening) && k === 0) || rest) this.carryOn(part, areaTop);
        // Under rules, a part at the top of a page that starts a new row but no recommendation may still finish an owner
        // or date the page before cut off: LibreOffice closes a row cut by the page with a rule, and starts its rest level.
        else if (ruled !== null && continued && band === carried && k === 0 && !part.number && !part.recommendation && !part.agreement) this.closeRow(part, areaTop);
        else this.closeRow(part);
        for (const [column, pieces] of Object.entries(part) as Array<[Column, Piece[]]>) if (pieces.length > 0) last.set(column, pieces.at(-1)!);
        if (Object.keys(part).length === 0) return;
        this.rows.push({ cells: part, location: { page: page.page }, afterBreak: first, ...(first && this.carriesItem(part) ? { continues: true } : {}) });
        first = false;
        numbered ||= part.number !== undefined;
      });
    }
    this.keepTails(last, Math.max(...lines.map((l) => l.baseline)));
    this.lowest = page.columns.map((lines) => lines.at(-1) ?? null);
    return end !== null;
  }

  /**
   * Note where the text alone may have cut rows wrongly: text above the first row start on the page the
   * table starts (cells centred in their rows, so a rec number sits below the top of its row), and a band
   * laid out one row per action in which an action has neither owner nor date beside it (it may be a row
   * of its own, or part of the action above), or in which rows may have run together (see runTogether); and the top
   * of a page after a break that the alignment of its text splits into rows.
   */
  private doubt(split: Split, band: number, continued: boolean): void {
    if (band === -1 && !continued) this.doubts = true;
    // At the top of a page after a break, the rest of one row cut by the page and rows of their own look alike: a row
    // cut by the page goes on at the top of each of its cells, whatever stood beside what on the page before.
    if (band === -1 && continued && split.parts.length > 1) this.doubts = true;
    const side = (part: Cells): number => Math.max(part.owner?.length ?? 0, part.due?.length ?? 0);
    if (split.placed && split.parts.some((part) => side(part) > 0 && (part.response?.length ?? 0) > side(part))) this.doubts = true;
    if (split.placed && runTogether(split.parts)) this.doubts = true;
    this.placed ||= split.placed;
  }

  /** True when the text alone left a row boundary in doubt, which ruling lines, where drawn, would settle. */
  get doubtful(): boolean {
    return this.doubts || (this.placed && this.bareTops > 0);
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

  /** The cells of a band; at the top of a page, `above` holds each column's last line on the page before. */
  private cells(columns: Line[][], page: number, above: ReadonlyArray<Line | null>): Cells {
    const cells: Cells = {};
    columns.forEach((lines, slot) => {
      const column = this.grid.slots[slot]!.column;
      if (!column || lines.length === 0) return;
      const pieces = paragraphs(lines, this.layout, this.rights[slot]!, this.lefts[slot]!, above[slot] ?? undefined, senseOf(column)).flatMap((p) =>
        // Bullets typed inside one paragraph are list items, each placed where the paragraph is.
        splitInnerBullets(p.text).map((text, i) => {
          const made: Piece = { text, kind: p.bullet || i > 0 ? 'li' : 'p', location: { page }, top: p.top, bottom: p.bottom };
          this.source.set(made, p);
          return made;
        }),
      );
      if (pieces.length > 0) cells[column] = [...(cells[column] ?? []), ...pieces];
    });
    return cells;
  }

  /**
   * True when the first target date of a part at the top of a page is a new one, not the rest of the page before's
   * last, and its first owner (if any) is too: it does not carry on the one before, or their words plainly part
   * there (role-names.ts: "Office Manager" / "Head of PDU", not "Senior Probation" / "Officers", nor after a joining
   * word); and its first action does not start as the rest of a sentence (in lower case).
   */
  private startsAfresh(part: Cells): boolean {
    const fresh = (column: Column, sense?: ColumnSense): boolean | null => {
      const head = part[column]?.[0];
      const paragraph = head && this.source.get(head);
      const tail = this.tails.get(column);
      if (!paragraph) return null;
      const right = this.rights[this.grid.slots.findIndex((s) => s.column === column)]!;
      if (!mayContinue(tail, paragraph, right, sense)) return true;
      return column === 'owner' && !JOINS_ON.test(tail.piece.text.trim()) && boundaryScore(tail.paragraph.last.text, paragraph.first.text) >= 1;
    };
    const action = part.response?.[0];
    return action !== undefined && !startsLikeContinuation(action.text) && fresh('due', DATES) === true && fresh('owner') !== false;
  }

  /** True when the part's first action is the rest of a list item the page before cut (set in, with no bullet). */
  private carriesItem(part: Cells): boolean {
    const head = part.response?.[0];
    return head !== undefined && head.kind === 'p' && this.source.get(head)?.carries === true;
  }

  /**
   * The first part of a page carries on the open row: an owner or date at its top may finish one cut off, or
   * one centred in the part (LibreOffice centres what is left of a cell in the rest of its row).
   */
  private carryOn(part: Cells, areaTop: number): void {
    this.candidates.push(...this.joinsInto(part, areaTop));
    this.open.push(part);
  }

  /** The owner or date at the top of `part` that may finish the one the page before ended on, or be centred in the part. */
  private joinsInto(part: Cells, areaTop: number): Candidate[] {
    const found: Candidate[] = [];
    const partBottom = Math.max(...Object.values(part).flat().map((p) => p.bottom ?? -Infinity));
    for (const column of SIDE_COLUMNS) {
      const pieces = part[column] ?? [];
      const head = pieces[0];
      const paragraph = head && this.source.get(head);
      const tail = this.tails.get(column);
      const right = this.rights[this.grid.slots.findIndex((s) => s.column === column)]!;
      if (!paragraph) continue;
      const size = paragraph.first.size;
      // (A cell keeps its last paragraph's spacing below it, which sets its text a little above the middle.)
      const centred = Math.abs(head.top! + pieces.at(-1)!.bottom! - areaTop - partBottom) / 2 <= 1.5 * size;
      if ((head.top! - areaTop <= size || centred) && mayContinue(tail, paragraph, right, senseOf(column))) {
        // A word too long for its column, cut by the page as a line end cuts it ("30/06/202" / "7").
        const word = senseOf(column)?.broken?.(tail.piece.text, tail.paragraph.last, paragraph.first, right) === true;
        found.push({ tail, part, column, ...(word ? { word } : {}) });
      }
    }
    return found;
  }

  /**
   * Close the open row; `next` starts the next. With `areaTop`, `next` is the top of a page whose owner or date may
   * finish the open row's last, which the open row and `next` counted together settle.
   */
  private closeRow(next: Cells | null, areaTop?: number): void {
    const across = next !== null && areaTop !== undefined ? this.joinsInto(next, areaTop) : [];
    // A piece joined across a page break keeps the lines of both pages, so that it can still be counted and cut.
    const settled = across.length > 0 ? settleJoins([...this.open, next!], [...this.candidates, ...across]) : settleJoins(this.open, this.candidates);
    for (const { tail, head } of settled) this.source.set(tail, joinedParagraph(this.source.get(tail)!, this.source.get(head)!, tail, head));
    splitTightRow(this.open, this.source, this.layout, this.columnRights);
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
      // a line level with the lowest one may not have fitted in its cell all the same (renderers round, and a
      // paragraph's spacing below it, or a cell centred a little lower than its neighbours, takes room too).
      const size = paragraph.last.size;
      this.tails.set(column, { piece, paragraph, atBottom: paragraph.last.baseline + this.layout.leading * size > lowest - 0.6 * size });
    }
  }
}

/** The table's rows, and whether the text alone left any row boundary in doubt. */
export interface CutRows {
  rows: Array<SourceRow | HeadingRow>;
  doubtful: boolean;
  /** The heading lines made into heading rows, as drawn. */
  headings: string[];
  /** The pages the table covers, each with the y it ends at (Infinity where it runs to the foot). */
  extent: Map<number, number>;
}

/**
 * Cut the table's pages into rows. Rows start at rec numbers and agreement values (so that one row per
 * recommendation holds its actions, owners and dates with their positions), headings are rows of their
 * own, and the first row of every page after the first is marked as following a page break unless it
 * plainly starts afresh. An owner or date cut in two by a page break is joined back into one piece. Past
 * a note that ends the table, a page with text across the columns before any row (an annex) is left out.
 * Where an area carries its page's ruling lines, its rows start at the rules instead.
 */
export function tableRows(areas: readonly TableArea[], grid: Grid): CutRows {
  const pages = areas.map((area) => sortIntoColumns(area, grid));
  const cutter = new RowCutter(grid, pages);
  const ruled = areas.map((area) => ruledPage(area.rulings, grid));
  const floor = Math.max(-Infinity, ...ruled.map((r) => r?.foot ?? -Infinity));
  const line = Math.max(8, ...pages.flatMap((p) => p.columns.flat().map((l) => l.size))) * 1.2;
  let ended = false;
  const extent = new Map<number, number>();
  pages.forEach((page, i) => {
    if (ended && !areas[i]!.header && cutter.startsWithNote(page)) return;
    const before = i > 0 ? endsRow(ruled[i - 1]!, floor, line) : null;
    ended = cutter.page(page, i > 0, ruled[i]!, ruled[i] ? before : null, areas[i]!.rulings !== undefined) || ended;
    extent.set(page.page, cutter.ends.get(page.page) ?? Infinity);
  });
  cutter.finish();
  return { rows: cutter.rows, doubtful: cutter.doubtful, headings: cutter.headings, extent };
}
