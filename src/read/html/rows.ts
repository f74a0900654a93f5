import type { ExtraColumn } from '../../model/diagnostic-data.js';
import type { Diagnostic } from '../../model/plan.js';
import { quote } from '../cells/text.js';
import { headingAddressee } from '../headings.js';
import type { Column, HeadingRow, Piece, SourceRow } from '../source-row.js';
import { headerColumns, type PlanTable } from './find-table.js';
import { rowCells, type GridCell } from './grid.js';
import { cellLines } from './meta-lines.js';
import { cellPieces, textOf } from './pieces.js';

/** The plan table's rows for the shared step, with what sat above the header and the repairs made. */
export interface ReadRows {
  rows: Array<SourceRow | HeadingRow>;
  /** Text of rows above the header (a title or dates put inside the table), as metadata lines. */
  metaLines: string[];
  diagnostics: Diagnostic[];
}

/** Columns whose merged cell is read again on each row it spans where a new action starts. */
const PER_ACTION = new Set<Column>(['owner', 'due']);
/** Owners and dates are short; a longer merged cell is read once, so that a hostile page cannot multiply it. */
const MAX_REPEATED = 500;

function columnOf(table: PlanTable, cell: GridCell): Column | null {
  for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
    const column = table.columns[c];
    if (column) return column;
  }
  return null;
}

/**
 * Read the plan's tables row by row. Row numbers (`location.row`) count every `<tr>` of the plan's tables
 * from 1, the header included, running on through the tables of a plan split into several. The first row
 * of each further table, and the first row after a repeated header, may carry on the row before it.
 *
 * A cell merged down several rows (rowspan) belongs to each of them, so a row under a merged rec number
 * is no heading row; but its text is read once, on its first row, so that the rows after it read as more
 * actions of the same recommendation. Owner and date cells are the exception: merged down rows that each
 * start an action, they name the owner or date of each of those actions.
 */
export function readTableRows(tables: readonly PlanTable[]): ReadRows {
  const out: ReadRows = { rows: [], metaLines: [], diagnostics: [] };
  let offset = 0;
  tables.forEach((table, t) => {
    const { grid } = table;
    let afterBreak = t > 0;
    for (let r = 0; r < grid.trs.length; r++) {
      const rowNumber = offset + r + 1;
      const cells = rowCells(grid, r);
      if (table.header !== null && r < table.header) {
        out.metaLines.push(...cellLines(cells.filter((c) => c.row === r).map((c) => textOf(c.el))));
        continue;
      }
      const group = grid.trs[r]!.parent;
      if (r === table.header || (group && 'name' in group && group.name === 'thead')) continue;
      if (headerColumns(grid, r)) {
        // The header again: a page began here, and the row before it may run on into the next.
        afterBreak = true;
        continue;
      }
      const row = readRow(table, cells, r, rowNumber, offset, out.diagnostics);
      if (!row) continue;
      if ('cells' in row) {
        row.afterBreak = afterBreak;
        afterBreak = false;
      }
      out.rows.push(row);
    }
    out.diagnostics.push(...extraColumns(table, offset));
    offset += grid.trs.length;
  });
  return out;
}

/**
 * A note for each column of the table that is none of the template's (a "Progress update" or "RAG status"
 * column added to the template): no field of the model holds its text, which is named rather than dropped.
 */
function extraColumns(table: PlanTable, offset: number): Diagnostic[] {
  const { grid } = table;
  const notes: Diagnostic[] = [];
  for (let c = 0; c < grid.width; c++) {
    if (table.columns[c]) continue;
    const cells = new Set<GridCell>();
    for (let r = (table.header ?? -1) + 1; r < grid.trs.length; r++) {
      for (const cell of rowCells(grid, r)) {
        if (cell.row === r && cell.col === c && cell.colSpan === 1 && textOf(cell.el) !== '' && !headerColumns(grid, r)) cells.add(cell);
      }
    }
    if (cells.size === 0) continue;
    const title = table.header === null ? '' : (rowCells(grid, table.header).find((cell) => cell.col <= c && c < cell.col + cell.colSpan)?.el ?? null);
    const name = title ? textOf(title) : '';
    const first = [...cells][0]!;
    const words = [...cells].map((cell) => textOf(cell.el));
    notes.push({
      message: `column ${c + 1}${name ? ` ('${quote(name)}')` : ''} is none of the template's: the text of its ${cells.size === 1 ? 'cell' : `${cells.size} cells`} is left out ('${quote(words.join('; '))}')`,
      location: { row: offset + first.row + 1 },
      code: 'extra-column',
      data: { column: c + 1, title: name, words } satisfies ExtraColumn,
    });
  }
  return notes;
}

function readRow(table: PlanTable, cells: GridCell[], r: number, rowNumber: number, offset: number, diagnostics: Diagnostic[]): SourceRow | HeadingRow | null {
  const texts = new Map(cells.map((c) => [c, textOf(c.el)]));
  const own = cells.filter((c) => c.row === r && texts.get(c) !== '');
  const carried = cells.filter((c) => c.row < r && texts.get(c) !== '');
  const location = { row: rowNumber };
  const only = own.length === 1 && carried.length === 0 ? own[0]! : null;
  if (only) {
    const text = texts.get(only)!;
    const heading = headingAddressee(text);
    if (heading) return { heading, location };
    if (only.colSpan >= table.grid.width && table.grid.width > 1) {
      diagnostics.push({ message: `row ${rowNumber} spans the table and names no addressee ('${quote(text)}'); ignored`, location, code: 'spanning-row' });
      return null;
    }
  }
  if (own.length === 0) return null;
  const hasResponse = own.some((c) => columnOf(table, c) === 'response');
  const row: SourceRow = { cells: {}, location, afterBreak: false };
  for (const cell of cells) {
    const column = columnOf(table, cell);
    if (!column || texts.get(cell) === '') continue;
    const repeat = PER_ACTION.has(column) && hasResponse && texts.get(cell)!.length <= MAX_REPEATED;
    if (cell.row < r && !repeat) continue;
    const pieces: Piece[] = cellPieces(cell.el, { row: offset + cell.row + 1 });
    row.cells[column] = [...(row.cells[column] ?? []), ...pieces];
  }
  return row;
}
