import type { Location } from '../model/plan.js';
import type { FileResult, Finding } from '../model/result.js';

/**
 * Helpers that the CI formats (junit, gitlab) share, so that neither formatter imports the other: where a
 * finding sits in words, and a rule-less stand-in for a file that could not be read.
 */

/** `page 3`, `line 27`, `row 4`, or null when the finding has no place in the document. */
export function placeWords(loc: Location): string | null {
  if (loc.page !== undefined) return `page ${loc.page}`;
  if (loc.line !== undefined) return `line ${loc.line}`;
  if (loc.row !== undefined) return `row ${loc.row}`;
  return null;
}

/** What the finding concerns: `recommendation 4, action 2`, `recommendation 4`, or `plan`. */
export function subject(f: Pick<Finding, 'recommendation' | 'action'>): string {
  if (f.recommendation === null) return 'plan';
  return f.action === null ? `recommendation ${f.recommendation}` : `recommendation ${f.recommendation}, action ${f.action}`;
}

/** The rule id that CI formats give a file that could not be read. */
export const UNREADABLE_CHECK = 'plancheck/unreadable';

/** Every file's findings in order, an unreadable file being none. */
export function allFindings(results: readonly FileResult[]): Array<{ file: FileResult; finding: Finding }> {
  return results.flatMap((file) => file.findings.map((finding) => ({ file, finding })));
}
