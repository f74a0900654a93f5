import { plausibleActionCounts, unitsOf, type Unit } from '../assemble/index.js';
import { parseAgreement } from '../cells/agreement.js';
import { collapse, flowBetween, isTerminated, joinSplit, startsLikeContinuation } from '../cells/text.js';
import type { Column, Piece } from '../source-row.js';
import { wrapped } from './paragraphs.js';
import type { ColumnSense, Paragraph } from './paragraphs.js';
import type { Cells } from './subrows.js';
import { JOINS_ON } from './tight.js';

/** The last owner or date of a column on a page, kept to join the top of the next page to it. */
export interface Tail {
  paragraph: Paragraph;
  piece: Piece;
  /** True when no further line would have fitted below it on its page, so the page break may have cut it. */
  atBottom: boolean;
}

/** The columns joined here; the shared step joins split response and recommendation text itself. */
export const SIDE_COLUMNS: readonly Column[] = ['owner', 'due'];

/** The response of a table row split over pages, as the units the shared step reads its actions from. */
function unitsOfParts(parts: readonly Cells[], acrossBreaks = false): Unit[] {
  let last: string | null = null;
  const rowParts = parts.map((part, k) => {
    const response = part.response ?? [];
    const joins = k > 0 && response[0] !== undefined && last !== null && flowBetween(last, response[0]) === 'joins';
    for (const p of response) last = collapse(p.text);
    return { response, owners: [], dues: [], joins };
  });
  return unitsOf({ parts: rowParts }, true, acrossBreaks);
}

/**
 * Whether the owner (or date) at the top of a continuation page may be the rest of the one cut off at
 * the bottom of the page before: nothing more fit on that page, and its last line is full (the first
 * word at the top of the next page would not have fitted after it), unless the column's own sense of where
 * an entry starts (`sense.starts`: target dates, dates.ts) says a new one starts there; or its words say it goes
 * on (`sense.goesOn`: owners).
 */
export function mayContinue(tail: Tail | undefined, head: Paragraph, right: number, sense: ColumnSense = {}): tail is Tail {
  if (tail === undefined || !tail.atBottom) return false;
  if (endsOnJoin(tail) || sense.goesOn?.(tail.paragraph.last, head.first) === true) return true;
  return wrapped(tail.paragraph.last, head.first, right) && !(sense.starts?.(tail.piece.text, head.first) ?? false);
}

/** True when the tail's last line ends on a comma or a joining word ("Safeguarding Lead and"): it goes on. */
const endsOnJoin = (tail: Tail): boolean => JOINS_ON.test(tail.piece.text.trim());

/** A possible join across a page break, settled once the whole table row is known. */
export interface Candidate {
  tail: Tail;
  part: Cells;
  column: Column;
  /** True when the page cut a word too long for its column ("30/06/202" / "7"): the halves join with no space. */
  word?: boolean;
}

/**
 * Settle the possible joins of one table row (its parts on successive pages). A page can break inside an
 * owner or between two owners, and the two look alike; where the owners and the dates can both come, by joins,
 * to one count of actions by some reading of the response, the largest such count decides; otherwise, where owners
 * (or dates) pair one to one with the row's actions by some reading, counting decides, and else the joins are
 * made; a piece that ends on a comma or a joining word is joined either way.
 */
export function settleJoins(row: readonly Cells[], candidates: readonly Candidate[]): Join[] {
  const joins: Join[] = [];
  if (candidates.length === 0) return joins;
  // The shared step may also read a paragraph cut by the page break between two sentences as one (unitsOf).
  const counts = new Set([...plausibleActionCounts(unitsOfParts(row)), ...plausibleActionCounts(unitsOfParts(row, true))]);
  const columns = SIDE_COLUMNS.map((column) => ({ column, mine: candidates.filter((c) => c.column === column), pieces: row.reduce((n, c) => n + (c[column]?.length ?? 0), 0) }));
  // A count of actions that the owners and the dates can both come to, each joining no more than its candidates: the
  // largest (the fewest joins). Owners cut by the page and dates that are not can then agree on it.
  const given = columns.filter((c) => c.pieces > 0);
  const agreed = given.length > 1 ? Math.max(...[...counts].filter((n) => given.every((c) => c.pieces - c.mine.length <= n && n <= c.pieces))) : -Infinity;
  for (const { column, mine, pieces } of columns) {
    // A piece that ends on a joining word goes on whatever the counts say.
    const ending = mine.filter((c) => endsOnJoin(c.tail));
    const sure =
      Number.isFinite(agreed) && pieces > 0 ? [...ending, ...mine.filter((c) => !ending.includes(c))].slice(0, Math.max(ending.length, pieces - agreed))
      : counts.has(pieces) ? ending
      : mine;
    // Later joins first, so that a piece cut over three pages is whole before it joins the first.
    for (const c of [...sure].reverse()) joins.push(joinAcross(c.tail, c.part, column, c.word === true));
  }
  return joins;
}

/** A piece at the top of a page joined into the one the page before ended on. */
export interface Join {
  tail: Piece;
  head: Piece;
}

/** True when the first response piece of `next` carries on the last action of the open row, as the shared step reads it. */
export function continuesAction(row: readonly Cells[], next: Cells): boolean {
  const last = row.flatMap((c) => c.response ?? []).at(-1);
  const head = next.response?.[0];
  return last !== undefined && head !== undefined && flowBetween(collapse(last.text), head) !== 'new';
}

/**
 * True when `next`, at the top of a page, finishes the open row's agreement or recommendation: its agreement
 * completes one that the page cut ("Partly" / "Agreed"), or its recommendation goes on in lower case from one left
 * unfinished. Such a part is the rest of that row, even where a rule closed the page before at its foot.
 */
export function finishesRow(row: readonly Cells[], next: Cells): boolean {
  const last = (column: Column): string | undefined => row.flatMap((c) => c[column] ?? []).at(-1)?.text;
  const agreement = last('agreement');
  const rest = next.agreement?.[0]?.text;
  if (agreement !== undefined && rest !== undefined && parseAgreement(agreement) === null && parseAgreement(`${agreement} ${rest}`) !== null) return true;
  const text = last('recommendation');
  const more = next.recommendation?.[0]?.text;
  return text !== undefined && more !== undefined && !isTerminated(text) && startsLikeContinuation(more);
}

/** Join the head piece into the tail piece it continues, and drop it from its row. */
function joinAcross(tail: Tail, next: Cells, column: Column, word: boolean): Join {
  const pieces = next[column]!;
  const head = pieces.shift()!;
  tail.piece.text = word ? `${tail.piece.text}${head.text.trim()}` : joinSplit(tail.piece.text, head.text);
  if (pieces.length === 0) delete next[column];
  return { tail: tail.piece, head };
}
