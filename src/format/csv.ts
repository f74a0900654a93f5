import { stringify } from 'csv-stringify/sync';
import type { Location, PlanDocument, Recommendation } from '../model/plan.js';
import { printable } from './common/printable.js';

/** The columns of `convert --format csv`, one row per action; docs/csv.md says what each holds. */
export const CSV_COLUMNS = [
  'file',
  'sha256',
  'recommendation',
  'refs',
  'addressee',
  'agreement',
  'recommendation_text',
  'reading_strategy',
  'owners_paired',
  'dates_paired',
  'action_index',
  'action_id',
  'action',
  'owner',
  'due_raw',
  'due_date',
  'due_status',
  'page',
  'line',
  'row',
] as const;

type Cell = string | number | null;

/**
 * RFC 4180 (CRLF between records, quotes doubled inside quoted cells), and cells that a spreadsheet would run
 * as a formula (starting with = + - @, tab or carriage return) prefixed with ' by csv-stringify. Control
 * characters in a cell are shown as \xHH, as in every format read at a terminal, so that each record is one line.
 */
function csv(rows: Cell[][]): string {
  return stringify(rows, { record_delimiter: 'windows', escape_formulas: true, cast: { number: String, string: (s) => printable(s) } });
}

/** The header line of `convert --format csv`. */
export function csvHeader(): string {
  return csv([[...CSV_COLUMNS]]);
}

/**
 * A stable id for an action, to join rows across runs: the first 12 hex digits of the plan file's sha256, the
 * recommendation's number (or `p<position>` when the number is missing or not unique in the plan), and the
 * action's 1-based index, such as `3f9a0c1e22b4-4-2`. The same file read by the same plancheck gets the same ids.
 */
export function actionId(doc: PlanDocument, recIndex: number, actionIndex: number): string {
  const rec = doc.recommendations[recIndex];
  const number = rec?.number ?? null;
  const unique = number !== null && doc.recommendations.filter((r) => r.number === number).length === 1;
  return `${doc.source.sha256.slice(0, 12)}-${unique ? number : `p${recIndex + 1}`}-${actionIndex}`;
}

function placeCells(loc: Location): Cell[] {
  return [loc.page ?? null, loc.line ?? null, loc.row ?? null];
}

/** The recommendation's cells, its reading included, so that doubtful pairings (`shared`, `uneven`) can be filtered. */
function recCells(doc: PlanDocument, rec: Recommendation): Cell[] {
  const { strategy, owners, dates } = rec.reading;
  return [doc.source.path, doc.source.sha256, rec.number, rec.refs.join('; '), rec.addressee, rec.agreement, rec.text, strategy, owners, dates];
}

/**
 * One plan as CSV records without the header: a row per action, and one row with empty action cells for a
 * recommendation that has none, so that no recommendation goes missing from the table.
 */
export function planCsvRows(doc: PlanDocument): string {
  const rows: Cell[][] = [];
  doc.recommendations.forEach((rec, r) => {
    if (rec.actions.length === 0) rows.push([...recCells(doc, rec), null, null, null, null, null, null, null, ...placeCells(rec.location)]);
    rec.actions.forEach((a, i) => {
      rows.push([
        ...recCells(doc, rec),
        i + 1,
        actionId(doc, r, i + 1),
        a.text,
        a.owner,
        a.due?.raw ?? null,
        a.due?.date ?? null,
        a.due?.status ?? null,
        ...placeCells(a.location),
      ]);
    });
  });
  return rows.length === 0 ? '' : csv(rows);
}
