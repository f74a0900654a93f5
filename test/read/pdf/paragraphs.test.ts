import { describe, expect, it } from 'vitest';
import { groupLines, type TextItem } from '../../../src/read/pdf/items.js';
import { DATES, OWNERS, dateStart, measureLayout, paragraphs, type Layout } from '../../../src/read/pdf/paragraphs.js';

/** An item of 10-point text; its width is 5 points a character, near enough to Arial's average. */
function item(text: string, x: number, baseline: number, extra: Partial<TextItem> = {}): TextItem {
  return { text, x, right: x + text.length * 5, baseline, size: 10, font: 'body', block: null, listed: false, label: false, ...extra };
}

/** One column's lines, each [text, baseline], starting at x = 100. */
const column = (lines: Array<[string, number]>, extra: Partial<TextItem> = {}) => groupLines(lines.map(([t, y]) => item(t, 100, y, extra)));
const texts = (lines: ReturnType<typeof column>, layout: Layout, right = 200) => paragraphs(lines, layout, right).map((p) => [p.text, p.bullet]);
const plain: Layout = { leading: 1.15, blocks: false };

describe('PDF lines and paragraphs', () => {
  it('keeps a raised "th" on its line and puts the next line apart', () => {
    const lines = groupLines([item('27', 100, 100), item('th', 110, 96.5, { size: 6.5 }), item('June 2022', 122, 100), item('next line', 100, 111.5)]);
    expect(lines.map((l) => l.text)).toEqual(['27th June 2022', 'next line']);
  });

  it('joins an owner wrapped because its next word did not fit, and splits two short owners set one under the other', () => {
    // The column's text reaches x = 210: after "Head of Public" (ending at 170) "Protection" had no room,
    // while after "Head of PDU" (ending at 155) "Deputy" would have fitted, so that line ended its paragraph.
    const wrapped = column([['Head of Public', 100], ['Protection Lead', 111.5]]);
    expect(texts(wrapped, plain, 210)).toEqual([['Head of Public Protection Lead', false]]);
    const stacked = column([['Head of PDU', 100], ['Deputy Head', 111.5]]);
    expect(texts(stacked, plain, 210)).toEqual([['Head of PDU', false], ['Deputy Head', false]]);
  });

  it('after a full stop, weighs the next line\'s first word by its letters: "Share" (wide letters) had no room and wrapped', () => {
    // As Chromium set an 11-point Arial paragraph in a column whose widest line ends at 394.6: "Share" is a third of
    // "Share the referral" by width (29 points), though a quarter of it by count, and after "quarter." there were 27.
    const at = (text: string, right: number, baseline: number): TextItem => ({ ...item(text, 267.5, baseline), right, size: 10.99 });
    const lines = groupLines([at('Introduce monthly case', 381.1, 287.2), at('audits each quarter.', 364, 299.2), at('Share the referral', 353, 311.2), at('pathway to housing and', 383.6, 323.2)]);
    expect(paragraphs(lines, plain, 394.6).map((p) => p.text)).toEqual(['Introduce monthly case audits each quarter. Share the referral pathway to housing and']);
    // With room for it, the same word after a full stop starts a new paragraph.
    expect(paragraphs(lines, plain, 400).map((p) => p.text)).toEqual(['Introduce monthly case audits each quarter.', 'Share the referral pathway to housing and']);
  });

  it('starts a paragraph where the gap is clearly wider than the leading, even after a full line', () => {
    const lines = column([['Learning and Development', 100], ['Lead', 111.5], ['Quality Assurance Team', 129]]);
    expect(texts(lines, plain, 220)).toEqual([['Learning and Development Lead', false], ['Quality Assurance Team', false]]);
  });

  it('makes list items of lines that start with a bullet glyph, a dash or an "o" set apart', () => {
    const lines = groupLines([
      item('The PDU will:', 100, 100),
      item('•', 100, 111.5),
      item('book every appointment', 112, 111.5),
      item('-', 100, 123),
      item('send reminders', 112, 123),
      item('o', 100, 134.5),
      item('check monthly', 112, 134.5),
      item('\uF0B7 audit cases', 100, 146),
    ]);
    expect(texts(lines, plain)).toEqual([
      ['The PDU will:', false],
      ['book every appointment', true],
      ['send reminders', true],
      ['check monthly', true],
      ['audit cases', true],
    ]);
  });

  it('joins a word broken at a hyphen at the end of a line without a space', () => {
    const lines = column([['complete the safeguarding e-', 100], ['learning module', 111.5]]);
    expect(texts(lines, plain, 240)).toEqual([['complete the safeguarding e-learning module', false]]);
  });

  it('in a tagged PDF, splits at a new paragraph block, and reads a block set in from the column as a list item when the tags mark lists', () => {
    const lines = groupLines([
      item('offering evening sessions for people in', 100, 100, { block: 'p1' }),
      item('work or training', 100, 111.5, { block: 'p1' }),
      item('sending text message reminders to the', 114, 123, { block: 'p2', listed: true }),
      item('people who have given a mobile number', 114, 134.5, { block: 'p2', listed: true }),
    ]);
    const layout = measureLayout([lines, lines]);
    expect(layout).toMatchObject({ blocks: true, lists: true });
    // "work or training" ends short, but the block, not the line, decides here: it ends paragraph p1.
    expect(texts(lines, layout, 300)).toEqual([
      ['offering evening sessions for people in work or training', false],
      ['sending text message reminders to the people who have given a mobile number', true],
    ]);
  });

  it('in a tagged PDF, takes a list item by where it stands, not by the label drawn before it', () => {
    // A content stream drawn in another order puts the label before the lead-in, not before the item.
    const lines = groupLines([
      item('The PDU will improve contact by:', 100, 100, { block: 'p1', listed: true }),
      item('offering evening sessions', 114, 111.5, { block: 'p2' }),
      item('sending text reminders', 114, 123, { block: 'p3' }),
    ]);
    const layout: Layout = { leading: 1.15, blocks: true, lists: true };
    expect(texts(lines, layout, 300)).toEqual([
      ['The PDU will improve contact by:', false],
      ['offering evening sessions', true],
      ['sending text reminders', true],
    ]);
  });

  it('at the top of a page, reads a list item set in as the rest of the one the page before cut off, when its last line was full', () => {
    const layout: Layout = { leading: 1.15, blocks: true, lists: true };
    const top = groupLines([item('that those cases are discussed', 114, 60, { block: 'p9' }), item('giving each SPO a report', 114, 71.5, { block: 'p10' })]);
    const full = groupLines([item('passed a review point without a review, so', 114, 700)])[0]!;
    const short = groupLines([item('the senior team', 114, 700)])[0]!;
    expect(paragraphs(top, layout, 330, 100, full).map((p) => [p.text, p.bullet])).toEqual([
      ['that those cases are discussed', false],
      ['giving each SPO a report', true],
    ]);
    expect(paragraphs(top, layout, 330, 100, short).map((p) => p.bullet)).toEqual([true, true]);
  });

  it('tells dates set one under another with no space between apart by what they say', () => {
    // The column is as wide as its longest date: after a shorter one, the next line's first word still has no room.
    const lines = column([['30th June 2023', 100], ['April 2023', 111.5], ['Ongoing', 123], ['To be reviewed', 134.5], ['March 2024', 146], ['Completed', 157.5], ['January 2023', 169], ['Completed March', 180.5], ['2023', 192]]);
    const read = (starts?: typeof dateStart) => paragraphs(lines, plain, 170, 100, undefined, { starts }).map((p) => p.text);
    expect(read()).toEqual(['30th June 2023 April 2023 Ongoing', 'To be reviewed March 2024 Completed January 2023 Completed March 2023']);
    expect(read(dateStart)).toEqual(['30th June 2023', 'April 2023', 'Ongoing', 'To be reviewed March 2024', 'Completed January 2023', 'Completed March 2023']);
  });

  it('takes a word of how often standing alone ("Monthly") as a whole date, as "Ongoing" is', () => {
    // A 60-point column: "July" (20 points, 27 with the allowance for estimated widths) has no sure room after "Monthly".
    const lines = column([['From April', 100], ['2025', 111.5], ['Monthly', 123], ['July 2025', 134.5], ['Weekly', 146], ['Ongoing', 157.5]]);
    const read = (starts?: typeof dateStart) => paragraphs(lines, plain, 160, 100, undefined, { starts }).map((p) => p.text);
    // Before: "Monthly July 2025" was one date, and so was "Weekly Ongoing".
    expect(read(dateStart)).toEqual(['From April 2025', 'Monthly', 'July 2025', 'Weekly', 'Ongoing']);
    // After "Ongoing", a month is the next date; after "Completed", the date the work was done.
    const after = column([['Ongoing', 100], ['September', 111.5], ['2025', 123], ['Completed', 134.5], ['January', 146], ['2025', 157.5]]);
    expect(paragraphs(after, plain, 160, 100, undefined, { starts: dateStart }).map((p) => p.text)).toEqual(['Ongoing', 'September 2025', 'Completed January 2025']);
  });

  it('takes a numbered list\'s number for its label, in the item or set apart, and keeps "1.1" as text', () => {
    const within = column([['1. Review the rota', 100], ['2. Audit the files', 111.5]]);
    expect(paragraphs(within, plain, 200).map((p) => [p.text, p.bullet])).toEqual([
      ['Review the rota', true],
      ['Audit the files', true],
    ]);
    const apart = groupLines([item('3.', 100, 100), item('Share the note', 112, 100)]);
    expect(paragraphs(apart, plain, 200).map((p) => [p.text, p.bullet])).toEqual([['Share the note', true]]);
    const decimal = column([['1.1 Recruit two officers', 100]]);
    expect(paragraphs(decimal, plain, 200).map((p) => [p.text, p.bullet])).toEqual([['1.1 Recruit two officers', false]]);
  });

  it('reads owners by their words: a word broken with no hyphen, and a role that names no one by itself', () => {
    // A 55-point column: "Safeguardin" fills it, and "g Lead" goes on in lower case with no word a name goes on with.
    const broken = column([['Safeguardin', 100], ['g Lead', 111.5]]);
    expect(paragraphs(broken, plain, 155, 100, undefined, OWNERS).map((p) => p.text)).toEqual(['Safeguarding Lead']);
    expect(paragraphs(broken, plain, 155).map((p) => p.text)).toEqual(['Safeguardin g Lead']);
    // "Lead" (20 points) looks as if it would have fitted after "Development" in a column as wide as its widest line
    // (200), so it seemed to end short; but "Lead" alone names no one, so it goes on. "Head of PDU" ends a name.
    const lead = column([['Learning and', 100], ['Development', 111.5], ['Lead', 123], ['Head of PDU', 134.5]]);
    expect(paragraphs(lead, plain, 200).map((p) => p.text)).toEqual(['Learning and Development', 'Lead', 'Head of PDU']);
    expect(paragraphs(lead, plain, 200, 100, undefined, OWNERS).map((p) => p.text)).toEqual(['Learning and Development Lead', 'Head of PDU']);
  });

  it('joins a date\'s word broken with no hyphen where it was too long for the column ("Septembe" / "r 2027")', () => {
    // A 45-point column (x = 100 to 145): "Septembe" and "30/06/202" fill it, each on a line of its own.
    const broken = column([['Septembe', 100], ['r 2027', 111.5], ['30/06/202', 123], ['7', 134.5], ['Complete', 146]]);
    expect(paragraphs(broken, plain, 145, 100, undefined, DATES).map((p) => p.text)).toEqual(['September 2027', '30/06/2027', 'Complete']);
    // Without the column's sense of dates, or where the halves make no more dates whole, the halves stay apart.
    expect(paragraphs(broken, plain, 145).map((p) => p.text)).toEqual(['Septembe r 2027 30/06/202 7 Complete']);
    const words = column([['Reviewed', 100], ['monthly', 111.5]]);
    expect(paragraphs(words, plain, 140, 100, undefined, DATES).map((p) => p.text)).toEqual(['Reviewed monthly']);
    // A word that stops short of the column's edge was not broken: "June" / "2027" wrapped whole.
    const short = column([['June', 100], ['2027', 111.5]]);
    expect(paragraphs(short, plain, 145, 100, undefined, DATES).map((p) => p.text)).toEqual(['June 2027']);
  });

  it('after a full stop, starts a paragraph at a capital whose word had room on the line before, without the allowance for estimated widths', () => {
    // "Findings" (40 points) fits in the 44 points left after "agencies." (245), though not with a quarter more.
    const right = 245 + 0.3 * 10 + 44;
    const stop = column([['advice from partner agencies.', 100], ['Findings will be shared.', 111.5]]);
    expect(texts(stop, plain, right)).toEqual([
      ['advice from partner agencies.', false],
      ['Findings will be shared.', false],
    ]);
    const comma = column([['advice from partner agencies,', 100], ['Findings will be shared.', 111.5]]);
    expect(texts(comma, plain, right)).toEqual([['advice from partner agencies, Findings will be shared.', false]]);
  });

  it('measures the leading as the common spacing of lines, not the wider spacing between paragraphs', () => {
    const lines = column([['a', 100], ['b', 111.5], ['c', 123], ['d', 140.5], ['e', 152], ['f', 163.5]]);
    expect(measureLayout([lines]).leading).toBeCloseTo(1.15, 2);
    expect(measureLayout([lines]).blocks).toBe(false);
  });
});
