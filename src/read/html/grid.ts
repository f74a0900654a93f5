import type { Element } from 'domhandler';
import { isElement, isHidden } from './walk.js';

/** A table cell placed in the grid: the slots it covers, from its top-left corner. */
export interface GridCell {
  el: Element;
  /** 0-based index of the row it starts in, among the table's rows. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** A table as a grid of slots, each naming the cell that covers it (merged cells cover several). */
export interface Grid {
  /** The table's own `<tr>` elements in document order (not those of tables nested in its cells). */
  trs: Element[];
  slots: Array<Array<GridCell | undefined>>;
  width: number;
}

/** HTML allows colspan up to 1000; action plans have six columns, and a wide grid costs memory per row. */
const MAX_COLSPAN = 64;
const MAX_WIDTH = 64;
/** A table of more slots than this is no action plan; building its grid would only cost time and memory. */
const MAX_SLOTS = 2_000_000;

const isRowGroup = (el: Element): boolean => el.name === 'thead' || el.name === 'tbody' || el.name === 'tfoot';

/** The table's own rows: `<tr>` children of the table or of its row groups. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child) || isHidden(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (isRowGroup(child)) for (const tr of child.children) if (isElement(tr) && tr.name === 'tr' && !isHidden(tr)) rows.push(tr);
  }
  return rows;
}

function span(value: string | undefined, fallback: number, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  if (Number.isNaN(n) || n < 0) return fallback;
  return Math.min(n, max);
}

/**
 * Lay a table's cells out as the HTML table model does: each cell takes the next free slot of its row and
 * covers `colspan` × `rowspan` slots (rowspan="0" runs to the last row). Returns null for a table too large
 * to be an action plan.
 */
export function buildGrid(table: Element): Grid | null {
  const trs = tableRows(table);
  const slots: Array<Array<GridCell | undefined>> = trs.map(() => []);
  let width = 0;
  let used = 0;
  for (let r = 0; r < trs.length; r++) {
    let col = 0;
    for (const el of trs[r]!.children) {
      if (!isElement(el) || (el.name !== 'td' && el.name !== 'th') || isHidden(el)) continue;
      while (slots[r]![col]) col++;
      if (col >= MAX_WIDTH) break;
      const colSpan = Math.max(1, Math.min(span(el.attribs.colspan, 1, MAX_COLSPAN), MAX_WIDTH - col));
      const rowsLeft = trs.length - r;
      const rawRowSpan = span(el.attribs.rowspan, 1, rowsLeft);
      const rowSpan = rawRowSpan === 0 ? rowsLeft : rawRowSpan;
      const cell: GridCell = { el, row: r, col, rowSpan, colSpan };
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) slots[r + dr]![col + dc] = cell;
      }
      used += rowSpan * colSpan;
      if (used > MAX_SLOTS) return null;
      col += colSpan;
      width = Math.max(width, col);
    }
  }
  return { trs, slots, width };
}

/** The distinct cells covering a grid row, left to right (a merged cell listed once). */
export function rowCells(grid: Grid, r: number): GridCell[] {
  const out: GridCell[] = [];
  for (const cell of grid.slots[r] ?? []) if (cell && out.at(-1) !== cell && !out.includes(cell)) out.push(cell);
  return out;
}
