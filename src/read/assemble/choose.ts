import type { Pairing } from '../../model/plan.js';
import { pair, type Paired } from './pairing.js';
import type { LogicalRow, Unit } from './row.js';
import { candidateCuts, type Cut } from './strategies.js';

/** A row read one way: its cut into actions and how its owners and dates pair with them. */
export interface RowReading {
  cut: Cut;
  owners: Paired;
  dues: Paired;
  /** How well the owners and dates line up with the cut (see score). */
  score: number;
}

/**
 * How well owners (or dates) line up with a cut. Pieces matched one to one with several actions, by count
 * or by place, are the strongest evidence; one action taking everything is next (in a paragraph cut a
 * cell of several owners beside one action counts for less, since it may have meant several actions); a
 * cell with nothing says nothing; a lone piece shared out, and counts that do not match, weigh against.
 */
function score(paired: Paired, cut: Cut): number {
  const n = cut.actions.length;
  const weights: Record<Pairing, number> = {
    'one-to-one': n > 1 ? 3 : paired.count > 1 && cut.strategy !== 'row-per-action' ? 1.5 : 2,
    'by-position': 3,
    none: 1,
    shared: 0.75,
    // Counts that differ over the row may still match page by page, which says something for the cut.
    uneven: 0.5 * (paired.partsFit ?? 0),
  };
  return weights[paired.pairing];
}

/**
 * Read one row: weigh each candidate cut by how its owners and dates line up with it, and take the best,
 * the earlier candidate (the stronger structure) on a tie.
 */
export function readRow(row: LogicalRow, units: readonly Unit[], manyRows: boolean): RowReading {
  let best: RowReading | null = null;
  for (const cut of candidateCuts(units, manyRows)) {
    const owners = pair(row, 'owners', cut.actions, units);
    const dues = pair(row, 'dues', cut.actions, units);
    const reading = { cut, owners, dues, score: score(owners, cut) + score(dues, cut) };
    if (!best || reading.score > best.score) best = reading;
  }
  return best ?? { cut: { strategy: 'paragraph', actions: [] }, owners: pair(row, 'owners', []), dues: pair(row, 'dues', []), score: 0 };
}
