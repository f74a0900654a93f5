import type { Action, PlanDocument, Recommendation } from '../../model/plan.js';

/** Call `visit` for every action of every recommendation, with both indexes. */
export function eachAction(
  doc: PlanDocument,
  visit: (action: Action, actionIndex: number, rec: Recommendation, recIndex: number) => void,
): void {
  doc.recommendations.forEach((rec, i) => rec.actions.forEach((action, j) => visit(action, j, rec, i)));
}

/**
 * Like eachAction, but only for recommendations that commit to something: a Not Agreed response explains
 * why nothing will be done, so the template asks it for reasons, not for owners, dates or firm wording.
 */
export function eachCommittedAction(
  doc: PlanDocument,
  visit: (action: Action, actionIndex: number, rec: Recommendation, recIndex: number) => void,
): void {
  eachAction(doc, (action, j, rec, i) => {
    if (rec.agreement !== 'not-agreed') visit(action, j, rec, i);
  });
}
