import { describe, expect, it } from 'vitest';
import { cutAtColumnStart, type Grid } from '../../../src/read/pdf/grid.js';
import type { TextItem } from '../../../src/read/pdf/items.js';
import { relativeWidth } from '../../../src/read/pdf/text-width.js';

/** An item of 11-point text set as Helvetica sets it, with `gap` points more where pdfjs put one space for a wider gap. */
function item(text: string, x: number, gap = 0): TextItem {
  return { text, x, right: x + (relativeWidth(text) * 11) / 1000 + gap, baseline: 100, size: 11, font: 'body', block: null, listed: false, label: false };
}

/** Columns starting at 40 (recommendation), 250 (agreement) and 320 (response); slots start a point before. */
const grid: Grid = {
  slots: [
    { column: 'recommendation', left: -Infinity, right: 249 },
    { column: 'agreement', left: 249, right: 319 },
    { column: 'response', left: 319, right: Infinity },
  ],
};

describe('an item run over a column start', () => {
  it('is cut where the next word starts at the column, by the widths of its letters', () => {
    // "Ensure that all staff receive regular " is 173 points wide at 11 points: with a gap 16 points wider than the
    // space, "Agreed" starts at 60 + 173 + 16 = 249, and the estimate (the gap spread over every letter) at about 246.
    const run = item('Ensure that all staff receive regular Agreed', 60, 16);
    const [head, rest] = cutAtColumnStart(run, grid);
    expect([head?.text, rest?.text]).toEqual(['Ensure that all staff receive regular', 'Agreed']);
    expect(rest!.x).toBeGreaterThan(249 - 5.5);
    expect(rest!.x).toBeLessThan(249 + 5.5);
    expect(rest!.right).toBe(run.right);
  });

  it('is left whole where no word starts near the column, or where it crosses more than one', () => {
    // A note across the columns: its words fall anywhere.
    const note = item('This plan will be reviewed by the senior leadership team each quarter', 40);
    expect(cutAtColumnStart(note, grid)).toEqual([note]);
    const within = item('Ensure that all staff receive', 40);
    expect(cutAtColumnStart(within, grid)).toEqual([within]);
    const across = item('Make sure that home visits take place where there are safeguarding concerns now', 200);
    expect(cutAtColumnStart(across, grid)).toEqual([across]);
  });
});
