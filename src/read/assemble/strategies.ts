import type { Strategy } from '../../model/plan.js';
import { leadsIn } from '../cells/text.js';
import type { Unit } from './row.js';

/** One way of cutting a row's response into actions: the units of each action, in order. */
export interface Cut {
  strategy: Exclude<Strategy, 'no-actions'>;
  actions: Unit[][];
}

/** True for a paragraph that introduces the list after it ("… will do so by:"). */
const introduces = (unit: Unit, next: Unit | undefined): boolean => unit.kind === 'p' && leadsIn(unit.text) && next?.kind === 'li';

/** The whole row is one action: a table drawn with one row per action. */
export function wholeRow(units: readonly Unit[]): Cut {
  return { strategy: 'row-per-action', actions: units.length > 0 ? [[...units]] : [] };
}

/**
 * Each paragraph is one action, with the bullet list that follows it: a lead and its bullets are one
 * action unless owners or dates are given one per bullet (the cut below). Bullets with no paragraph before
 * them stand alone.
 */
export function byParagraph(units: readonly Unit[]): Cut {
  const actions: Unit[][] = [];
  let open: Unit[] | null = null;
  for (const unit of units) {
    if (unit.kind === 'li' && open) open.push(unit);
    else {
      const action = [unit];
      actions.push(action);
      open = unit.kind === 'p' ? action : null;
    }
  }
  return { strategy: 'paragraph', actions };
}

/** Each paragraph and each bullet is one action; a paragraph that only introduces its list is none. */
export function byParagraphAndBullet(units: readonly Unit[]): Cut {
  const actions = units.filter((unit, i) => !introduces(unit, units[i + 1])).map((unit) => [unit]);
  return { strategy: 'paragraph-and-bullet', actions };
}

/**
 * The cuts worth weighing for a row, strongest structure first (ties go to the earlier one): when the
 * recommendation spans several table rows, the row itself; then paragraphs with their lists; then every
 * paragraph and bullet. A cut that gives the same actions as an earlier one is left out.
 */
export function candidateCuts(units: readonly Unit[], manyRows: boolean): Cut[] {
  const cuts = [...(manyRows ? [wholeRow(units)] : []), byParagraph(units), byParagraphAndBullet(units)];
  return cuts.filter((cut, i) => !cuts.slice(0, i).some((earlier) => sameActions(earlier, cut)));
}

function sameActions(a: Cut, b: Cut): boolean {
  return a.actions.length === b.actions.length && a.actions.every((units, i) => units.length === b.actions[i]!.length && units.every((u, j) => u === b.actions[i]![j]));
}

/** How many actions a response may hold, by each cut of it: for readers that must know before the rows are done. */
export function plausibleActionCounts(units: readonly Unit[]): Set<number> {
  return new Set([byParagraph(units), byParagraphAndBullet(units)].map((cut) => cut.actions.length));
}
