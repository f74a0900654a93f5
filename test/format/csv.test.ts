import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../src/model/plan.js';
import { actionId, csvHeader, planCsvRows } from '../../src/format/csv.js';

const SHA = `abcdef012345${'9'.repeat(52)}`;

function act(text: string, owner: string | null, due: { raw: string; date: string | null; status: string } | null, line: number): unknown {
  return { text, owner, due, location: { line } };
}

const READ = { strategy: 'paragraph', owners: 'one-to-one', dates: 'one-to-one' };

function rec(number: string | null, actions: unknown[], over: Record<string, unknown> = {}): unknown {
  return { number, refs: [], addressee: null, text: `Rec ${number}`, agreement: 'agreed', agreementRaw: 'Agreed', response: '', actions, reading: READ, location: { line: 3 }, ...over };
}

// Cast: the model may gain fields that CSV does not show.
const plan = (recommendations: unknown[]): PlanDocument =>
  ({
    schemaVersion: 1,
    source: { path: 'plans/a,b.txt', format: 'text', sha256: SHA, pages: null },
    plan: { title: null, inspection: null, submitted: null, reportPublished: null },
    recommendations,
    diagnostics: [],
  }) as unknown as PlanDocument;

describe('convert --format csv', () => {
  it('has one header line, CRLF-terminated', () => {
    expect(csvHeader()).toBe(
      'file,sha256,recommendation,refs,addressee,agreement,recommendation_text,reading_strategy,owners_paired,dates_paired,action_index,action_id,action,owner,due_raw,due_date,due_status,page,line,row\r\n',
    );
  });

  it('writes a row per action, quotes as RFC 4180 does, and defuses cells a spreadsheet would run', () => {
    const doc = plan([
      rec('1', [act('Train "all" staff, then audit', '=HYPERLINK("http://x")', { raw: 'June 2020', date: '2020-06', status: 'planned' }, 7), act('+ review', '@owner', { raw: '-', date: null, status: 'unknown' }, 8)], {
        refs: ['SW 6', 'CRC 5'],
        addressee: 'NPS',
        reading: { strategy: 'paragraph', owners: 'shared', dates: 'one-to-one' },
      }),
      rec('2', [], { agreement: 'not-agreed', location: { line: 12 }, reading: { strategy: 'no-actions', owners: 'none', dates: 'none' } }),
    ]);
    const head = `"plans/a,b.txt",${SHA}`;
    expect(planCsvRows(doc).split('\r\n')).toEqual([
      `${head},1,SW 6; CRC 5,NPS,agreed,Rec 1,paragraph,shared,one-to-one,1,abcdef012345-1-1,"Train ""all"" staff, then audit","'=HYPERLINK(""http://x"")",June 2020,2020-06,planned,,7,`,
      `${head},1,SW 6; CRC 5,NPS,agreed,Rec 1,paragraph,shared,one-to-one,2,abcdef012345-1-2,'+ review,'@owner,'-,,unknown,,8,`,
      // A recommendation without actions keeps its row, the action cells empty, placed at the recommendation.
      `${head},2,,,not-agreed,Rec 2,no-actions,none,none,,,,,,,,,12,`,
      '',
    ]);
  });

  it('shows control characters in a cell as \\xHH, so that each record stays one line and nothing acts at a terminal', () => {
    const doc = plan([rec('1', [act(`Train staff\u001b[2J\nthen audit`, '\u009bowner', null, 7)])]);
    const [row, end] = planCsvRows(doc).split('\r\n');
    expect(end).toBe('');
    expect(row).toBe(`"plans/a,b.txt",${SHA},1,,,agreed,Rec 1,paragraph,one-to-one,one-to-one,1,abcdef012345-1-1,Train staff\\x1b[2J\\x0athen audit,\\x9bowner,,,,,7,`);
  });

  it('ids: sha256 prefix, rec number, action index; the position stands in for a missing or repeated number', () => {
    const doc = plan([rec('1', [act('a', null, null, 1)]), rec('1', [act('b', null, null, 2)]), rec(null, [act('c', null, null, 3)]), rec('4', [act('d', null, null, 4)])]);
    expect([0, 1, 2, 3].map((r) => actionId(doc, r, 1))).toEqual(['abcdef012345-p1-1', 'abcdef012345-p2-1', 'abcdef012345-p3-1', 'abcdef012345-4-1']);
  });
});
