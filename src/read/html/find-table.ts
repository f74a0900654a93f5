import type { Document, Element } from 'domhandler';
import { mapHeaderRow } from '../columns.js';
import type { Column } from '../source-row.js';
import { buildGrid, rowCells, type Grid } from './grid.js';
import { textOf } from './pieces.js';
import { elements } from './walk.js';

/** A table that holds (part of) the action plan, with the template column of each grid column. */
export interface PlanTable {
  el: Element;
  grid: Grid;
  /** Index of the header row among the table's rows, or null for a part that repeats no header. */
  header: number | null;
  columns: Array<Column | null>;
}

/** How far down a table its header may sit (below a title row or two). */
const HEADER_SEARCH = 10;

interface Header {
  row: number;
  columns: Array<Column | null>;
  score: number;
}

/** The template columns a grid row names, one per grid column, when it reads as the plan's header row. */
export function headerColumns(grid: Grid, r: number): Array<Column | null> | null {
  const cells = rowCells(grid, r);
  const texts = cells.map((c) => textOf(c.el));
  const mapped = mapHeaderRow(texts);
  if (!mapped) return null;
  // An empty first header cell still sits over the rec numbers.
  if (!mapped.includes('number') && texts[0] === '' && cells[0]?.col === 0) mapped[0] = 'number';
  const columns: Array<Column | null> = Array.from({ length: grid.width }, () => null);
  cells.forEach((cell, i) => {
    for (let c = cell.col; c < cell.col + cell.colSpan; c++) columns[c] = mapped[i] ?? null;
  });
  return columns;
}

function findHeader(grid: Grid): Header | null {
  for (let r = 0; r < Math.min(HEADER_SEARCH, grid.trs.length); r++) {
    const columns = headerColumns(grid, r);
    if (columns) return { row: r, columns, score: new Set(columns.filter((c) => c !== null)).size };
  }
  return null;
}

/** The template's own definitions table: Agreed, Partly Agreed and Not Agreed down its first column. */
function isDefinitions(grid: Grid): boolean {
  const terms = new Set<string>();
  grid.slots.forEach((_, r) => {
    const first = rowCells(grid, r)[0];
    const text = first ? textOf(first.el).toLowerCase().replace(/[^a-z ]/g, '').trim() : '';
    if (/^(agreed|partly agreed|partially agreed|not agreed)$/.test(text)) terms.add(text);
  });
  return terms.size >= 2;
}

const sameColumns = (a: ReadonlyArray<Column | null>, b: ReadonlyArray<Column | null>): boolean =>
  a.length === b.length && a.every((c, i) => c === b[i]);

function inside(el: Element, ancestor: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/**
 * Find the action-plan table: the table whose header row names the most template columns (the definitions
 * table and layout tables name too few), followed by the tables that carry it on — those that repeat its
 * header, or repeat none but have as many columns, as in a plan made of one table per page.
 */
export function findPlanTables(doc: Document): PlanTable[] {
  const tables: Array<{ el: Element; grid: Grid; header: Header | null }> = [];
  for (const el of elements(doc)) {
    if (el.name !== 'table') continue;
    const grid = buildGrid(el);
    if (!grid || grid.trs.length === 0 || isDefinitions(grid)) continue;
    tables.push({ el, grid, header: findHeader(grid) });
  }
  let anchor = -1;
  tables.forEach((t, i) => {
    if (t.header && (anchor < 0 || t.header.score > tables[anchor]!.header!.score)) anchor = i;
  });
  if (anchor < 0) return [];
  const first = tables[anchor]!;
  const columns = first.header!.columns;
  const found: PlanTable[] = [{ el: first.el, grid: first.grid, header: first.header!.row, columns }];
  for (const t of tables.slice(anchor + 1)) {
    if (found.some((f) => inside(t.el, f.el))) continue;
    if (t.header ? !sameColumns(t.header.columns, columns) : t.grid.width !== columns.length) break;
    found.push({ el: t.el, grid: t.grid, header: t.header?.row ?? null, columns });
  }
  return found;
}
