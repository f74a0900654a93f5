import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../../src/read/index.js';
import { lostText } from '../../../src/read/pdf/conserve.js';
import { groupLines, type TextItem } from '../../../src/read/pdf/items.js';
import { plan, rec, action, due } from '../../helpers/plan.js';

/** An item of 10-point text, 5 points a character. */
function item(text: string, x: number, baseline: number): TextItem {
  return { text, x, right: x + text.length * 5, baseline, size: 10, font: 'body', block: null, listed: false, label: false };
}
const page = (n: number, items: TextItem[]) => ({ page: n, lines: groupLines(items) });

describe('the conservation check', () => {
  const doc = plan({
    recommendations: [
      rec({
        number: '1',
        refs: ['SW 2'],
        addressee: 'Derwent PDU',
        text: 'Improve risk management.',
        agreementRaw: 'Agreed',
        response: 'Deliver e-learning to all staff.',
        actions: [action({ text: 'Deliver e-learning to all staff.', owner: 'Head of PDU', due: due('June 2023', '2023-06') })],
      }),
    ],
  });

  it('finds every word of the table in the model, whatever its case and punctuation, and a word broken at a line end whole', () => {
    const area = [
      page(2, [
        item('1 SW 2', 50, 100),
        item('Improve risk manage-', 100, 100),
        item('AGREED', 250, 100),
        item('Deliver e-', 350, 100),
        item('Head of PDU', 500, 100),
        item('June 2023', 600, 100),
        item('ment.', 100, 112),
        item('learning to all staff', 350, 112),
      ]),
    ];
    expect(lostText(area, doc, ['Derwent PDU should:'])).toEqual([]);
  });

  it('names, page by page, the words that are not in the model, as many times as they were drawn more', () => {
    // The model holds "Improve" and "risk" once each: page 1 uses them up.
    const area = [page(1, [item('Improve risk', 100, 100), item('Senior Probation Officer', 500, 100)]), page(3, [item('Improve Improve risk', 100, 100)])];
    expect(lostText(area, doc, [])).toEqual([
      {
        code: 'text-lost',
        message: "page 1: 3 words of the table not found in the model: 'Senior Probation Officer'",
        location: { page: 1 },
        data: { page: 1, words: ['Senior', 'Probation', 'Officer'] },
      },
      {
        code: 'text-lost',
        message: "page 3: 3 words of the table not found in the model: 'Improve Improve risk'",
        location: { page: 3 },
        data: { page: 3, words: ['Improve', 'Improve', 'risk'] },
      },
    ]);
  });

  it('takes the words of heading rows and those a diagnostic names as accounted for', () => {
    const area = [page(1, [item('Derwent PDU should:', 100, 100), item('Page 4 of 7', 100, 112)])];
    expect(lostText(area, doc, [])).toHaveLength(1);
    const named = { ...doc, diagnostics: [{ code: 'noise', message: 'x', location: {}, data: { words: ['Page', '4', 'of', '7'] } }] };
    expect(lostText(area, named, ['Derwent PDU should:'])).toEqual([]);
  });

  it('blames the cell that lost its other words for a common word, and quotes the words cell by cell', () => {
    const model = { ...doc, recommendations: [rec({ text: 'Improve risk', response: '', actions: [], agreementRaw: null, addressee: null, refs: [], number: null })] };
    // Met first, the "risk" of the cell not read is found, and that of "Improve risk" is not: met again, the
    // cells with fewer words lost come first.
    const area = [page(1, [item('risk register review', 500, 100), item('Improve Risk', 100, 124)])];
    expect(lostText(area, model, [])[0]?.data).toEqual({ page: 1, words: ['risk', 'register', 'review'] });
  });

  it('takes a date cell that says there is no date ("N/A"), which the model holds as none, as read', () => {
    const notAgreed = rec({
      number: '4',
      text: 'Recruit to all posts',
      agreementRaw: 'Not Agreed',
      response: 'Recruitment is set nationally.',
      actions: [action({ text: 'Recruitment is set nationally.', owner: 'N/A', due: null })],
    });
    const model = { ...doc, recommendations: [notAgreed] };
    const row = (date: string) => [page(1, [item('4', 50, 100), item('Recruit to all posts', 100, 100), item('Not Agreed', 250, 100), item('Recruitment is set nationally.', 320, 100), item('N/A', 500, 100), item(date, 600, 100)])];
    expect(lostText(row('N/A'), model, [])).toEqual([]);
    expect(lostText(row('n/a'), model, [])).toEqual([]);
    // A date the model does not hold is still lost.
    expect(lostText(row('July'), model, [])[0]?.data).toEqual({ page: 1, words: ['July'] });
  });

  it('does not join a hyphenated word to a word in another column', () => {
    const area = [page(1, [item('Deliver e-', 350, 100), item('learning', 600, 112)])];
    expect(lostText(area, { ...doc, recommendations: [rec({ text: 'Deliver elearning', response: '', actions: [] })] }, [])[0]?.data).toEqual({ page: 1, words: ['e-', 'learning'] });
  });
});

/**
 * Every PDF plan in the repository reads with no word of its table lost, but the one kept to show what the
 * check reports (fixtures/pdf/losses/README.md): its own test checks what is lost there.
 */
const FOLDERS = ['fixtures/pdf', 'fixtures/plans', 'fixtures/pdf/losses'];
const KNOWN_LOSS = 'fixtures/pdf/losses/extra-column.pdf';
const root = join(import.meta.dirname, '../../..');
const pdfs = FOLDERS.flatMap((folder) =>
  readdirSync(join(root, folder))
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => join(folder, f)),
).filter((f) => f !== KNOWN_LOSS);

describe('every PDF fixture is read with nothing lost', () => {
  it('finds the fixtures', () => expect(pdfs.length).toBeGreaterThanOrEqual(20));
  it.each(pdfs)('%s', async (file) => {
    const { document } = await readPlan({ path: file, bytes: readFileSync(join(root, file)) });
    expect(document.diagnostics.filter((d) => d.code === 'text-lost')).toEqual([]);
  });
});
