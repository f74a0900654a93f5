import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/plan.js';
import { COLUMNS, isHeading, type HeadingRow, type SourceRow } from '../../src/read/source-row.js';
import { tableRows } from '../../src/read/text/rows.js';

/** Each row as [line, afterBreak, number, recommendation, response], or a heading as ['heading', line, addressee]. */
function shape(row: SourceRow | HeadingRow): unknown[] {
  if (isHeading(row)) return ['heading', row.location.line, row.heading];
  const text = (column: 'number' | 'recommendation' | 'response'): string[] => (row.cells[column] ?? []).map((p) => p.text);
  return [row.location.line, row.afterBreak, text('number'), text('recommendation'), text('response')];
}

function read(lines: string[]): { rows: unknown[][]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const rows = tableRows(lines, { index: 0, columns: [...COLUMNS] }, diagnostics);
  return { rows: rows.map(shape), diagnostics };
}

describe('text export: the lines of the table', () => {
  it('skips rules and a repeated header, drops footers, repeated lines and lines without words with a diagnostic each, and takes headings', () => {
    const { rows, diagnostics } = read([
      'Rec No\tRecommendation\tAgreed\tResponse\tOwner\tTarget Date',
      '1\tImprove induction.\tAgreed\tEvery starter will have a mentor.\tSPOs\tJune 2025',
      '---\t---\t---\t---\t---\t---',
      'Page 3',
      '1\tImprove induction.\tAgreed\tEvery starter will have a mentor.\tSPOs\tJune 2025',
      '• ·',
      'Kent PDU should:',
      '',
      '2\tReview caseloads.\tAgreed\tManagers will review them monthly.\tHead of PDU\tMay 2025',
    ]);
    expect(rows).toEqual([
      [2, false, ['1'], ['Improve induction.'], ['Every starter will have a mentor.']],
      ['heading', 7, 'Kent PDU'],
      [9, true, ['2'], ['Review caseloads.'], ['Managers will review them monthly.']],
    ]);
    expect(diagnostics).toEqual([
      { message: "line 4 holds only 'Page 3'; dropped as a page number or footer", location: { line: 4 }, code: 'stray-cell' },
      { message: 'line 5 repeats the line before it word for word; dropped', location: { line: 5 }, code: 'duplicate-line' },
      { message: "line 6 holds no words ('• ·'); dropped", location: { line: 6 }, code: 'noise-line' },
    ]);
  });

  it('gathers a run of short lines with no number, owner or date into one row, until a page break', () => {
    const { rows, diagnostics } = read([
      '3\tStaff are trained.\tAgreed\tTraining will be given.\tHead of L&D\tJuly 2025',
      '\tManagers check\t\tOffices will run\t\t',
      '\tthe training records\t\tsessions each month\t\t',
      '',
      '\tafter the break\t\t\t\t',
    ]);
    expect(rows).toEqual([
      [1, false, ['3'], ['Staff are trained.'], ['Training will be given.']],
      [2, false, [], ['Managers check the training records'], ['Offices will run sessions each month']],
      [5, true, [], ['after the break'], []],
    ]);
    expect(diagnostics).toEqual([]);
  });
});
