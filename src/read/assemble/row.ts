import { isTerminated, joinSplit } from '../cells/text.js';
import type { Piece } from '../source-row.js';

/**
 * One page's (or one export line's) part of a logical table row: its response pieces and the owner and
 * date pieces beside them, blank owner and date paragraphs kept as slots.
 */
export interface RowPart {
  response: Piece[];
  owners: Piece[];
  dues: Piece[];
  /** True when the first response piece carries on the last piece of the part before (a split sentence). */
  joins: boolean;
}

/** A table row of a recommendation as the document draws it, with its parts split by page breaks. */
export interface LogicalRow {
  parts: RowPart[];
}

/** One paragraph or list item of a row's response, joined back together where a break split it. */
export interface Unit {
  text: string;
  kind: 'p' | 'li';
  /** The pieces it was made of, in order; their pages and positions place it. */
  parts: Piece[];
}

/**
 * The response of a row as units: blank paragraphs dropped, pieces split by a page break joined again, and,
 * unless `carryOn` is false, a paragraph that carries on the sentence before it joined to it (see carriesOn).
 * With `acrossBreaks`, a paragraph that opens a part after a page break is taken for the rest of the paragraph or
 * list item that closed the part before, even after a full stop: a page break can fall between two sentences of one.
 */
export function unitsOf(row: LogicalRow, carryOn = true, acrossBreaks = false): Unit[] {
  const units: Unit[] = [];
  row.parts.forEach((part, k) => {
    const opening = acrossBreaks && k > 0 ? firstFilled(part) : -1;
    part.response.forEach((piece, i) => {
      if (piece.kind === 'blank') return;
      const last = units.at(-1);
      // (A list item cut by the page goes on at the top of the next with no bullet: a paragraph, then.)
      const broken = i === opening && last !== undefined && piece.kind !== 'li';
      if ((i === 0 && part.joins && last) || broken || (carryOn && last && carriesOn(last, piece))) {
        last.text = joinSplit(last.text, piece.text);
        last.parts.push(piece);
      } else units.push({ text: piece.text, kind: piece.kind === 'li' ? 'li' : 'p', parts: [piece] });
    });
  });
  return units;
}

/** The index of a part's first response piece that is not blank. */
const firstFilled = (part: RowPart): number => part.response.findIndex((piece) => piece.kind !== 'blank');

/**
 * True when a paragraph is the rest of the sentence before it, cut by a line break (`<br>`, Shift+Enter) or
 * by Enter pressed mid-sentence: it starts in lower case after text that no sentence end or colon closed.
 * A list item is never taken for the rest of another: items may start in lower case after a lead-in.
 */
function carriesOn(last: Unit, piece: Piece): boolean {
  return piece.kind !== 'li' && !isTerminated(last.text) && /^\s*[a-z]/.test(piece.text);
}

/** Every owner (or date) piece of a row, blanks included, in order. */
export const slotsOf = (row: LogicalRow, slot: 'owners' | 'dues'): Piece[] => row.parts.flatMap((p) => p[slot]);

/** True for a piece that holds text, not a blank paragraph. */
export const filled = (piece: Piece): boolean => piece.kind !== 'blank';
