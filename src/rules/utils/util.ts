import type { Action, Diagnostic, PlanDocument, Recommendation } from '../../model/plan.js';
import { parsePath } from '../../model/path.js';

/** How messages name a recommendation: its number, or `#<position>` when it has none. */
export function recName(rec: Recommendation | undefined, index: number): string {
  return rec?.number ?? `#${index + 1}`;
}

/** "Recommendation 4", for the start of a message. */
export function recLabel(rec: Recommendation | undefined, index: number): string {
  return `Recommendation ${recName(rec, index)}`;
}

/** "action 2 of recommendation 4", for inside a message. */
export function actionName(rec: Recommendation, index: number, actionIndex: number): string {
  return `action ${actionIndex + 1} of recommendation ${recName(rec, index)}`;
}

/** "Action 2 of recommendation 4", for the start of a message. */
export function actionLabel(rec: Recommendation, index: number, actionIndex: number): string {
  return `A${actionName(rec, index, actionIndex).slice(1)}`;
}

/** The document's words in single quotes, whitespace collapsed and cut to about 60 characters with "…". */
export function quote(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
  return `'${cut}'`;
}

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

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Months since year 0 of an ISO date (`YYYY-MM` or `YYYY-MM-DD`), so that two dates can be compared by month. */
export function monthNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** "May 2019" for an ISO date. */
export function monthName(iso: string): string {
  return `${MONTH_NAMES[Number(iso.slice(5, 7)) - 1] ?? iso.slice(5, 7)} ${iso.slice(0, 4)}`;
}

/** The reader's diagnostics of one kind. */
export function diagnosticsWithCode(doc: PlanDocument, code: string): Diagnostic[] {
  return doc.diagnostics.filter((d) => d.code === code);
}

/** The recommendation index a diagnostic's path points at (`recommendations[3]` → 3), or null. */
export function recIndexOf(path: string | undefined): number | null {
  if (path === undefined) return null;
  const [head, index] = parsePath(path);
  return head === 'recommendations' && typeof index === 'number' ? index : null;
}
