import { describe, expect, it } from 'vitest';
import type { Column, Piece } from '../../../src/read/source-row.js';
import { groupLines, type TextItem } from '../../../src/read/pdf/items.js';
import { paragraphs, type Layout, type Paragraph } from '../../../src/read/pdf/paragraphs.js';
import type { Cells } from '../../../src/read/pdf/subrows.js';
import { joinedParagraph, splitTightRow } from '../../../src/read/pdf/tight.js';

/** 10-point text 5 points a character wide, lines 11.5 points apart (no space between paragraphs). */
const item = (text: string, x: number, baseline: number): TextItem => ({ text, x, right: x + text.length * 5, baseline, size: 10, font: 'body', block: null, listed: false, label: false });
const layout: Layout = { leading: 1.15, blocks: false };

/** A row's cells from columns of lines (each column's lines start at its x), each column one paragraph as read. */
function row(columns: Partial<Record<Column, { x: number; right: number; lines: string[] }>>): { cells: Cells; source: Map<Piece, Paragraph>; rights: Map<Column, number> } {
  const cells: Cells = {};
  const source = new Map<Piece, Paragraph>();
  const rights = new Map<Column, number>();
  for (const [column, { x, right, lines }] of Object.entries(columns) as Array<[Column, { x: number; right: number; lines: string[] }]>) {
    // Each line read apart first, then one paragraph: what a cell with no space between its paragraphs gives.
    const grouped = groupLines(lines.map((t, i) => item(t, x, 100 + 11.5 * i)));
    const pieces = (column === 'due' ? grouped.map((l) => [l]) : [grouped]).map((ls) => {
      const p = paragraphs(ls, layout, right, x, undefined, () => false).reduce((a, b) => ({ ...a, text: `${a.text} ${b.text}`, last: b.last, bottom: b.bottom, lines: [...a.lines, ...b.lines] }));
      const piece: Piece = { text: p.text, kind: 'p', location: { page: 1 }, top: p.top, bottom: p.bottom };
      source.set(piece, p);
      return piece;
    });
    cells[column] = pieces;
    rights.set(column, right);
  }
  return { cells, source, rights };
}

const texts = (cells: Cells, column: Column) => cells[column]!.map((p) => p.text);

describe('paragraphs set with no space between them, counted across a row', () => {
  it('owners part where the next first word would have fitted, as many as the dates say; the dates are not cut', () => {
    const { cells, source, rights } = row({
      // "Head of PDU" leaves room for "SPOs" (a 110-point column): a paragraph ended there. "Senior Probation" is full.
      owner: { x: 300, right: 410, lines: ['Head of PDU', 'SPOs', 'Senior Probation', 'Officers'] },
      due: { x: 420, right: 480, lines: ['June 2025', 'Ongoing', 'July 2025'] },
    });
    splitTightRow([cells], source, layout, rights);
    expect(texts(cells, 'owner')).toEqual(['Head of PDU', 'SPOs', 'Senior Probation Officers']);
    expect(texts(cells, 'due')).toEqual(['June 2025', 'Ongoing', 'July 2025']);
    expect(cells.owner!.map((p) => [p.top, p.bottom])).toEqual([
      [92, 102],
      [103.5, 113.5],
      [115, 136.5],
    ]);
  });

  it('a line after a joining word or before a lower-case word carries on its owner; with too few sure places the wording decides, or nothing is cut', () => {
    const narrow = row({
      // Only "Manager" / "Office" is sure ("Estates Manager" and "Office Manager Head" do not fit): one sure place
      // for two cuts. The other is where the words plainly end a title and start one ("Manager" / "Head of PDU"),
      // not before "Manager" standing alone.
      owner: { x: 300, right: 370, lines: ['Estates', 'Manager', 'Office Manager', 'Head of PDU'] },
      due: { x: 420, right: 480, lines: ['May 2025', 'June 2025', 'Complete'] },
    });
    splitTightRow([narrow.cells], narrow.source, layout, narrow.rights);
    expect(texts(narrow.cells, 'owner')).toEqual(['Estates Manager', 'Office Manager', 'Head of PDU']);
    const open = row({
      // No sure place, and two equally plain ones ("Administrators" / "Office", "Managers" / "Team") for one cut.
      owner: { x: 300, right: 380, lines: ['Case', 'Administrators', 'Office Managers', 'Team Leaders'] },
      due: { x: 420, right: 480, lines: ['May 2025', 'June 2025'] },
    });
    splitTightRow([open.cells], open.source, layout, open.rights);
    expect(texts(open.cells, 'owner')).toEqual(['Case Administrators Office Managers Team Leaders']);
    const joined = row({
      owner: { x: 300, right: 410, lines: ['Safeguarding Lead and', 'Deputy Head of PDU', 'SPOs'] },
      due: { x: 420, right: 480, lines: ['May 2025', 'June 2025'] },
    });
    splitTightRow([joined.cells], joined.source, layout, joined.rights);
    expect(texts(joined.cells, 'owner')).toEqual(['Safeguarding Lead and Deputy Head of PDU', 'SPOs']);
  });

  it('an owner joined across a page break keeps its lines, and is cut with each part on its own page', () => {
    // "Safeguarding Lead and" at the foot of page 1 goes on at the top of page 2 ("Deputy Head of" / "PDU"), where the
    // next owner follows with no space between ("Regional" / "Safeguarding" / "Manager"); the dates give two.
    const para = (texts: string[], y: number, page: number): { piece: Piece; paragraph: Paragraph } => {
      const paragraph = paragraphs(groupLines(texts.map((t, i) => item(t, 300, y + 11.5 * i))), layout, 370, 300, undefined, () => false).reduce((a, b) => ({ ...a, text: `${a.text} ${b.text}`, last: b.last, bottom: b.bottom, lines: [...a.lines, ...b.lines] }));
      return { piece: { text: paragraph.text, kind: 'p', location: { page }, top: paragraph.top, bottom: paragraph.bottom }, paragraph };
    };
    const tail = para(['Safeguarding Lead and'], 700, 1);
    const head = para(['Deputy Head of', 'PDU', 'Regional', 'Safeguarding', 'Manager'], 60, 2);
    const dues = [para(['May 2025'], 700, 1), para(['June 2025'], 60, 2)];
    const source = new Map<Piece, Paragraph>([tail, head, ...dues].map((p) => [p.piece, p.paragraph]));
    tail.piece.text = `${tail.piece.text} ${head.piece.text}`;
    source.set(tail.piece, joinedParagraph(tail.paragraph, head.paragraph, tail.piece, head.piece));
    const parts: Cells[] = [{ owner: [tail.piece], due: [dues[0]!.piece] }, { due: [dues[1]!.piece] }];
    splitTightRow(parts, source, layout, new Map<Column, number>([['owner', 370], ['due', 480]]));
    expect(parts[0]!.owner!.map((p) => [p.text, p.location.page, p.top, p.bottom])).toEqual([
      ['Safeguarding Lead and Deputy Head of PDU', 1, 692, 702],
      ['Regional Safeguarding Manager', 2, 75, 108],
    ]);
  });

  it('a document that spaces its paragraphs marks them: its cells are left as read', () => {
    const { cells, source, rights } = row({
      owner: { x: 300, right: 410, lines: ['Head of PDU', 'SPOs'] },
      due: { x: 420, right: 480, lines: ['June 2025', 'July 2025'] },
    });
    // Move the second owner line a paragraph's spacing down.
    const piece = cells.owner![0]!;
    const p = source.get(piece)!;
    source.set(piece, { ...p, lines: [p.lines[0]!, groupLines([item('SPOs', 300, 120)])[0]!] });
    splitTightRow([cells], source, layout, rights);
    expect(texts(cells, 'owner')).toEqual(['Head of PDU SPOs']);
  });
});
