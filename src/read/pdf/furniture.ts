import { parseAgreement } from '../cells/agreement.js';
import { fragments, type Line } from './items.js';

/** A page's lines and its height, for finding what repeats in its margins. */
export interface LaidPage {
  height: number;
  lines: Line[];
}

/** The share of the page height, from the top and from the bottom, where running headers and footers sit. */
const MARGIN = 0.15;
/** The share of the page height at its foot where a footer stands alone. */
const FOOT = 0.08;
const PAGE_NUMBER = /^page\s*\d+(\s*(of|\/)\s*\d+)?$/i;

const key = (line: Line): string => line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');

/**
 * True for a line that reads as the first line of a table row: three or more cells, one a bare number or an
 * agreement ("6", "Review the", "Agreed", "The PDU will:", a row the page cuts after its first line). A footer is
 * seldom so.
 */
function rowLike(line: Line): boolean {
  const cells = fragments(line);
  return cells.length >= 3 && (/^\d{1,3}\.?$/.test(cells[0]!.text.trim()) || cells.some((c) => parseAgreement(c.text) !== null));
}

/**
 * Running headers, footers and page numbers: the lines at the top or bottom edge of a page that come back,
 * digits aside, at the same height on at least half the pages ("Page 3 of 7" need not), as far in as a
 * clear gap parts them from the page's other text; and a short line standing alone at the foot of a page.
 * `skip` holds lines known to be something else (the table's header, which also repeats on every page).
 */
export function findFurniture(pages: readonly LaidPage[], skip: ReadonlySet<Line>): Set<Line> {
  const inMargin = (line: Line, height: number): boolean => line.baseline < height * MARGIN || line.baseline > height * (1 - MARGIN);
  const seen = new Map<string, Array<{ page: number; baseline: number }>>();
  pages.forEach((p, page) => {
    for (const line of p.lines) {
      if (!inMargin(line, p.height)) continue;
      const k = key(line);
      const list = seen.get(k);
      if (list) list.push({ page, baseline: line.baseline });
      else seen.set(k, [{ page, baseline: line.baseline }]);
    }
  });
  const need = Math.max(2, Math.ceil(pages.length / 2));
  const repeats = (line: Line): boolean => {
    if (skip.has(line)) return false;
    if (PAGE_NUMBER.test(line.text)) return true;
    const at = seen.get(key(line))!.filter((o) => Math.abs(o.baseline - line.baseline) < 3);
    return new Set(at.map((o) => o.page)).size >= need;
  };
  const out = new Set<Line>();
  for (const page of pages) {
    const lines = [...page.lines].sort((a, b) => a.baseline - b.baseline);
    for (const fromTop of [true, false]) {
      const order = fromTop ? lines : [...lines].reverse();
      const edge: Line[] = [];
      for (const line of order) {
        const edgeSide = fromTop ? line.baseline < page.height * MARGIN : line.baseline > page.height * (1 - MARGIN);
        if (!edgeSide || !repeats(line)) break;
        edge.push(line);
      }
      // A table running down to the page edge repeats too when its rows do; a footer stands apart from it.
      // So the furniture ends at the innermost clear gap between lines of the edge block (or after it).
      const apart = (a: Line, b: Line | undefined): boolean => !b || Math.abs(b.baseline - a.baseline) > 1.4 * Math.max(a.size, b.size);
      let keep = 0;
      edge.forEach((l, i) => {
        if (apart(l, order[i + 1])) keep = i + 1;
      });
      edge.slice(0, keep).forEach((l) => out.add(l));
      // A short line alone at the very foot of the page, well below the rest, is a footer even on one page.
      const foot = order[0];
      if (!fromTop && keep === 0 && foot && !skip.has(foot) && foot.baseline > page.height * (1 - FOOT) && foot.text.length <= 40 && !rowLike(foot)) {
        const above = order[1];
        if (!above || foot.baseline - above.baseline > 2 * Math.max(foot.size, above.size)) out.add(foot);
      }
    }
  }
  return out;
}
