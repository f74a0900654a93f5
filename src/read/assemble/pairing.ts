import type { Piece } from '../source-row.js';

/** An action being built: its text pieces and the owner and date pieces paired with it. */
export interface ActionDraft {
  pieces: Piece[];
  owners: Piece[];
  dues: Piece[];
}

/** One page's part of a logical table row: the actions it starts, and the owner and date pieces beside them. */
export interface Segment {
  /** The action whose text runs on into this segment from the page before, if any. */
  tail: ActionDraft | null;
  actions: ActionDraft[];
  owners: Piece[];
  dues: Piece[];
}

type Slot = 'owners' | 'dues';

/**
 * Pair the owner (or date) pieces of one logical row with its actions, and say how, when it was not one to
 * one. Equal counts over the row pair in order; a single piece serves every action of the row. Otherwise
 * each page's segment pairs on its own: by vertical
 * position where the pieces line up, in order where the counts match, one piece shared by every action of
 * the segment when there is only one, and in order with the surplus joined to the last action otherwise.
 * Returns null when every action got exactly one piece or the row gives none at all.
 */
export function pairSlot(segments: readonly Segment[], slot: Slot): string | null {
  const actions = segments.flatMap((s) => s.actions);
  const pieces = segments.flatMap((s) => s[slot]);
  if (pieces.length === 0) return null;
  if (actions.length === 0) {
    const owner = segments.find((s) => s.tail)?.tail;
    if (owner) for (const p of pieces) owner[slot].push(p);
    return null;
  }
  if (pieces.length === actions.length && !segments.some((s) => s.tail && s[slot].length > s.actions.length)) {
    actions.forEach((a, i) => a[slot].push(pieces[i]!));
    return null;
  }
  const what = slot === 'owners' ? 'owner' : 'target date';
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  const counts = `${plural(pieces.length, what)} for ${plural(actions.length, 'action')}`;
  if (pieces.length === 1) {
    // One owner (or date) written once for a whole row, however many pages the row runs over.
    actions.forEach((a) => a[slot].push(pieces[0]!));
    return `${counts}: the one given is applied to each`;
  }
  for (const segment of segments) pairSegment(segment, slot);
  return `${counts}: paired page by page as far as they go`;
}

function pairSegment(segment: Segment, slot: Slot): void {
  const { actions, tail } = segment;
  const pieces = segment[slot];
  if (pieces.length === 0) return;
  const slots = tail ? [tail, ...actions] : actions;
  if (slots.length === 0) return;
  if (byPosition(slots, pieces, slot)) return;
  if (pieces.length === actions.length) {
    actions.forEach((a, i) => a[slot].push(pieces[i]!));
  } else if (tail && pieces.length === actions.length + 1) {
    slots.forEach((a, i) => a[slot].push(pieces[i]!));
  } else if (pieces.length === 1) {
    for (const a of actions.length > 0 ? actions : slots) a[slot].push(pieces[0]!);
  } else {
    const targets = actions.length > 0 ? actions : slots;
    pieces.forEach((p, i) => targets[Math.min(i, targets.length - 1)]![slot].push(p));
  }
}

/**
 * Pair by position when every piece has one and each owner or date starts inside a different action's
 * vertical band; stacked pieces (all at the top of the cell) do not line up and fall back to order.
 */
function byPosition(slots: ActionDraft[], pieces: Piece[], slot: Slot): boolean {
  const tops = slots.map((a) => a.pieces.find((p) => p.top !== undefined && p.location.page === pieces[0]?.location.page)?.top);
  if (pieces.length < 2 || tops.some((t) => t === undefined) || pieces.some((p) => p.top === undefined)) return false;
  const band = (top: number): number => {
    let index = 0;
    tops.forEach((t, i) => {
      if (top >= t! - 2) index = i;
    });
    return index;
  };
  const bands = pieces.map((p) => band(p.top!));
  const distinct = bands.every((b, i) => i === 0 || b > bands[i - 1]!);
  if (!distinct || bands.at(-1) === 0) return false;
  pieces.forEach((p, i) => slots[bands[i]!]![slot].push(p));
  return true;
}
