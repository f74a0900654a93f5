import { describe, expect, it } from 'vitest';
import { findFurniture } from '../../../src/read/pdf/furniture.js';
import { makeLine, type Line } from '../../../src/read/pdf/items.js';

const line = (text: string, baseline: number): Line =>
  makeLine([{ text, x: 60, right: 60 + text.length * 5, baseline, size: 10, font: 'f', block: null, listed: false, label: false }]);

/** A portrait page 842 points high: a running header, body text down to the foot, and a page number. */
function page(n: number, body: string[]): { height: number; lines: Line[] } {
  return {
    height: 842,
    lines: [line('OFFICIAL', 40), ...body.map((t, i) => line(t, 100 + i * 11.5)), line(`Page ${n} of 3`, 810)],
  };
}

describe('PDF page furniture', () => {
  it('drops running headers and page numbers, keeps body text that happens to repeat at the foot of pages', () => {
    // 63 lines of body run from 100 down to 813: the last lines sit in the bottom margin on every page.
    const body = (tag: string) => Array.from({ length: 60 }, (_, i) => (i >= 57 ? `Quarterly from June 2023 ${i}` : `${tag} line ${i}`));
    const pages = [page(1, body('a')), page(2, body('b')), page(3, body('c'))];
    const found = findFurniture(pages, new Set());
    const texts = [...found].map((l) => l.text).sort();
    expect(texts).toEqual(['OFFICIAL', 'OFFICIAL', 'OFFICIAL', 'Page 1 of 3', 'Page 2 of 3', 'Page 3 of 3']);
  });

  it('does not take the table header, repeated on every page, for a running header', () => {
    const header = [line('1. Rec No 2. Recommendation 3. Agreed', 40), line('1. Rec No 2. Recommendation 3. Agreed', 40)];
    const pages = header.map((h) => ({ height: 842, lines: [h, line('body', 200)] }));
    expect(findFurniture(pages, new Set(header)).size).toBe(0);
    expect(findFurniture(pages, new Set()).size).toBe(2);
  });
});

describe('PDF page furniture on a single page', () => {
  it('drops a short line standing alone at the foot of the page, and keeps one close under the text', () => {
    const alone = { height: 842, lines: [line('body', 600), line('last line of a cell', 611.5), line('OFFICIAL', 810)] };
    expect([...findFurniture([alone], new Set())].map((l) => l.text)).toEqual(['OFFICIAL']);
    const close = { height: 842, lines: [line('body', 788), line('last line of a cell', 799.5), line('Ongoing', 811)] };
    expect(findFurniture([close], new Set()).size).toBe(0);
  });

  it('keeps a table row\'s first line standing alone at the foot of the page: three cells or more, a number or an agreement among them', () => {
    const cells = (parts: Array<[string, number]>, baseline: number): Line =>
      makeLine(parts.map(([text, x]) => ({ text, x, right: x + text.length * 5, baseline, size: 10, font: 'f', block: null, listed: false, label: false })));
    const row = { height: 842, lines: [line('body', 600), cells([['6', 50], ['Review the', 100], ['Agreed', 220], ['The PDU will:', 300]], 810)] };
    expect(findFurniture([row], new Set()).size).toBe(0);
    const footer = { height: 842, lines: [line('body', 600), cells([['OFFICIAL', 50], ['Action plan', 250], ['v2', 500]], 810)] };
    expect([...findFurniture([footer], new Set())].map((l) => l.text)).toEqual(['OFFICIAL Action plan v2']);
  });
});
