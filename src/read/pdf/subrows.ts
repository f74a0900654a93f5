import { leadsIn } from '../cells/text.js';
import type { Column, Piece } from '../source-row.js';

/** The pieces of each column of one row band, top to bottom. */
export type Cells = Partial<Record<Column, Piece[]>>;

const SIDE: Column[] = ['owner', 'due'];

/** The height of one line of text, from the shortest piece (a piece is at least one line). */
const lineHeight = (pieces: readonly Piece[]): number => Math.min(...pieces.map((p) => p.bottom! - p.top!));

/**
 * True when a column's pieces were placed rather than stacked: the first starts below the top of the row
 * (unless the row's cells are all centred in it), or there is a blank band between two of them wider than
 * the spacing between paragraphs.
 */
function placed(pieces: readonly Piece[], rowTop: number, line: number, centred: boolean): boolean {
  if (pieces.length === 0) return false;
  if (pieces[0]!.top! > rowTop + line * 0.5 && !centred) return true;
  return pieces.some((p, i) => i > 0 && p.top! - pieces[i - 1]!.bottom! > line * 1.2 + 2);
}

/**
 * True when the row's cells are centred in it, as LibreOffice sets an HTML table's: its rec number (or
 * agreement, or on a page a row carries on to, what is left of its text) stands halfway down a row that starts
 * above it. Stacked owners and dates are then centred
 * too, not placed beside an action.
 */
function centredRow(cells: Cells, rowTop: number, rowBottom: number, line: number): boolean {
  const text = cells.recommendation;
  const anchor = cells.number?.[0] ?? cells.agreement?.[0] ?? (text?.length ? { top: text[0]!.top, bottom: text.at(-1)!.bottom } : undefined);
  if (!anchor) return false;
  return anchor.top! > rowTop + line && Math.abs((anchor.top! + anchor.bottom! - rowTop - rowBottom) / 2) <= line * 0.5;
}

/** A band cut into the table rows it holds; `placed` when its owners or dates sit beside their actions. */
export interface Split {
  parts: Cells[];
  placed: boolean;
}

/**
 * Split a band between two rec numbers into the table rows it holds, when it is laid out one row per
 * action with no ruling lines to show it: owners or dates are placed beside their actions (not stacked at
 * the top of their cells), and a new row starts at each action whose top an owner or a date shares. A
 * band whose owners and dates are stacked stays whole, and they pair with its actions in order.
 */
export function splitByAlignment(cells: Cells): Split {
  const whole = { parts: [cells], placed: false };
  const response = cells.response ?? [];
  const side = SIDE.flatMap((c) => cells[c] ?? []);
  const all = Object.values(cells).flat();
  if (response.length === 0 || side.length === 0 || all.some((p) => p.top === undefined || p.bottom === undefined)) return whole;
  const line = lineHeight(all);
  const rowTop = Math.min(...all.map((p) => p.top!));
  const rowBottom = Math.max(...all.map((p) => p.bottom!));
  const centred = centredRow(cells, rowTop, rowBottom, line);
  if (!SIDE.some((c) => placed(cells[c] ?? [], rowTop, line, centred))) return whole;
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= line * 0.3;
  const cuts = response.slice(1).map((p) => p.top!).filter((t) => side.some((s) => near(s.top!, t)));
  const out: Cells[] = [{}, ...cuts.map(() => ({}))];
  for (const [column, pieces] of Object.entries(cells) as Array<[Column, Piece[]]>) {
    for (const p of pieces) {
      let index = 0;
      cuts.forEach((cut, i) => {
        if (p.top! >= cut - line * 0.3) index = i + 1;
      });
      (out[index]![column] ??= []).push(p);
    }
  }
  return { parts: anchorsFirst(withLeadIns(out.filter((c) => Object.keys(c).length > 0))), placed: true };
}

/** The cells that merged cells hold for every row of a recommendation: its number, text and agreement. */
const ANCHORS: Column[] = ['number', 'recommendation', 'agreement'];

/**
 * Parts with the band's number, text and agreement moved up to its first part, when the number stands lower: in a
 * table of one row per action, merged cells centred across a recommendation's rows set its number beside a later
 * row, and the rows above it, with no number, were taken for the rest of the recommendation before (or, first in the
 * table, for one with no number). A band starts where its recommendation does, so every part of it is this one's.
 */
function anchorsFirst(parts: readonly Cells[]): Cells[] {
  const k = parts.findIndex((part) => (part.number?.length ?? 0) > 0);
  if (k <= 0) return [...parts];
  const moved = parts.map((part) => ({ ...part }));
  for (const column of ANCHORS) {
    const pieces = moved.slice(0, k + 1).flatMap((part) => part[column] ?? []);
    for (const part of moved.slice(1, k + 1)) delete part[column];
    if (pieces.length > 0) moved[0]![column] = pieces;
  }
  return moved.filter((part) => Object.keys(part).length > 0);
}

/**
 * Parts with a part that ends on a lead-in ("The PDU will:") with no owner or date in it joined to the next part,
 * when that part's list starts the lead-in's: the owners and dates are level with the list's items, not with the
 * lead-in, and a row whose cells are centred sets the lead-in (and its rec text) above its rec number, where it
 * would start a part of its own, the rest of the row before.
 */
function withLeadIns(parts: readonly Cells[]): Cells[] {
  const out: Cells[] = [];
  let lead: Cells | null = null;
  for (const [k, part] of parts.entries()) {
    const cells: Cells = lead ? joinCells(lead, part) : part;
    lead = null;
    const next = parts[k + 1];
    if (next && !SIDE.some((column) => cells[column]?.length) && leadsIn(cells.response?.at(-1)?.text ?? '') && next.response?.[0]?.kind === 'li') {
      lead = cells;
      continue;
    }
    out.push(cells);
  }
  return out;
}

/** Two parts' pieces as one part, column by column, the first's above. */
function joinCells(above: Cells, below: Cells): Cells {
  const joined: Cells = { ...above };
  for (const [column, pieces] of Object.entries(below) as Array<[Column, Piece[]]>) joined[column] = [...(joined[column] ?? []), ...pieces];
  return joined;
}

/** The columns that hold one action's text, owner and date: a row per action ends all three where it ends. */
const ACTION: Column[] = ['response', ...SIDE];

/**
 * True when the text of two table rows may have run together in a band cut by alignment, as paragraphs set with
 * no space between them do (nothing shows where one row's text ends and the next one's begins): an action, owner
 * or date of one part runs on below the top of the next part, or an owner or date after the first of its part
 * starts level with a line inside an action, below that action's first line. (The cells of a recommendation,
 * merged down its rows, run on by design.)
 */
export function runTogether(parts: readonly Cells[]): boolean {
  const pieces = (part: Cells): Piece[] => ACTION.flatMap((c) => part[c] ?? []);
  return parts.some((part, k) => {
    const line = lineHeight(Object.values(part).flat());
    const next = parts[k + 1];
    const below = next ? Math.min(...pieces(next).map((p) => p.top ?? Infinity)) : Infinity;
    if (pieces(part).some((p) => p.bottom !== undefined && p.bottom > below + line * 0.3)) return true;
    const inside = SIDE.flatMap((c) => (part[c] ?? []).slice(1)).map((p) => p.top!);
    return (part.response ?? []).some((r) => inside.some((t) => t > r.top! + line * 0.7 && t < r.bottom! - line * 0.7));
  });
}

/** True when an owner or a date starts level with the first action of a row: the row starts there. */
export function startsLevel(cells: Cells): boolean {
  const first = cells.response?.[0];
  const all = Object.values(cells).flat();
  if (!first || first.top === undefined || all.some((p) => p.top === undefined || p.bottom === undefined)) return false;
  const line = lineHeight(all);
  return SIDE.some((c) => (cells[c] ?? []).some((p) => Math.abs(p.top! - first.top!) <= line * 0.3));
}
