import type { Column } from '../source-row.js';
import type { Header } from './header.js';
import { fragments, type Line } from './items.js';

/** One column of the table: what it holds and the x-range its text starts in. */
export interface Slot {
  column: Column | null;
  left: number;
  right: number;
}

/** The table's columns, left to right, covering the whole width of the page. */
export interface Grid {
  slots: Slot[];
}

/** The smallest x that several fragments start at, inside (from, to]; a lone start counts when no x repeats. */
function leftEdge(sorted: readonly number[], from: number, to: number): number | null {
  const inside = sorted.filter((x) => x > from && x <= to);
  if (inside.length === 0) return null;
  // Sorted, a start is repeated when its neighbour is within a point of it.
  const repeated = inside.find((x, i) => (i > 0 && x - inside[i - 1]! < 1) || (i + 1 < inside.length && inside[i + 1]! - x < 1));
  return repeated ?? inside[0]!;
}

/**
 * Column boundaries from the header cells. A boundary lies between one title's right end and the next
 * title's left end; body text starts at the column's left edge, which is the title's left end when titles
 * are left-aligned and further left when they are centred, so the boundary is put just before the
 * leftmost body start in that gap. A first column without a title (the rec numbers, often) gets a slot
 * of its own when body text sits left of every title.
 */
export function buildGrid(header: Header, body: readonly Line[]): Grid {
  const starts = body.flatMap((line) => fragments(line).map((f) => f.x)).sort((a, b) => a - b);
  const cells = header.cells;
  const bounds: number[] = [];
  for (let i = 1; i < cells.length; i++) {
    const edge = leftEdge(starts, cells[i - 1]!.right + 0.5, cells[i]!.x + 1);
    bounds.push((edge ?? cells[i]!.x) - 1);
  }
  const slots: Slot[] = cells.map((cell, i) => ({ column: cell.column, left: i === 0 ? -Infinity : bounds[i - 1]!, right: bounds[i] ?? Infinity }));
  const first = cells[0]!;
  if (!cells.some((c) => c.column === 'number')) {
    const before = body.flatMap((line) => fragments(line)).filter((f) => f.right <= first.x - 2);
    // Rec numbers are short and carry a digit; short lines of a centred first title's column are not numbers.
    if (before.length > 0 && before.every((f) => f.text.length <= 15) && before.some((f) => /\d/.test(f.text))) {
      const edge = leftEdge(starts, Math.max(...before.map((f) => f.right)), first.x + 1) ?? first.x;
      slots[0]!.left = edge - 1;
      slots.unshift({ column: 'number', left: -Infinity, right: edge - 1 });
    }
  }
  return { slots };
}

/** The index of the slot whose range holds x. */
export function slotAt(grid: Grid, x: number): number {
  const i = grid.slots.findIndex((s) => x >= s.left && x < s.right);
  return i < 0 ? grid.slots.length - 1 : i;
}

/** How many column starts a run of text crosses: one or more for a merged cell, or text outside the table. */
export function columnsCrossed(grid: Grid, frag: Line): number {
  return grid.slots.filter((s) => Number.isFinite(s.left) && frag.x < s.left - 1 && frag.right > s.left + 4).length;
}
