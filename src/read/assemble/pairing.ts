import type { Pairing } from '../../model/plan.js';
import type { Piece } from '../source-row.js';
import { filled, slotsOf, type LogicalRow, type RowPart, type Unit } from './row.js';

/** The owner (or date) pieces given to each action of a row, and how they were matched. */
export interface Paired {
  /** By action index: the pieces paired with that action (none when it has no owner). */
  given: Piece[][];
  pairing: Pairing;
  /** How many pieces with text the cell held. */
  count: number;
  /**
   * When paired part by part: how well the parts fit, from 0 to 1 (a part whose pieces match its actions in
   * number fits, one with fewer fits less, one with more than it has actions does not).
   */
  partsFit?: number;
}

/**
 * Pair one row's owner (or date) pieces with its actions. One action takes every piece (pieces from
 * several pages make that uneven, as the break may have hidden a row boundary); a cell whose
 * paragraphs, blanks included, match the actions in number pairs by index, a blank slot leaving its action
 * with none; so does a cell whose filled pieces match them. Otherwise positions on the page decide where
 * each piece stands beside a different action, or, where there are none, the blank paragraphs that stand in
 * for lines (see byBlankLines); failing that, one piece is shared by every action, and any
 * other count is paired in order as far as it goes, the surplus joined to the last action. In a PDF, which draws no
 * blank paragraph, those of a cell stacked from its top are first read back from the gaps they leave (stackedSlots).
 */
export function pair(row: LogicalRow, slot: 'owners' | 'dues', actions: readonly Unit[][], units: readonly Unit[] = actions.flat()): Paired {
  const drawn = slotsOf(row, slot);
  // Pieces stacked in a PDF's cell, their blank paragraphs restored, stand where paragraphs do, not beside actions.
  const stacked = stackedSlots(drawn, slotsOf(row, slot === 'owners' ? 'dues' : 'owners'), actions, units);
  const pieces = stacked ?? drawn;
  const full = pieces.filter(filled);
  const given: Piece[][] = actions.map(() => []);
  const result = (pairing: Pairing): Paired => ({ given, pairing, count: full.length });
  const n = actions.length;
  if (n === 0 || full.length === 0) return result('none');
  if (n === 1) {
    // Owners from both sides of a page break, for one action: perhaps a row the break hid; say so.
    if (row.parts.filter((part) => part[slot].some(filled)).length > 1) return { ...result('uneven'), partsFit: byPart(row.parts, slot, actions, given) };
    given[0]!.push(...full);
    return result('one-to-one');
  }
  if (pieces.length === n && full.length < n) {
    pieces.forEach((p, i) => filled(p) && given[i]!.push(p));
    return result('one-to-one');
  }
  if (full.length === n) {
    full.forEach((p, i) => given[i]!.push(p));
    return result('one-to-one');
  }
  const placed = (stacked ? null : byPosition(full, actions)) ?? byBlankLines(pieces, holdersOf(units, actions));
  if (placed) {
    placed.forEach((action, i) => given[action]!.push(full[i]!));
    return result('by-position');
  }
  if (full.length === 1) {
    for (const list of given) list.push(full[0]!);
    return result('shared');
  }
  return { ...result('uneven'), partsFit: byPart(row.parts, slot, actions, given) };
}

/**
 * Pair each part of a row (one page's share of it) on its own: in order where its pieces match the actions
 * it starts, counting the action it carries on from the page before where one more piece than that is
 * given; one piece serves every action it starts; otherwise in order as far as they go, the surplus joined
 * to the last. Pieces in a part with no action of its own go to the last action before it. Returns how well
 * the parts fit (see Paired).
 */
function byPart(parts: readonly RowPart[], slot: 'owners' | 'dues', actions: readonly Unit[][], given: Piece[][]): number {
  const actionOf = new Map<Piece, number>();
  actions.forEach((units, a) => units.forEach((u) => u.parts.forEach((p) => actionOf.set(p, a))));
  let last = -1;
  let withPieces = 0;
  let fit = 0;
  for (const part of parts) {
    const here = [...new Set(part.response.map((p) => actionOf.get(p)).filter((a) => a !== undefined))];
    const tail = here[0] !== undefined && here[0] <= last ? here[0] : undefined;
    const fresh = here.filter((a) => a > last);
    last = Math.max(last, ...here);
    const pieces = part[slot].filter(filled);
    if (pieces.length === 0) continue;
    const slots = tail === undefined ? fresh : [tail, ...fresh];
    withPieces++;
    if (pieces.length === fresh.length || pieces.length === slots.length) fit += 1;
    else if (pieces.length < slots.length) fit += 0.75;
    if (slots.length === 0) {
      for (const p of pieces) given[Math.max(last, 0)]!.push(p);
      continue;
    }
    const targets = fresh.length > 0 && (pieces.length === fresh.length || pieces.length === 1 || pieces.length !== slots.length) ? fresh : slots;
    if (pieces.length === 1) for (const a of targets) given[a]!.push(pieces[0]!);
    else pieces.forEach((p, i) => given[targets[Math.min(i, targets.length - 1)]!]!.push(p));
  }
  return withPieces === 0 ? 0 : fit / withPieces;
}

/** How far a piece may stand from a whole number of paragraph steps, as a share of a step. */
const STEP_SLACK = 0.15;

/**
 * A cell's pieces with the blank paragraphs between them restored, where a PDF shows them stacked one paragraph under
 * another from the top of the cell: a gap of whole paragraph steps where a blank paragraph stood, and blank slots
 * after the last, as many as the response has paragraphs to stand beside. The step is the smallest distance between
 * the tops of two consecutive one-line pieces, in this cell or in the row's other one (`other`: the dates beside
 * owners, or the owners beside dates), since a cell with a blank may have too few pieces; the first piece stands a whole number of
 * steps below the top of the response (unless the pieces stand as far above its foot as below its top: a cell
 * centred in its row), and each next one a whole number of steps below where it would stand with no blank between.
 * Pieces stacked from the top with no blank among them, fewer than the actions, come back as they are, to be paired
 * in order rather than by where each stands (a piece of several lines pushes the next one down beside a later
 * action). Not when every piece stands level with the first line of an action (owners placed beside their actions:
 * where they stand says which is whose), nor when the pieces have no place or show no step a paragraph long, nor
 * when any stands off the steps. Null then.
 */
function stackedSlots(pieces: readonly Piece[], other: readonly Piece[], actions: readonly Unit[][], units: readonly Unit[]): Piece[] | null {
  const full = pieces.filter(filled);
  if (full.length === 0 || full.length !== pieces.length || actions.length < 2) return null;
  const placed = (list: readonly Piece[]): boolean => list.every((p) => p.top !== undefined && p.bottom !== undefined && p.location.page === full[0]!.location.page);
  if (!placed(full)) return null;
  const starts = actions.map((list) => list[0]?.parts[0]).filter((p) => p !== undefined);
  if (starts.length !== actions.length || starts.some((p) => p.top === undefined || p.location.page !== full[0]!.location.page)) return null;
  const beside = other.filter(filled);
  const besideKnown = beside.length > 0 && placed(beside);
  const measured = besideKnown ? [full, beside] : [full];
  const line = Math.min(...measured.flat().map((p) => p.bottom! - p.top!));
  if (full.every((p) => starts.some((s) => Math.abs(s.top! - p.top!) <= line * 0.3))) return null;
  const oneLine = (p: Piece): boolean => p.bottom! - p.top! < line * 1.5;
  const [head, foot] = [units[0]?.parts[0], units.at(-1)?.parts.at(-1)];
  if (head?.top === undefined || head.location.page !== full[0]!.location.page) return null;
  // The cells' top: the response's, or the other cell's where it starts higher (a list may start below its cell's top).
  const top = Math.min(head.top, ...(besideKnown ? [beside[0]!.top!] : []));
  const centred = foot?.bottom !== undefined && foot.location.page === head.location.page && Math.abs(full[0]!.top! - head.top - (foot.bottom - full.at(-1)!.bottom!)) <= line * 0.5;
  /**
   * The pieces as they are, stacked from the top with nothing between them: fewer than the actions, they pair in
   * order as far as they go (uneven), not by where each happens to stand beside actions of several lines.
   */
  const inOrder = (): Piece[] | null => (full.length < 2 || centred || full.length >= actions.length ? null : [...full]);
  const steps = measured.flatMap((list) => list.slice(1).flatMap((p, i) => (oneLine(list[i]!) ? [p.top! - list[i]!.top!] : [])));
  if (steps.length === 0) {
    // Pieces of several lines each show no step; stacked from the top, each starts a paragraph's spacing below the last.
    const gaps = measured.flatMap((list) => list.slice(1).map((p, i) => p.top! - list[i]!.bottom!));
    const spacing = Math.min(...gaps);
    // (A paragraph's spacing is less than a line: a wider gap holds a blank line or more, which no step can count.)
    const contiguous = spacing >= 0 && spacing < line && full.slice(1).every((p, i) => p.top! - full[i]!.bottom! <= spacing + Math.max(1.5, 0.15 * line));
    return contiguous && Math.abs(full[0]!.top! - top) <= line * 0.3 ? inOrder() : null;
  }
  const step = Math.min(...steps);
  // A paragraph step is a line and a paragraph's spacing: a longer one spans blank lines, and measures nothing.
  if (step < line || step > 2 * line) return null;
  const whole = (distance: number): number | null => {
    const k = Math.round(distance / step);
    return k >= 0 && Math.abs(distance - k * step) <= STEP_SLACK * step ? k : null;
  };
  const lead = centred ? 0 : whole(full[0]!.top! - top);
  if (lead === null) return null;
  const out: Piece[] = [];
  const blank = (at: Piece): Piece => ({ text: '', kind: 'blank', location: at.location });
  for (let k = 0; k < lead; k++) out.push(blank(full[0]!));
  for (const [i, p] of full.entries()) {
    if (i > 0) {
      const prev = full[i - 1]!;
      const extra = whole(p.top! - prev.top! - (prev.bottom! - prev.top! - line) - step);
      if (extra === null) return null;
      for (let k = 0; k < extra; k++) out.push(blank(p));
    }
    out.push(p);
  }
  // Stacked from the top with no blank among them: in order, not by where each happens to stand.
  if (out.length === full.length) return inOrder();
  const slots = holdersOf(units, actions).length;
  while (out.length < slots) out.push(blank(full.at(-1)!));
  return out;
}

/** More slots than a drafter lines up by hand: past this, blank paragraphs are not read as lines. */
const MAX_LINE_SLOTS = 80;

/**
 * What stands in the response, in order, for blank paragraphs beside it to line up with: each action, and each
 * paragraph that belongs to none (a lead-in that only introduces its list: "The PDU will:"), which takes its
 * lines, and so its slots, but no owner or date.
 */
interface Holder {
  /** The action's index, or -1 for a paragraph that belongs to none. */
  action: number;
  /** The length of its text, for how many lines it may take. */
  length: number;
}

function holdersOf(units: readonly Unit[], actions: readonly Unit[][]): Holder[] {
  const actionOf = new Map<Unit, number>();
  actions.forEach((list, a) => list.forEach((u) => actionOf.set(u, a)));
  const holders: Holder[] = [];
  for (const unit of units) {
    const action = actionOf.get(unit) ?? -1;
    const last = holders.at(-1);
    if (action >= 0 && last?.action === action) last.length += unit.text.length;
    else holders.push({ action, length: unit.text.length });
  }
  // Actions whose units were not given in `units` stand after them.
  actions.forEach((list, a) => {
    if (!holders.some((h) => h.action === a)) holders.push({ action: a, length: list.reduce((sum, u) => sum + u.text.length, 0) });
  });
  return holders;
}

/**
 * The action each filled piece stands beside, when blank paragraphs in the cell stand in for lines (a
 * drafter pressing Enter to bring an owner level with its action) and there are more slots than actions:
 * the slots, trailing blanks aside (unless they are needed), are shared out in order into one run per holder
 * (see Holder), each run holding at most one filled piece, preferably at its start (beside the action's first
 * line), none for a paragraph of no action, and runs as long as their holders' text for a tie. Null when no such
 * share-out exists.
 */
function byBlankLines(pieces: readonly Piece[], holders: readonly Holder[]): number[] | null {
  let end = pieces.length;
  while (end > holders.length && !filled(pieces[end - 1]!)) end--;
  const slots = pieces.slice(0, end);
  const n = holders.length;
  const actions = holders.filter((h) => h.action >= 0).length;
  const full = slots.filter(filled).length;
  // The share-out weighs every run of every holder: bounded, so that a cell of thousands of blank paragraphs
  // (no drafter's alignment) costs nothing.
  if (slots.length <= actions || slots.length < n || full >= actions || full === 0 || slots.length > MAX_LINE_SLOTS) return null;
  // before[i]: how many of the first i slots are filled.
  const before = slots.reduce<number[]>((counts, slot) => [...counts, counts.at(-1)! + (filled(slot) ? 1 : 0)], [0]);
  const lengths = holders.map((h) => h.length);
  const total = lengths.reduce((a, b) => a + b, 0) || 1;
  // best[a][s]: the best score of giving the first s slots to the first a actions, and where run a began.
  const best: Array<Array<{ score: number; from: number } | null>> = Array.from({ length: n + 1 }, () => Array<null>(slots.length + 1).fill(null));
  best[0]![0] = { score: 0, from: 0 };
  for (let a = 1; a <= n; a++) {
    for (let s = a; s <= slots.length - (n - a); s++) {
      for (let from = a - 1; from < s; from++) {
        const prior = best[a - 1]![from];
        if (!prior) continue;
        const held = before[s]! - before[from]!;
        if (held > (holders[a - 1]!.action >= 0 ? 1 : 0)) continue;
        const fit = held === 0 ? 0 : filled(slots[from]!) ? 1 : 0.5;
        const shape = -Math.abs((s - from) / slots.length - lengths[a - 1]! / total) / n;
        const score = prior.score + fit + shape;
        if (!best[a]![s] || score > best[a]![s]!.score) best[a]![s] = { score, from };
      }
    }
  }
  if (!best[n]![slots.length]) return null;
  const owner: number[] = [];
  for (let a = n, s = slots.length; a > 0; a--) {
    const from = best[a]![s]!.from;
    if (before[s]! > before[from]!) owner.unshift(holders[a - 1]!.action);
    s = from;
  }
  return owner;
}

interface Anchor {
  page: number;
  top: number;
  action: number;
}

const before = (a: { page: number; top: number }, b: { page: number; top: number }): boolean => a.page < b.page || (a.page === b.page && a.top <= b.top);

/**
 * The action each piece stands beside, when every piece and action part has a place on a page: the action
 * whose text starts (or carries on) last at or above the piece's top. Pieces stacked at the top of their
 * cell land on one action and do not line up; null then, and when any place is unknown.
 */
function byPosition(pieces: readonly Piece[], actions: readonly Unit[][]): number[] | null {
  if (pieces.length < 2) return null;
  const anchors: Anchor[] = [];
  for (const [action, units] of actions.entries()) {
    for (const part of units.flatMap((u) => u.parts)) {
      if (part.top === undefined || part.location.page === undefined) return null;
      anchors.push({ page: part.location.page, top: part.top - 2, action });
    }
  }
  anchors.sort((a, b) => a.page - b.page || a.top - b.top);
  const out: number[] = [];
  for (const piece of pieces) {
    if (piece.top === undefined || piece.location.page === undefined) return null;
    const place = { page: piece.location.page, top: piece.top };
    let action = -1;
    for (const anchor of anchors) if (before(anchor, place)) action = Math.max(action, anchor.action);
    if (action < 0 || (out.length > 0 && action <= out.at(-1)!)) return null;
    out.push(action);
  }
  return out;
}
