import type { Grid } from './grid.js';
import type { Line } from './items.js';
import { top, type PageColumns } from './bands.js';

/** The columns that hold one paragraph per row, which a row's start is found by. */
const ANCHORS = new Set(['number', 'recommendation', 'agreement']);

const bottom = (line: Line): number => line.baseline + line.size * 0.2;

/** The vertical extent of a run of lines. */
interface Block {
  top: number;
  bottom: number;
}

/**
 * A column's text in blocks: lines less than two lines apart, paragraphs and their spacing together. A cell is
 * centred as a whole, whatever the paragraphs in it.
 */
function blocks(lines: readonly Line[]): Block[] {
  const out: Block[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (prev && line.baseline - prev.baseline < 1.8 * prev.size) out.at(-1)!.bottom = bottom(line);
    else out.push({ top: top(line), bottom: bottom(line) });
  });
  return out;
}

/**
 * Move row starts up to where rows begin when their cells are centred in them (LibreOffice sets the cells
 * of an HTML table so): the rec number then sits halfway down its row, and the text above it in the other
 * columns is that row's, not the row before's. A row is taken to be centred only where it shows it: its
 * rec text (or agreement) starts above the number and has the same middle. Such a row is as high above its
 * middle as below it, so it starts near that height, at the line after the widest gap across every column;
 * between that line and the number, the number, text and agreement columns hold only this row's own
 * paragraphs. `starts` are the row starts found from numbers and agreements, top to bottom; headings
 * (`fixed`) stay where they are. Rows are settled from the bottom of the page up, since where a row ends
 * is where the next one starts.
 */
export function centredStarts(page: PageColumns, grid: Grid, starts: readonly number[], fixed: readonly number[]): number[] {
  const anchorSlots = grid.slots.flatMap((s, i) => (s.column && ANCHORS.has(s.column) ? [i] : []));
  const anchors = anchorSlots.flatMap((i) => blocks(page.columns[i]!));
  const lines = page.columns.flat();
  const anchorLines = anchorSlots.flatMap((i) => page.columns[i]!);
  const out = [...starts];
  for (let j = starts.length - 1; j >= 0; j--) {
    const s = starts[j]!;
    if (fixed.some((f) => Math.abs(f - s) <= 4)) continue;
    const size = Math.max(...lines.filter((l) => Math.abs(top(l) - s) <= 4).map((l) => l.size), 8);
    const floor = starts[j - 1] ?? -Infinity;
    const own = anchors.filter((p) => p.top < s + size && p.bottom > s && p.top > floor + 1);
    const middle = (p: Block): number => (p.top + p.bottom) / 2;
    // Text starting above the row start found, or (where that start is already the top of a taller anchor, such
    // as an agreement set on two lines) anchors starting at different heights, shows the row's cells centred.
    const tops = own.map((p) => p.top);
    if (!own.some((p) => p.top < s - 0.5 * size) && !(Math.max(...tops) - Math.min(...tops) >= 0.5 * size)) continue;
    const c = own.reduce((n, p) => n + middle(p), 0) / own.length;
    if (own.some((p) => Math.abs(middle(p) - c) > 0.6 * size)) continue;
    const next = out[j + 1] ?? Infinity;
    // (The next row's start is one of its lines' tops, chosen among some within a point of each other: none is this row's.)
    const end = Math.max(...lines.filter((l) => top(l) >= s - 1 && top(l) < next - 1).map(bottom));
    const wanted = 2 * c - end;
    const ownTop = Math.min(...own.map((p) => p.top));
    const gapAbove = (t: number): number => t - Math.max(-Infinity, ...lines.filter((l) => top(l) < t - 1).map(bottom));
    // The row starts after a gap across every column (rows part more widely than paragraphs), near that height:
    // a cell's last paragraph may keep its spacing below it, which sets the text a little above the middle.
    const candidates = lines
      .map(top)
      .filter((t) => t > floor + 1 && t < s - 0.5 * size && t <= ownTop + 1 && Math.abs(t - wanted) <= 2 * size)
      .filter((t) => gapAbove(t) >= -1)
      // Between the new start and the number, the anchor columns hold only this row's own paragraphs.
      .filter((t) => anchorLines.every((l) => top(l) < t - 1 || top(l) >= ownTop - 1));
    const best = candidates.sort((a, b) => gapAbove(b) - gapAbove(a) || Math.abs(a - wanted) - Math.abs(b - wanted))[0];
    if (best !== undefined) out[j] = best;
  }
  return out;
}
