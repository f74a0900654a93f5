import { describe, expect, it } from 'vitest';
import { readActions } from '../../../src/read/assemble/actions.js';
import { readRow } from '../../../src/read/assemble/choose.js';
import { afterStatement, headStatements } from '../../../src/read/assemble/lead.js';
import { pair } from '../../../src/read/assemble/pairing.js';
import { unitsOf, type LogicalRow } from '../../../src/read/assemble/row.js';
import { byParagraph, byParagraphAndBullet, candidateCuts } from '../../../src/read/assemble/strategies.js';
import { flowBetween } from '../../../src/read/cells/text.js';
import type { Piece } from '../../../src/read/source-row.js';

/** Piece literals: `p('text')`, `li('text')`, `blank`; `at(piece, page, top)` places one on a page. */
const p = (text: string): Piece => ({ text, kind: 'p', location: { row: 1 } });
const li = (text: string): Piece => ({ text, kind: 'li', location: { row: 1 } });
const blank: Piece = { text: '', kind: 'blank', location: { row: 1 } };
const at = (piece: Piece, page: number, top: number): Piece => ({ ...piece, location: { page }, top, bottom: top + 10 });
const row = (response: Piece[], owners: Piece[] = [], dues: Piece[] = []): LogicalRow => ({ parts: [{ response, owners, dues, joins: false }] });
const texts = (actions: Array<Array<{ text: string }>>): string[][] => actions.map((units) => units.map((u) => u.text));

describe('cuts of a response into actions', () => {
  const lead = p('The region will run a recruitment campaign, including:');
  const bullets = [li('open days in each office'), li('a bursary for trainees'), li('exit interviews for every leaver')];
  it.each([
    { name: 'a lead-in and its list are one action', units: [lead, ...bullets], expected: [[lead.text, ...bullets.map((b) => b.text)]] },
    { name: 'each paragraph is an action', units: [p('One.'), p('Two.')], expected: [['One.'], ['Two.']] },
    { name: 'bullets with no paragraph before them stand alone', units: [li('The PDU will audit.'), li('The PDU will train.')], expected: [['The PDU will audit.'], ['The PDU will train.']] },
    {
      name: 'a lead and its bullets stay one action even when the bullets are sentences of their own',
      units: [p('Staff were consulted.'), li('Essex North PDU will publish a plan.')],
      expected: [['Staff were consulted.', 'Essex North PDU will publish a plan.']],
    },
  ])('by paragraph: $name', ({ units, expected }) => {
    expect(texts(byParagraph(unitsOf(row(units))).actions)).toEqual(expected);
  });

  it('by paragraph and bullet: every item an action, the lead-in none', () => {
    expect(texts(byParagraphAndBullet(unitsOf(row([lead, ...bullets]))).actions)).toEqual(bullets.map((b) => [b.text]));
  });

  it('the whole row is a candidate only when the recommendation spans several rows, and identical cuts are weighed once', () => {
    const units = unitsOf(row([p('One.'), p('Two.')]));
    expect(candidateCuts(units, false).map((c) => c.strategy)).toEqual(['paragraph']);
    expect(candidateCuts(units, true).map((c) => c.strategy)).toEqual(['row-per-action', 'paragraph']);
  });

  it('a piece that carries on a sentence over a page break joins the unit before it', () => {
    const split: LogicalRow = { parts: [{ response: [p('The PDU will')], owners: [], dues: [], joins: false }, { response: [p('train staff.'), p('Next.')], owners: [], dues: [], joins: true }] };
    expect(unitsOf(split).map((u) => u.text)).toEqual(['The PDU will train staff.', 'Next.']);
  });

  it('a page break between two sentences of one paragraph: the paragraphs either side are one action when the owners and dates count so', () => {
    // As Chromium broke a row: four paragraphs, the third cut after its first sentence; three owners and all four
    // dates on the first page, the last owner on the next.
    const parts = (owners2: Piece[], dues2: Piece[] = []): LogicalRow => ({
      parts: [
        { response: [p('Audit the practice note.'), p('Share the training.'), p('Improve the template.')], owners: [p('Performance Manager'), p('SPOs'), p('Quality Lead')], dues: [p('June 2027'), p('July 2027'), p('Complete'), p('Q3 2027/28')], joins: false },
        { response: [p('Introduce the duty rota.'), p('Improve the induction pack.')], owners: owners2, dues: dues2, joins: false },
      ],
    });
    const read = readActions([parts([p('Deputy Head of PDU')])], 'agreed');
    expect(read.actions.map((a) => [a.units.map((u) => u.text).join(' | '), a.owners.map((o) => o.text).join('; '), a.dues.map((d) => d.text).join('; ')])).toEqual([
      ['Audit the practice note.', 'Performance Manager', 'June 2027'],
      ['Share the training.', 'SPOs', 'July 2027'],
      ['Improve the template. Introduce the duty rota.', 'Quality Lead', 'Complete'],
      ['Improve the induction pack.', 'Deputy Head of PDU', 'Q3 2027/28'],
    ]);
    // With an owner and a date for each of the five paragraphs, they stay five.
    const five = readActions([parts([p('Deputy Head of PDU'), p('Business Manager')], [p('March 2028')])], 'agreed');
    expect(five.actions.map((a) => a.units.map((u) => u.text).join(' | '))).toEqual([
      'Audit the practice note.', 'Share the training.', 'Improve the template.', 'Introduce the duty rota.', 'Improve the induction pack.',
    ]);
  });

  it('a paragraph that carries on an unfinished sentence in lower case (a line break, Enter mid-sentence) joins it', () => {
    const units = unitsOf(row([p('1. Places will be reviewed with the team'), p('so that waiting lists fall.'), p('2. Staff will be briefed.')]));
    expect(units.map((u) => u.text)).toEqual(['1. Places will be reviewed with the team so that waiting lists fall.', '2. Staff will be briefed.']);
  });

  it('but not after a finished sentence or a colon, nor a list item, nor a capital', () => {
    const kept = [p('Staff will be trained.'), p('then audited.'), p('The region will offer:'), p('open days;'), li('bursaries'), p('Reviews will follow'), p('Quarterly reports.')];
    expect(unitsOf(row(kept)).map((u) => u.text)).toEqual(kept.map((k) => k.text));
  });
});

describe('pairing owners with actions', () => {
  const cells = (owners: Piece[]): LogicalRow => row([p('A.'), p('B.'), p('C.')], owners);
  const names = (given: Piece[][]): Array<string | null> => given.map((g) => (g.length === 0 ? null : g.map((x) => x.text).join('; ')));
  it.each([
    { name: 'as many as actions: in order', owners: [p('X'), p('Y'), p('Z')], pairing: 'one-to-one', expected: ['X', 'Y', 'Z'] },
    { name: 'blank slots hold their place', owners: [p('X'), blank, p('Z')], pairing: 'one-to-one', expected: ['X', null, 'Z'] },
    { name: 'blanks that only space them out are not slots', owners: [p('X'), blank, p('Y'), blank, p('Z')], pairing: 'one-to-one', expected: ['X', 'Y', 'Z'] },
    { name: 'one for several: shared', owners: [p('X')], pairing: 'shared', expected: ['X', 'X', 'X'] },
    { name: 'none', owners: [], pairing: 'none', expected: [null, null, null] },
    { name: 'two for three, nothing to place them: uneven, in order', owners: [p('X'), p('Y')], pairing: 'uneven', expected: ['X', 'Y', null] },
    // Blank paragraphs standing in for lines: an owner level with the first line of its action.
    { name: 'blank lines bring the last owner level with the last action', owners: [p('X'), blank, blank, p('Z')], pairing: 'by-position', expected: ['X', null, 'Z'] },
    { name: 'blank lines before the only owner: it is the last action’s', owners: [blank, blank, blank, p('Z')], pairing: 'by-position', expected: [null, null, 'Z'] },
    { name: 'trailing blanks are no lines of anything', owners: [p('X'), p('Y'), blank, blank], pairing: 'uneven', expected: ['X', 'Y', null] },
    { name: 'a lone owner with trailing blanks is still shared', owners: [p('X'), blank, blank, blank], pairing: 'shared', expected: ['X', 'X', 'X'] },
  ])('$name', ({ owners, pairing, expected }) => {
    const r = cells(owners);
    const paired = pair(r, 'owners', unitsOf(r).map((u) => [u]));
    expect(paired.pairing).toBe(pairing);
    expect(names(paired.given)).toEqual(expected);
  });

  it('by position: each owner beside the action it stands level with, a gap where one has none', () => {
    const units = unitsOf(row([at(p('A.'), 1, 100), at(p('B.'), 1, 150), at(p('C.'), 1, 200)]));
    const placed = row(units.flatMap((u) => u.parts), [at(p('X'), 1, 100), at(p('Z'), 1, 201)]);
    const paired = pair(placed, 'owners', units.map((u) => [u]));
    expect(paired.pairing).toBe('by-position');
    expect(names(paired.given)).toEqual(['X', null, 'Z']);
  });

  it('blank lines, where the cell could be read two ways, go with the longer action', () => {
    const long = 'An action that runs over several lines of its cell, with examples of what it means.';
    const owners = [p('W'), blank, p('Y'), blank, p('Z')];
    const read = (texts: string[]): Array<string | null> => {
      const r = row(texts.map((t) => p(t)), owners);
      const paired = pair(r, 'owners', unitsOf(r).map((u) => [u]));
      expect(paired.pairing).toBe('by-position');
      return names(paired.given);
    };
    expect(read([long, 'B.', 'C.', 'D.'])).toEqual(['W', 'Y', null, 'Z']);
    expect(read(['A.', 'B.', long, 'D.'])).toEqual(['W', null, 'Y', 'Z']);
  });

  it('a cell of thousands of blank paragraphs is not read as lines (and costs nothing to pair)', () => {
    const units = Array.from({ length: 200 }, (_, i) => p(`Action ${i}.`));
    const owners = [p('X'), ...Array.from({ length: 5000 }, () => blank), p('Y')];
    const r = row(units, owners);
    const paired = pair(r, 'owners', unitsOf(r).map((u) => [u]));
    expect(paired.pairing).toBe('uneven');
    expect(names(paired.given).slice(0, 3)).toEqual(['X', 'Y', null]);
  });

  it('owners stacked at the top of their cell do not line up: shared out in order instead', () => {
    const units = unitsOf(row([at(p('A.'), 1, 100), at(p('B.'), 1, 150), at(p('C.'), 1, 200)]));
    const stacked = row(units.flatMap((u) => u.parts), [at(p('X'), 1, 100), at(p('Y'), 1, 112)]);
    expect(pair(stacked, 'owners', units.map((u) => [u])).pairing).toBe('uneven');
  });
});

describe('owners stacked in a PDF cell, a blank paragraph among them', () => {
  // Lines 12 points apart, paragraphs 4 points apart: one paragraph step is 16 points from top to top.
  const placed = (piece: Piece, top: number, lines = 1): Piece => ({ ...piece, location: { page: 1 }, top, bottom: top + 10 + (lines - 1) * 12 });
  const items = [placed(li('Train SPOs.'), 100, 2), placed(li('Audit cases.'), 128), placed(li('Report to the board.'), 144, 2), placed(li('Review the rota.'), 172)];
  // The drafter's cell: 'Head of PDU', a blank paragraph, 'SPOs', 'Quality Lead', stacked from the top.
  const owners = [placed(p('Head of PDU'), 100), placed(p('SPOs'), 132), placed(p('Quality Lead'), 148)];
  const owned = (dues: Piece[]): Array<string | null> => {
    const r = row(items, owners, dues);
    const paired = pair(r, 'owners', unitsOf(r).map((u) => [u]));
    return paired.given.map((pieces) => pieces[0]?.text ?? null);
  };

  it('the gap of one paragraph step is the blank paragraph: the second action has no owner', () => {
    // By where they stand, the three owners would go to the first three actions ('SPOs' stands a little below the
    // second's top), and the last would have none.
    const dues = [placed(p('May 2024'), 100), placed(p('June 2024'), 116), placed(p('July 2024'), 132), placed(p('August 2024'), 148)];
    expect(owned(dues)).toEqual(['Head of PDU', null, 'SPOs', 'Quality Lead']);
  });

  it('the same with no date beside them: the step is measured in the owner cell alone', () => {
    expect(owned([])).toEqual(['Head of PDU', null, 'SPOs', 'Quality Lead']);
  });

  it('two owners of several lines each, stacked with no blank, for three actions: in order, not by where they stand', () => {
    const actions = [placed(li('Train SPOs.'), 100, 2), placed(li('Audit cases.'), 128, 2), placed(li('Report to the board.'), 156, 3)];
    // The first owner takes five lines in a narrow cell, so the second starts level with the third action's second line.
    const names = [placed(p('Senior Probation Officer (Courts)'), 100, 5), placed(p('Learning and Development Lead'), 164, 3)];
    const dates = [placed(p('By end of Q1 2027/28'), 100, 2), placed(p('End of July 2027'), 128, 2), placed(p('28.02.27'), 156)];
    const r = row(actions, names, dates);
    const paired = pair(r, 'owners', unitsOf(r).map((u) => [u]));
    expect(paired.given.map((pieces) => pieces[0]?.text ?? null)).toEqual(['Senior Probation Officer (Courts)', 'Learning and Development Lead', null]);
    expect(paired.pairing).toBe('uneven');
  });
});

describe('choosing the reading of a row', () => {
  const lead = p('The PDU will strengthen oversight by:');
  const bullets = [li('a checklist'), li('a monthly report'), li('smaller teams')];
  it.each([
    { name: 'lead and bullets with one owner and one date: one action', owners: [p('Head of PDU')], dues: [p('May 2024')], strategy: 'paragraph', actions: 1 },
    { name: 'an owner and a date per bullet: the bullets are the actions', owners: [p('A'), p('B'), p('C')], dues: [p('May'), p('June'), p('July')], strategy: 'paragraph-and-bullet', actions: 3 },
    { name: 'an owner per bullet and one date: still the bullets', owners: [p('A'), p('B'), p('C')], dues: [p('May')], strategy: 'paragraph-and-bullet', actions: 3 },
  ])('$name', ({ owners, dues, strategy, actions }) => {
    const r = row([lead, ...bullets], owners, dues);
    const reading = readRow(r, unitsOf(r), false);
    expect(reading.cut.strategy).toBe(strategy);
    expect(reading.cut.actions).toHaveLength(actions);
  });

  it('in a recommendation of several rows, a row of paragraphs with one owner is one action', () => {
    const r = row([p('Train staff.'), p('Then audit.')], [p('Head of PDU')], [p('May 2024')]);
    const reading = readRow(r, unitsOf(r), true);
    expect(reading.cut.strategy).toBe('row-per-action');
    expect(reading.owners.pairing).toBe('one-to-one');
  });
});

describe('statements of agreement and reason are not actions', () => {
  it.each([
    ['This recommendation is partly agreed: the whole of it cannot be afforded this year.', 'partly-agreed', 1],
    ['Partly agreed.', 'partly-agreed', 1],
    ['HMPPS agrees with this recommendation.', 'agreed', 1],
    ['Funding for a second team cannot be found this year.', 'partly-agreed', 1],
    ['Funding for a second team cannot be found this year.', 'agreed', 0],
    ['Agreed actions will be published.', 'agreed', 0],
    ['The region agrees to fund two posts.', 'agreed', 0],
    ['The PDU will not recruit, but will train existing staff.', 'partly-agreed', 0],
  ] as const)('%s (%s): %i head paragraph(s)', (text, agreement, expected) => {
    expect(headStatements(unitsOf(row([p(text), p('The PDU will train staff.')])), agreement)).toBe(expected);
  });

  it('a Not Agreed response that only explains why, with no owner or date, has no actions', () => {
    const read = readActions([row([p('Not agreed. The contract is national and cannot be changed locally.'), p('The service is commissioned nationally.')])], 'not-agreed');
    expect(read.actions).toEqual([]);
    expect(read.reading).toEqual({ strategy: 'no-actions', owners: 'none', dates: 'none' });
  });

  it('a Partly Agreed response: the reason paragraph goes, the action stays with its owner', () => {
    const read = readActions([row([p('This recommendation is partly agreed, for affordability reasons.'), p('The PDU will train staff.')], [p('Head of PDU')], [p('May 2024')])], 'partly-agreed');
    expect(read.actions.map((a) => [a.units.map((u) => u.text).join(' '), a.owners[0]?.text])).toEqual([['The PDU will train staff.', 'Head of PDU']]);
  });

  it('a statement at the head that the drafter gave an owner of its own is an action after all', () => {
    const units = [p('Partly agreed: the region will fund one post this year.'), p('The PDU will train staff.')];
    const read = readActions([row(units, [p('Head of Finance'), p('Head of PDU')], [p('April 2024'), p('May 2024')])], 'partly-agreed');
    expect(read.actions.map((a) => a.owners[0]?.text)).toEqual(['Head of Finance', 'Head of PDU']);
  });

  it('a one-row-per-action recommendation with an empty owner cell: that action has none, none borrowed', () => {
    const rows = [row([p('One.')], [p('A')], [p('May')]), row([p('Two.')], [p('B')], [p('June')]), row([p('Three.')], [], [p('July')]), row([p('Four.')], [p('D')], [p('Aug')])];
    const read = readActions(rows, 'agreed');
    expect(read.actions.map((a) => a.owners.map((o) => o.text))).toEqual([['A'], ['B'], [], ['D']]);
    expect(read.reading).toEqual({ strategy: 'row-per-action', owners: 'one-to-one', dates: 'one-to-one' });
    expect(read.notes).toEqual([]);
  });
});

describe('what follows a page break', () => {
  it.each([
    ['the rest of a sentence', 'The PDU will', p('train staff.'), 'joins'],
    ['the rest of a list item the reader took for a new one', 'placements suitable for', li('weekend and evening work'), 'joins'],
    ['a new list item after a finished one, in lower case', 'offer every woman a meeting;', li('hold interviews at court'), 'new'],
    ['a new list item after a sentence cut off: a page is missing', 'all required training for', li('Essex North PDU will audit.'), 'broken'],
    ['a lower-case paragraph after a finished sentence: a page is missing', 'Staff were trained.', p('meetings and the committee.'), 'broken'],
    ['a new paragraph', 'Staff were trained.', p('The PDU will audit.'), 'new'],
  ] as const)('%s', (_name, before, next, flow) => {
    expect(flowBetween(before, next)).toBe(flow);
  });
});

describe('a bare statement of the agreement opening an action', () => {
  it.each([
    ['Agreed. The PDU will renew its contract.', 'The PDU will renew its contract.'],
    ['This recommendation is partly agreed: The region will fund two posts.', 'The region will fund two posts.'],
    ['Agreed – the PDU will renew its contract.', null],
    ['Agreed with the Head of PDU that staff will be trained.', null],
    ['The PDU will renew its contract.', null],
  ])('%s', (text, rest) => {
    expect(afterStatement(text)).toBe(rest);
  });
});

describe('a paragraph that starts in lower case after an unfinished one', () => {
  const texts = (units: Array<{ units: Array<{ text: string }> }>): string[] => units.map((a) => a.units.map((u) => u.text).join(' '));
  const response = [p('The reception will be redesigned'), p('a booking system will be introduced'), p('Staff will be reminded')];
  it('is the rest of its sentence when the owners and dates say nothing against it', () => {
    const read = readActions([row(response, [p('Estates'), p('Head of PDU')], [p('May'), p('June')])], 'agreed');
    expect(texts(read.actions)).toEqual(['The reception will be redesigned a booking system will be introduced', 'Staff will be reminded']);
  });

  it('is an action of its own when the dates beside the row count it as one', () => {
    const read = readActions([row(response, [p('Estates')], [p('May'), p('June'), p('July')])], 'agreed');
    expect(texts(read.actions)).toEqual(response.map((r) => r.text));
    expect(read.reading.dates).toBe('one-to-one');
  });
});
