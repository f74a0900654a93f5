import { describe, expect, it } from 'vitest';
import { readPlan } from '../../src/read/index.js';

/**
 * A text export puts each line of a cell on a line of its own: a response's bullets come as rows with no rec
 * number. They are the list of the row above, not table rows of their own (which would make each an action
 * with no owner).
 */
const HEADER = 'Rec No\tRecommendation\tAgreed\tResponse\tOwner\tTarget Date';
const plan = (...lines: string[]): string => [HEADER, ...lines, '2\tImprove induction\tAgreed\tEvery new starter will have a mentor.\tSPOs\tJune 2025'].join('\n');

async function actionsOf(text: string): Promise<Array<[string, string | null, string | null]>> {
  const { document } = await readPlan({ path: 'plan.txt', bytes: Buffer.from(text) });
  return document.recommendations[0]!.actions.map((a) => [a.text, a.owner, a.due?.raw ?? null]);
}

describe('text export: bullets on lines of their own', () => {
  it('under a lead with one owner and one date: one action', async () => {
    const text = plan(
      '1\tImprove recruitment\tAgreed\tThe region will run a recruitment campaign, including:\tHead of HR\tMarch 2025',
      '\t\t\t• open days in each office\t\t',
      '\t\t\t- a bursary for trainees\t\t',
    );
    expect(await actionsOf(text)).toEqual([['The region will run a recruitment campaign, including: open days in each office a bursary for trainees', 'Head of HR', 'March 2025']]);
  });

  it('each with its own owner and date: one action each, the lead-in none', async () => {
    const text = plan(
      '1\tImprove recruitment\tAgreed\tThe region will run a recruitment campaign, including:\t\t',
      '\t\t\t• open days in each office\tHR Lead\tMarch 2025',
      '\t\t\t• a bursary for trainees\tFinance Lead\tApril 2025',
    );
    expect(await actionsOf(text)).toEqual([
      ['open days in each office', 'HR Lead', 'March 2025'],
      ['a bursary for trainees', 'Finance Lead', 'April 2025'],
    ]);
  });

  it('a paragraph line with its own owner is still a table row of its own', async () => {
    const text = plan('1\tImprove recruitment\tAgreed\tTrain recruiters.\tHR Lead\tMarch 2025', '\t\t\tAudit vacancies.\tFinance Lead\tApril 2025');
    expect(await actionsOf(text)).toEqual([
      ['Train recruiters.', 'HR Lead', 'March 2025'],
      ['Audit vacancies.', 'Finance Lead', 'April 2025'],
    ]);
  });
});
