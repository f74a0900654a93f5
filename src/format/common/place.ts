import type { Location } from '../../model/plan.js';
import type { Finding } from '../../model/result.js';

/**
 * How every output writes where a finding sits in the document. A location gives a PDF page, a text-export
 * line or an HTML/Word table row; when it gives more than one, they are named in that order.
 */
type Unit = 'page' | 'line' | 'row';
const UNITS: readonly Unit[] = ['page', 'line', 'row'];

/** The words put before each unit's number. */
type Words = Readonly<Record<Unit, string>>;
const LONG: Words = { page: 'page ', line: 'line ', row: 'row ' };
const SHORT: Words = { page: 'p.', line: 'l.', row: 'row ' };

function named(loc: Location, words: Words): string[] {
  return UNITS.filter((u) => loc[u] !== undefined).map((u) => `${words[u]}${loc[u]}`);
}

/** `page 3`, `line 27`, `row 4`, or null when the finding has no place in the document. */
export function placeWords(loc: Location): string | null {
  return named(loc, LONG)[0] ?? null;
}

/** The place as short as it can be, for a column: `p.3` (PDF), `l.27` (text export), `row 4` (HTML, Word), else `-`. */
export function shortPlace(loc: Location): string {
  return named(loc, SHORT)[0] ?? '-';
}

/**
 * ` (page 3)` or ` (row 5)`, for a message in a format that places findings by line only (SARIF, GitHub): the
 * place a reader of a PDF, Word or HTML plan looks for, since there is no line; empty when there is a line.
 */
export function placeSuffix(loc: Location): string {
  const where = loc.line === undefined ? placeWords(loc) : null;
  return where === null ? '' : ` (${where})`;
}

/** Every place the location gives, in words: `page 3`, `line 41`, `table row 7` (`row` names the table's row); empty when none. */
export function everyPlace(loc: Location, row = 'row'): string {
  return named(loc, { ...LONG, row: `${row} ` }).join(', ');
}

/** What the finding concerns: `recommendation 4, action 2`, `recommendation 4`, or `plan`. */
export function subject(f: Pick<Finding, 'recommendation' | 'action'>): string {
  if (f.recommendation === null) return 'plan';
  return f.action === null ? `recommendation ${f.recommendation}` : `recommendation ${f.recommendation}, action ${f.action}`;
}
