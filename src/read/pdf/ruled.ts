import type { Grid } from './grid.js';
import type { Rulings } from './rulings.js';

/** What the ruling lines of one page say about the table's rows. */
export interface RuledPage {
  /** The y of each horizontal rule across the response column, top to bottom: each starts a row. */
  starts: number[];
  /**
   * For each start, true when its rule stops short of the recommendation column: it parts two actions under merged
   * recommendation cells, whose text (centred in the merged cell, it may stand across the rule) is the first's.
   */
  inner: boolean[];
  /** The lowest of them, the table's foot on this page. */
  foot: number;
  /** True when the column rules run on below the foot: the last row is open, cut by the page break. */
  open: boolean;
}

/** Rules this close together are one (a border drawn twice, or by both neighbouring cells). */
const SAME = 1.5;

/**
 * The rows the rules draw on a page: the horizontal rules that cross the response column (a rule under
 * merged recommendation cells still parts two actions), and whether the column rules run on below the
 * lowest of them. Null when the page draws too few rules to be a ruled table.
 */
export function ruledPage(rulings: Rulings | undefined, grid: Grid): RuledPage | null {
  const slot = grid.slots.find((s) => s.column === 'response');
  if (!rulings || !slot || !Number.isFinite(slot.left) || !Number.isFinite(slot.right)) return null;
  const mid = (slot.left + slot.right) / 2;
  const ys = rulings.horizontal
    .filter((r) => r.from <= mid && r.to >= mid)
    .map((r) => r.at)
    .sort((a, b) => a - b);
  const starts = ys.filter((y, i) => i === 0 || y - ys[i - 1]! > SAME);
  const columns = rulings.vertical.filter((r) => r.at > slot.left - 4 && r.at < slot.right + 4);
  if (starts.length < 2 || columns.length === 0) return null;
  const foot = starts.at(-1)!;
  const open = rulings.vertical.some((r) => r.from <= foot + 2 && r.to > foot + 4);
  const text = grid.slots.find((s) => s.column === 'recommendation');
  const across = text && Number.isFinite(text.left) && Number.isFinite(text.right) ? (text.left + text.right) / 2 : null;
  const inner = starts.map((y) => across !== null && !rulings.horizontal.some((r) => Math.abs(r.at - y) <= SAME && r.from <= across && r.to >= across));
  return { starts, inner, foot, open };
}

/**
 * Whether a page's table ends with a whole row, so that the next page starts a new one: false when its foot
 * is open (the row goes on); true when the foot is closed well above where the table reaches on its fullest
 * page (the page break cut nothing, since there was room for more); null when it cannot be told, since
 * LibreOffice closes a row cut by the page break at the foot of the page, as if it ended there.
 */
export function endsRow(page: RuledPage | null, floor: number, line: number): boolean | null {
  if (!page) return null;
  if (page.open) return false;
  return floor - page.foot > 2 * line ? true : null;
}
