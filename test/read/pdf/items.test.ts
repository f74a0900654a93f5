import { describe, expect, it } from 'vitest';
import { toTextItems } from '../../../src/read/pdf/items.js';

// A page 800 points high: pdfjs's viewport turns PDF space (origin bottom left) into display space.
const VIEWPORT = [1, 0, 0, -1, 0, 800];
const item = (str: string, x: number, y: number, width: number | undefined) => ({ str, transform: [10, 0, 0, 10, x, y], width, fontName: 'F1' });

describe('text items from pdfjs', () => {
  it('are placed in display space, a damaged width giving a span of none and a damaged position dropping the item', () => {
    const items = toTextItems([item('Owner', 72, 700, 30), item('Lead', 200, 700, Number.NaN), item('Due', Number.NaN, 700, 20), item('May', 300, Number.POSITIVE_INFINITY, 20)], VIEWPORT);
    expect(items.map(({ text, x, right, baseline, size }) => ({ text, x, right, baseline, size }))).toEqual([
      { text: 'Owner', x: 72, right: 102, baseline: 100, size: 10 },
      { text: 'Lead', x: 200, right: 200, baseline: 100, size: 10 },
    ]);
  });
});
