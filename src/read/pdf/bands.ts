import { parseAgreement } from '../cells/agreement.js';
import { parseNumberCell } from '../cells/numbers.js';
import { headingAddressee } from '../headings.js';
import { columnsCrossed, cutAtColumnStart, slotAt, type Grid } from './grid.js';
import { fragments, makeLine, type Line, type TextItem } from './items.js';
import { paragraphs, type Layout } from './paragraphs.js';
import type { Rulings } from './rulings.js';

/** The part of one page that the table's body covers: its lines below the header, page furniture removed. */
export interface TableArea {
  page: number;
  /** True when the page starts with the table's header (repeated), so the table goes on there. */
  header: boolean;
  lines: Line[];
  /** The page's ruling lines, when they were read. */
  rulings?: Rulings;
}

/** A heading row found on a page, and where it stands. */
export interface Heading {
  text: string;
  /** The heading as drawn ("Derwent PDU should:"), of which `text` is the addressee. */
  raw: string;
  top: number;
}

/** One page's table text sorted into columns, before it is cut into rows. */
export interface PageColumns {
  page: number;
  headings: Heading[];
  /** Tops of runs of text across several columns that name no addressee: a closing note, or a section row. */
  wide: number[];
  /** Lines of each slot of the grid, top to bottom. */
  columns: Line[][];
}

/** The top of a line's letters. */
export const top = (line: Line): number => line.baseline - line.size * 0.8;

/**
 * Sort a page's lines into the grid's columns: each line is cut at the column boundaries. Text that runs
 * across a boundary is a merged cell: a heading when it names an addressee ("Derwent PDU should:"),
 * otherwise, when it is wide, a note that may end the table.
 */
export function sortIntoColumns(area: TableArea, grid: Grid): PageColumns {
  const headings: Heading[] = [];
  const wide: number[] = [];
  const columns: Line[][] = grid.slots.map(() => []);
  let lastWide: Line | null = null;
  for (const line of area.lines) {
    const bySlot = new Map<number, TextItem[]>();
    for (const frag of fragments(line)) {
      const crossed = columnsCrossed(grid, frag);
      // A heading row's text may also fit in the number column, wide when the table sizes its columns to their
      // headers: there, where no number is, an addressee is a heading all the same.
      const inNumbers = grid.slots[slotAt(grid, frag.x)]?.column === 'number';
      const addressee = crossed > 0 || inNumbers ? headingAddressee(frag.text) : null;
      if (addressee) {
        headings.push({ text: addressee, raw: frag.text, top: top(frag) });
        continue;
      }
      // Text across the table runs over column starts itself. Cells whose text comes within a font size of the next
      // cell's run into one fragment but not into one item (or, when the item holds the start of a word where a column
      // starts, are cut there): they are cells.
      const cut = crossed > 0 ? frag.items.flatMap((i) => cutAtColumnStart(i, grid)) : frag.items;
      const across = crossed >= 2 && cut.some((i) => columnsCrossed(grid, i) > 0);
      // Only the first line of a wide paragraph starts anything; its other lines go with it.
      if (across && !(lastWide && frag.baseline - lastWide.baseline <= 1.6 * frag.size)) wide.push(top(frag));
      if (across) lastWide = frag;
      for (const item of across ? frag.items : cut) {
        const slot = slotAt(grid, item.x);
        const list = bySlot.get(slot);
        if (list) list.push(item);
        else bySlot.set(slot, [item]);
      }
    }
    for (const [slot, items] of bySlot) columns[slot]!.push(makeLine(items));
  }
  return { page: area.page, headings, wide, columns };
}

/** A rec number, with or without references ("6 SW 6"), or a few characters that may be a garbled one ("t i"). */
const looksLikeNumber = (text: string): boolean => parseNumberCell(text).number !== null || text.trim().length <= 6;

/**
 * Where rows start on a page: a rec number, an agreement value or a heading (which is a row of its own). A
 * number and an agreement that stand beside each other start one row, where the higher starts, though cells
 * centred in their row set a one-line number lower than a two-line "Partly / Agreed".
 */
export function rowStarts(page: PageColumns, grid: Grid, layout: Layout, rights: readonly number[]): number[] {
  const spans: Array<{ top: number; bottom: number }> = page.headings.map((h) => ({ top: h.top, bottom: h.top }));
  grid.slots.forEach((slot, i) => {
    if (slot.column !== 'number' && slot.column !== 'agreement') return;
    for (const p of paragraphs(page.columns[i]!, layout, rights[i]!)) {
      if (slot.column === 'number' ? looksLikeNumber(p.text) : parseAgreement(p.text) !== null) spans.push({ top: p.top, bottom: p.bottom });
    }
  });
  spans.sort((a, b) => a.top - b.top);
  const starts: number[] = [];
  let reach = -Infinity;
  for (const span of spans) {
    const last = starts.at(-1);
    if (last === undefined || (span.top - last > 4 && span.top >= reach)) starts.push(span.top);
    reach = Math.max(reach, span.bottom);
  }
  return starts;
}

/**
 * Where the table ends on a page: at wide text with no row after it (a closing note, a signature), or null.
 * Wide text above that is a row of its own (a section note).
 */
export function endOfTable(page: PageColumns, starts: readonly number[]): number | null {
  const last = Math.max(-Infinity, ...starts);
  return page.wide.find((t) => t > last) ?? null;
}

/**
 * A page's lines by band (the stretch between consecutive row starts; -1 is above the first), then by slot. In the
 * slots of `merged.slots`, a start that `merged.inner` marks starts no band: their text there is the band's above.
 */
export function bandsOf(page: PageColumns, starts: readonly number[], merged?: { inner: readonly boolean[]; slots: ReadonlySet<number> }): Map<number, Line[][]> {
  const bands = new Map<number, Line[][]>();
  page.columns.forEach((lines, slot) => {
    const over = merged?.slots.has(slot) === true;
    for (const line of lines) {
      // A line belongs to the band it starts in, give or take the little that different fonts sit apart.
      const t = top(line) + Math.min(4, line.size * 0.4);
      let band = -1;
      starts.forEach((s, i) => {
        if (t >= s && !(over && merged!.inner[i] === true && band >= 0)) band = i;
      });
      if (!bands.has(band)) bands.set(band, page.columns.map(() => []));
      bands.get(band)![slot]!.push(line);
    }
  });
  return bands;
}
