import { looksLikeAgreement } from '../assemble/agreement.js';
import { isTerminated } from '../assemble/text.js';
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

/**
 * Place the cells of a line (returning each cell's column index) that has fewer cells than the table has columns (the export drops empty
 * ones): the order of cells is kept, and each goes to the column its content and the open columns of the
 * line before fit best.
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
  let best: number[] = [];
  let bestCost = Infinity;
  const chosen: number[] = [];
  const walk = (cell: number, from: number, sum: number): void => {
    if (sum >= bestCost) return;
    if (cell === k) {
      bestCost = sum;
      best = [...chosen];
      return;
    }
    for (let col = from; col <= n - (k - cell); col++) {
      const column = columns[col];
      const c = (column ? cost(cells[cell]!, column, open) : cells[cell] === '' ? 0 : 25) - (same && previous[cell] === col && cells[cell] !== '' ? 1 : 0);
      chosen.push(col);
      walk(cell + 1, col + 1, sum + c);
      chosen.pop();
    }
  };
  walk(0, 0, 0);
  return best;
}

/** The columns of a placed line whose text stops mid-sentence. */
export function openColumns(placed: ReadonlyArray<[Column | null, string]>): Set<Column> {
  const open = new Set<Column>();
  for (const [column, text] of placed) if (column && text !== '' && !isTerminated(text)) open.add(column);
  return open;
}
