import { looksLikeAgreement } from '../cells/agreement.js';
import { parseDue } from '../dates.js';
import type { Column } from '../source-row.js';

/** Columns whose previous text was cut off mid-sentence, so a line's cell may well carry it on. */
export type OpenColumns = ReadonlySet<Column>;

const VERB = /\b(will|should|ensure|to be|has been|have been|is|are)\b/i;

const MINOR = new Set(['and', 'of', 'the', 'for', 'in', 'with', 'to', '&', 'or', 'at', 'on', '/', '-', '–']);

/** True when most words are capitalised, as in "Head of Performance & Quality" and unlike running prose. */
function looksLikeTitle(text: string): boolean {
  const words = text.split(/[\s,;]+/).filter((w) => w !== '' && !MINOR.has(w.toLowerCase()));
  const capitalised = words.filter((w) => /^[A-Z0-9(]/.test(w)).length;
  return words.length > 0 && capitalised / words.length >= 0.6;
}

/** How unlikely it is that a cell with this text belongs to this column (0 = just what it looks like). */
function cost(text: string, column: Column, open: OpenColumns): number {
  if (text === '') return 0;
  const len = text.length;
  // Text that carries on a cut-off cell most likely sits in that cell's column, the more so in lower case.
  const bonus = open.has(column) ? (/^[a-z(]/.test(text) ? 2 : 1) : 0;
  switch (column) {
    case 'number':
      if (/^\d{1,3}(?:\.\d{1,2})?[a-z]?[.)]?(?:\s|$)/i.test(text) && len <= 40) return 0;
      return len <= 6 ? 2 : 20;
    case 'agreement':
      return looksLikeAgreement(text) ? 0 : 20;
    case 'due': {
      const due = parseDue(text);
      if (due && due.status !== 'unknown' && len <= 60) return 0;
      return len <= 25 && !VERB.test(text) ? 5 : 20;
    }
    case 'owner':
      if (len > 120) return 15 + len / 50;
      if (VERB.test(text) || /\b(to|and|or|the|of|for|in|a|with|by)$/i.test(text) || /^[a-z]/.test(text)) return 12;
      if (parseDue(text)?.date) return 10;
      return len <= 80 && looksLikeTitle(text) ? 0.5 : 4;
    case 'response':
      return (len > 80 ? 1 : 2) - bonus;
    case 'recommendation':
      if (/\bshould\b/i.test(text)) return 1 - bonus;
      return (/\bwill\b/i.test(text) ? 4 : 3) - bonus;
  }
}

/** Totals closer than this are equal: costs are fractions, and sums taken in another order can differ in the last bit. */
const EPSILON = 1e-9;

/**
 * Place the cells of a line (returning each cell's column index) that has fewer cells than the table has columns (the export drops empty
 * ones): the order of cells is kept, and each goes to the column its content and the open columns of the
 * line before fit best. Of the placements with the lowest total cost, the one that puts cells furthest left
 * wins. Found by dynamic programming over (cell, column), so a line of many cells under a header of many
 * columns costs k × n look-ups rather than one per placement, of which there are n choose k.
 */
export function alignCells(
  cells: readonly string[],
  columns: ReadonlyArray<Column | null>,
  open: OpenColumns,
  previous: ReadonlyArray<number> = [],
): number[] {
  const k = cells.length;
  const n = columns.length;
  if (k >= n) return cells.map((_, i) => i);
  // A line shaped like the one before (as when an export breaks a cell into one line per row) likely
  // puts its cells where that line did.
  const same = previous.length === k;
  const costAt = (cell: number, col: number): number => {
    const column = columns[col];
    const text = cells[cell]!;
    return (column ? cost(text, column, open) : text === '' ? 0 : 25) - (same && previous[cell] === col && text !== '' ? 1 : 0);
  };
  // best[cell][col]: the lowest cost of placing cells cell..k-1 with `cell` in column col. Cell i can only
  // sit in columns i..n-k+i, leaving room for the cells before and after it.
  const best: number[][] = [];
  for (let cell = k - 1; cell >= 0; cell--) {
    const row = new Array<number>(n).fill(Infinity);
    let restMin = Infinity;
    for (let col = n - k + cell; col >= cell; col--) {
      if (cell < k - 1) restMin = Math.min(restMin, best[cell + 1]![col + 1]!);
      row[col] = costAt(cell, col) + (cell === k - 1 ? 0 : restMin);
    }
    best[cell] = row;
  }
  const placed: number[] = [];
  let from = 0;
  for (let cell = 0; cell < k; cell++) {
    const row = best[cell]!;
    let min = Infinity;
    for (let col = from; col <= n - k + cell; col++) min = Math.min(min, row[col]!);
    let col = from;
    while (row[col]! > min + EPSILON) col++;
    placed.push(col);
    from = col + 1;
  }
  return placed;
}
