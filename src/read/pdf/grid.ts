import type { Column } from '../source-row.js';
import type { Header } from './header.js';
import { fragments, type Line, type TextItem } from './items.js';
import { relativeWidth } from './text-width.js';

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

/**
 * The smallest x a fragment starts at, inside (from, to]: a column's text starts at its left edge, and what is set
 * in from it (list items and their numbers) starts further right, however many lines start there: a column whose
 * only paragraph stands left of the other rows' numbered lists starts at that paragraph, not at the lists.
 */
function leftEdge(sorted: readonly number[], from: number, to: number): number | null {
  return sorted.find((x) => x > from && x <= to) ?? null;
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
export function columnsCrossed(grid: Grid, frag: Pick<Line, 'x' | 'right'>): number {
  return grid.slots.filter((s) => Number.isFinite(s.left) && frag.x < s.left - 1 && frag.right > s.left + 4).length;
}

/**
 * An item whose text runs over one column's start, cut in two there: where a cell's text reaches its edge and the
 * cells are tightly padded, the gap before the next cell's text can be too narrow for pdfjs to part the two, and it
 * puts a space between them in one item ("… receive regular Agreed"). It is cut at the space after which, by the
 * widths of the letters (text-width.ts), the next word starts where the column's text starts, give or take half a
 * font size; text that crosses the column on purpose has no word starting there. Otherwise the item as it is.
 */
export function cutAtColumnStart(item: TextItem, grid: Grid): TextItem[] {
  const crossed = grid.slots.filter((s) => Number.isFinite(s.left) && item.x < s.left - 1 && item.right > s.left + 4);
  if (crossed.length !== 1 || !item.text.includes(' ')) return [item];
  // A slot starts a point before its column's leftmost text (buildGrid).
  const start = crossed[0]!.left + 1;
  const scale = (item.right - item.x) / relativeWidth(item.text);
  let best: { at: number; x: number } | null = null;
  for (let at = item.text.indexOf(' '); at > 0; at = item.text.indexOf(' ', at + 1)) {
    const x = item.x + relativeWidth(item.text.slice(0, at + 1)) * scale;
    if (Math.abs(x - start) <= 0.5 * item.size && (best === null || Math.abs(x - start) < Math.abs(best.x - start))) best = { at, x };
  }
  if (best === null) return [item];
  const head = item.text.slice(0, best.at).trimEnd();
  const rest = item.text.slice(best.at + 1).trimStart();
  if (head === '' || rest === '') return [item];
  return [
    { ...item, text: head, right: item.x + relativeWidth(head) * scale },
    // (Estimated within half a font size of the column's start, it is taken to start there: it is that column's.)
    { ...item, text: rest, x: Math.max(best.x, start) },
  ];
}
