import { describe, expect, it } from 'vitest';
import type { Column, Piece } from '../../../src/read/source-row.js';
import { cutAtRowStarts } from '../../../src/read/pdf/aligned.js';
import { groupLines, type TextItem } from '../../../src/read/pdf/items.js';
import type { Paragraph } from '../../../src/read/pdf/paragraphs.js';
import type { Cells } from '../../../src/read/pdf/subrows.js';

/** 10-point text on lines 11.5 points apart, the first baseline at 100: line n stands at 100 + 11.5n. */
const item = (text: string, x: number, line: number): TextItem => ({ text, x, right: x + text.length * 5, baseline: 100 + 11.5 * line, size: 10, font: 'body', block: null, listed: false, label: false });

/** One paragraph of a column, from its lines' texts and the line it starts on. */
function piece(source: Map<Piece, Paragraph>, x: number, from: number, texts: string[]): Piece {
  const lines = groupLines(texts.map((t, i) => item(t, x, from + i)));
  const [first, last] = [lines[0]!, lines.at(-1)!];
  const made: Piece = { text: texts.join(' '), kind: 'p', location: { page: 1 }, top: first.baseline - 8, bottom: last.baseline + 2 };
  source.set(made, { text: made.text, bullet: false, top: made.top!, bottom: made.bottom!, first, last, lines });
  return made;
}

const texts = (cells: Cells, column: Column) => cells[column]!.map((p) => p.text);

describe('rows of one action each whose text ran together, with no rules between them', () => {
  it('cuts an action at a line that the next owner and date both start level with', () => {
    const source = new Map<Piece, Paragraph>();
    const cells: Cells = {
      response: [piece(source, 100, 0, ['Co-location will not be', 'agreed, but a surgery will', 'be held instead', 'Joint training will be', 'offered to both teams'])],
      owner: [piece(source, 300, 0, ['Head of PDU']), piece(source, 300, 3, ['Regional Safeguarding', 'Manager'])],
      due: [piece(source, 420, 0, ['July 2025']), piece(source, 420, 3, ['30 November 2025'])],
    };
    cutAtRowStarts(cells, source);
    expect(texts(cells, 'response')).toEqual(['Co-location will not be agreed, but a surgery will be held instead', 'Joint training will be offered to both teams']);
    expect(cells.response!.map((p) => p.top)).toEqual([92, 126.5]);
  });

  it('leaves the action whole when only one column starts level with its line (an owner centred, or placed apart)', () => {
    const source = new Map<Piece, Paragraph>();
    const cells: Cells = {
      response: [piece(source, 100, 0, ['Co-location will not be', 'agreed, but a surgery will', 'be held instead', 'Joint training will be', 'offered to both teams'])],
      owner: [piece(source, 300, 0, ['Head of PDU']), piece(source, 300, 3, ['Regional Safeguarding', 'Manager'])],
      due: [piece(source, 420, 0, ['July 2025'])],
    };
    cutAtRowStarts(cells, source);
    expect(texts(cells, 'response')).toHaveLength(1);
  });

  it('cuts an owner running on past where the next row starts, and the action beside it where the other column runs through', () => {
    const source = new Map<Piece, Paragraph>();
    const cells: Cells = {
      response: [piece(source, 100, 0, ['A practice guide will be', 'issued to all staff']), piece(source, 100, 2, ['Two workshops will be run', 'for new officers'])],
      owner: [piece(source, 300, 0, ['Quality Development', 'Officer', 'Learning and', 'Development Partner'])],
      due: [piece(source, 420, 0, ['End of June 2025']), piece(source, 420, 2, ['Q3 2025/26'])],
    };
    cutAtRowStarts(cells, source);
    expect(texts(cells, 'owner')).toEqual(['Quality Development Officer', 'Learning and Development Partner']);
    expect(texts(cells, 'response')).toEqual(['A practice guide will be issued to all staff', 'Two workshops will be run for new officers']);
  });
});
