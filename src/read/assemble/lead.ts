import type { Agreement } from '../../model/plan.js';
import type { Unit } from './row.js';

/** A paragraph that opens by stating the agreement: "Partly agreed.", "This recommendation is not agreed as …", "HMPPS agrees …". */
const STATEMENT =
  /^(?:(?:this|the)\s+recommendation\s+(?:is|has\s+been|was)\s+|(?:hmpps|we|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:has\s+|have\s+|does\s+not\s+|do\s+not\s+)?)?(?:fully\s+|partly\s+|partially\s+|not\s+)?(?:agreed|accepted|agrees?|accepts?)\b(?:\s+in\s+(?:part|full|principle))?(?=\s*(?:[.:;,–—(-]|$)|\s+(?:with|that|because|as|since|but|however|on|for|subject)\b)/i;

/** A reason why a part cannot be done, with no commitment of its own ("Funding cannot be found …"). */
const REASON = /\b(?:cannot|can\s?not|can't|unable|not\s+(?:be\s+)?(?:possible|able|feasible|affordable|funded|practical|within)|will\s+not|won't|outside\s+(?:the|our|its)|beyond\s+(?:the|our|its)|no\s+(?:funding|budget|resources?|capacity))\b/i;
const COMMITS = /\b(?:will|shall)\b(?!\s+not)|\bplans?\s+to\b|\bis\s+(?:being|going\s+to)\b/i;

/** True when a paragraph states the agreement (and perhaps its reason) rather than an action. */
export const statesAgreement = (unit: Unit): boolean => unit.kind === 'p' && STATEMENT.test(unit.text.trim());

/**
 * The rest of a paragraph that opens with a bare statement of the agreement as a sentence of its own
 * ("Agreed. The PDU will …"), or null when it does not: kept as an action, it should not begin "Agreed.".
 */
export function afterStatement(text: string): string | null {
  const match = STATEMENT.exec(text.trim());
  if (!match) return null;
  const rest = /^\s*[.:]\s+(?=[A-Z])/.exec(text.trim().slice(match[0].length));
  return rest ? text.trim().slice(match[0].length + rest[0].length) : null;
}

/** True when a paragraph only explains why something will not be done. */
export const onlyReason = (unit: Unit): boolean => unit.kind === 'p' && REASON.test(unit.text) && !COMMITS.test(unit.text);

/**
 * How many paragraphs at the head of a response state the agreement or give the reason for a partial or
 * refused one: they belong to the response, not to its actions.
 */
export function headStatements(units: readonly Unit[], agreement: Agreement | null): number {
  let n = 0;
  const explains = agreement === 'partly-agreed' || agreement === 'not-agreed';
  while (n < units.length && (statesAgreement(units[n]!) || (explains && onlyReason(units[n]!)))) n++;
  return n;
}
