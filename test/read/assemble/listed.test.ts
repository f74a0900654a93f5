import { describe, expect, it } from 'vitest';
import { asListed, withoutItemNumber } from '../../../src/read/cells/text.js';
import { unitsOf } from '../../../src/read/assemble/row.js';
import type { Piece } from '../../../src/read/source-row.js';

const p = (text: string): Piece => ({ text, kind: 'p', location: { row: 1 } });

describe('a response paragraph that opens with a typed list number', () => {
  it.each([
    ['1. Renew the interpreting contract.', 'Renew the interpreting contract.'],
    ['2) Publish guidance for staff.', 'Publish guidance for staff.'],
    ['(3) Audit the use of interpreters.', 'Audit the use of interpreters.'],
    ['1.2 Staff will be briefed.', 'Staff will be briefed.'],
    ['b) a sample of cases each month', 'a sample of cases each month'],
    ['(iv) quarterly reports', 'quarterly reports'],
  ])('%s is a list item', (text, rest) => {
    expect(asListed(p(text))).toEqual({ text: rest, kind: 'li', location: { row: 1 } });
  });

  it.each([
    '3 PDUs will share one duty rota.',
    '2025 budgets are set in March.',
    '1.5 posts will be funded.',
    'A review will be held.',
  ])('%s stays a paragraph, as written', (text) => {
    expect(asListed(p(text))).toEqual(p(text));
  });

  it('loses its bullet glyph when it has one', () => {
    expect(asListed(p('• Renew the contract.'))).toEqual(p('Renew the contract.'));
  });

  it('a numbered item cut by a line break is joined again, the next number starting a new item', () => {
    const units = unitsOf({ parts: [{ response: ['1. Places will be reviewed with the team', 'so that waiting lists fall.', '2. Staff will be briefed.'].map((t) => asListed(p(t))), owners: [], dues: [], joins: false }] });
    expect(units.map((u) => [u.kind, u.text])).toEqual([
      ['li', 'Places will be reviewed with the team so that waiting lists fall.'],
      ['li', 'Staff will be briefed.'],
    ]);
  });
});

describe('an owner drawn by a numbered list', () => {
  it.each([
    ['1. Learning and Development Lead', 'Learning and Development Lead'],
    ['(2) Head of PDU', 'Head of PDU'],
    ['Head of PDU', 'Head of PDU'],
    ['3 SPOs', '3 SPOs'],
  ])('%s', (text, owner) => {
    expect(withoutItemNumber(text)).toBe(owner);
  });
});
