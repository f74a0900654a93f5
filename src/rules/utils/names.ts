import type { Recommendation } from '../../model/plan.js';

/** How messages name recommendations and actions, and quote the document's words, so that every rule says them alike. */

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
