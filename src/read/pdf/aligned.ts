import type { Column, Piece } from '../source-row.js';
import type { Line } from './items.js';
import type { Paragraph } from './paragraphs.js';
import type { Cells } from './subrows.js';
import { cut } from './tight.js';

const SIDE: readonly Column[] = ['owner', 'due'];

const lineTop = (line: Line): number => line.baseline - line.size * 0.8;

/**
 * Cut the pieces of a band laid out one row per action, with no rules between its rows, where its paragraphs are
 * set with no space between them and the text of two rows ran together (subrows.ts, runTogether): nothing but
 * where each row's cells start shows where one row ends. An action is cut at a line of it, below its first and
 * starting with a capital or a digit, that an owner or date starts level with, where every other owner and date
 * column starts one too or runs on through it (one column's text centred in its row, or placed apart, is not
 * enough); then an owner or date is cut at a line level with the first line of an action that an owner or date
 * starts level with, where its row starts. `source` gives each piece's lines.
 */
export function cutAtRowStarts(cells: Cells, source: Map<Piece, Paragraph>): void {
  const all = Object.values(cells).flat();
  const sides = SIDE.filter((c) => (cells[c]?.length ?? 0) > 0);
  if (sides.length === 0 || !cells.response || all.some((p) => !source.has(p))) return;
  const line = Math.min(...all.map((p) => source.get(p)!.first.size));
  const level = (a: number, b: number): boolean => Math.abs(a - b) <= line * 0.3;
  // Where the owners and dates after the first of each column start, and where their lines below their first start.
  const later = (column: Column): number[] => (cells[column] ?? []).slice(1).map((p) => p.top!);
  const inner = (column: Column): number[] => (cells[column] ?? []).flatMap((p) => source.get(p)!.lines.slice(1).map(lineTop));
  // A row starts at a line that an owner or date starts level with, where every other such column starts one too, or
  // runs on through it (its text ran together as well).
  const rowStart = (top: number): boolean =>
    sides.some((c) => later(c).some((t) => level(t, top))) && sides.every((c) => [...later(c), ...inner(c)].some((t) => level(t, top)));
  cells.response = cells.response.flatMap((piece) => {
    const lines = source.get(piece)!.lines;
    const at = lines
      .map((l, i) => ({ l, i }))
      .filter(({ l, i }) => i > 0 && /^[A-Z0-9]/.test(l.text.trim()) && rowStart(lineTop(l)))
      .map(({ i }) => i);
    return cut(piece, source, at);
  });
  const starts = cells.response.slice(1).map((p) => p.top!).filter((t) => sides.some((c) => cells[c]!.some((p) => level(p.top!, t))));
  for (const column of sides) {
    cells[column] = cells[column]!.flatMap((piece) => {
      const lines = source.get(piece)!.lines;
      return cut(piece, source, lines.map((l, i) => ({ l, i })).filter(({ l, i }) => i > 0 && starts.some((t) => level(t, lineTop(l)))).map(({ i }) => i));
    });
  }
}
