import { describe, expect, it } from 'vitest';
import { parseAgreement } from '../../src/read/cells/agreement.js';
import { parseNumberCell } from '../../src/read/cells/numbers.js';
import { columnForHeader, mapHeaderRow } from '../../src/read/columns.js';
import { headingAddressee, inlineAddressee } from '../../src/read/headings.js';
import { cellPieces } from '../../src/read/text/fragment.js';

describe('rec number cells', () => {
  it.each([
    ['1', '1', []],
    ['6.', '6', []],
    ['1 SW 1', '1', ['SW 1']],
    ['6 SW 6 and CRC 5', '6', ['SW 6', 'CRC 5']],
    ['Rec 4', '4', []],
    ['R4', '4', []],
    ['R 12 SW 3', '12', ['SW 3']],
    ['r.7', '7', []],
    ['Rx 4', null, []],
    ['1000', '1000', []],
    ['12345.', '12345', []],
    ['123456', null, []],
    ['t i', null, []],
    ['', null, []],
  ])('%j → %j %j', (raw, number, refs) => expect(parseNumberCell(raw)).toEqual({ number, refs }));
});

describe('agreement cells', () => {
  it.each([
    ['Agreed', 'agreed'],
    ['<p>Agreed</p>', 'agreed'],
    ['Partly agreed', 'partly-agreed'],
    ['Partially Agreed', 'partly-agreed'],
    ['Not Agreed', 'not-agreed'],
    ['Accepted', 'agreed'],
    ['Under review', null],
  ])('%s → %s', (raw, agreement) => expect(parseAgreement(raw)).toBe(agreement));
});

describe('header cells', () => {
  it.each([
    ['1. Rec No', 'number'],
    ['Ref No', 'number'],
    ['Rec', 'number'],
    ['Rec.', 'number'],
    ['2. Recommendation', 'recommendation'],
    ['Area requiring improvement', 'recommendation'],
    ['3. Agreed/ Partly Agreed/ Not Agreed', 'agreement'],
    ['4. Response Action Taken/Planned', 'response'],
    ['Action Required', 'response'],
    ['5. Responsible Owner (including named individuals and their functional role or department)', 'owner'],
    ['Lead Officer', 'owner'],
    ['6. Target Date', 'due'],
    ['Planned Completion Date', 'due'],
    ['Timescale', 'due'],
    ['Deadline', 'due'],
  ])('%s → %s', (text, column) => expect(columnForHeader(text)).toBe(column));

  it('does not take a content row for a header', () => {
    expect(mapHeaderRow(['3', 'London NPS should keep the progress of supervision under review, particularly when there has been a change', 'Agreed', 'All OMs have been instructed to review assessments', 'Head of Service', 'July 2019'])).toBeNull();
  });
});

describe('headings', () => {
  it.each([
    ['<b>Northamptonshire PDU should:</b>', 'Northamptonshire PDU'],
    ['**The Probation Service – East of England region should:**', 'The Probation Service – East of England region'],
    ['HM Prison and Probation Service should:', 'HM Prison and Probation Service'],
    ['London NPS should ensure that risk of harm is fully considered', null],
  ])('%s → %s', (text, addressee) => expect(headingAddressee(text)).toBe(addressee));

  it('reads an inline addressee prefix', () => {
    expect(inlineAddressee('DLNR CRC should: Ensure when new cases are started')).toBe('DLNR CRC');
    expect(inlineAddressee('London NPS should ensure that')).toBeNull();
  });
});

describe('cell fragments', () => {
  const at = { line: 1 };
  it('splits paragraphs and list items, decoding entities and inline tags', () => {
    expect(cellPieces('<p>Head of P&amp;Q</p> <ul><li>- One <i>thing</i></li><li>Two</li></ul>', at)).toEqual([
      { text: 'Head of P&Q', kind: 'p', location: at },
      { text: '- One thing', kind: 'li', location: at },
      { text: 'Two', kind: 'li', location: at },
    ]);
  });
  it('splits untagged bullets', () => {
    expect(cellPieces('By: • first step • second step', at)).toEqual([
      { text: 'By:', kind: 'plain', location: at },
      { text: 'first step', kind: 'li', location: at },
      { text: 'second step', kind: 'li', location: at },
    ]);
  });
});
