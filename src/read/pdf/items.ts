/** Positioned text: pdfjs text items in page coordinates, and the lines they form. */

/** A run of text on one baseline, in points from the top-left corner of the displayed page. */
export interface TextItem {
  text: string;
  x: number;
  right: number;
  baseline: number;
  /** Font size in points. */
  size: number;
  /** pdfjs's name for the font, which tells a bold header from body text. */
  font: string;
  /** The marked-content sequence (a tagged PDF's paragraph or cell) the item belongs to, if any. */
  block: string | null;
  /** True inside a list label (a bullet) or in the list body that follows one. */
  listed: boolean;
  /** True inside the list label itself. */
  label: boolean;
}

/** Items that share a baseline, left to right. */
export interface Line {
  readonly items: TextItem[];
  readonly baseline: number;
  readonly size: number;
  readonly x: number;
  readonly right: number;
  readonly text: string;
}

type Matrix = number[];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0]! * n[0]! + m[2]! * n[1]!,
  m[1]! * n[0]! + m[3]! * n[1]!,
  m[0]! * n[2]! + m[2]! * n[3]!,
  m[1]! * n[2]! + m[3]! * n[3]!,
  m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
  m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
];

interface RawItem {
  str?: string;
  transform?: Matrix;
  width?: number;
  fontName?: string;
  type?: string;
  id?: string | null;
  tag?: string;
}

/**
 * Turn pdfjs text items into page-coordinate items, through the page's viewport (which applies rotation and
 * the crop box). Blank items are dropped, and so is text that does not run left to right across the page.
 * Marked content, where the PDF is tagged, gives each item its block: Chromium and Word mark each
 * paragraph and list body, and a list's bullet as a label ("Lbl") before its body.
 */
export function toTextItems(raw: readonly unknown[], viewport: Matrix): TextItem[] {
  const out: TextItem[] = [];
  const open: Array<{ id: string | null; tag: string }> = [];
  let lastTag = '';
  let listed = false;
  for (const entry of raw as RawItem[]) {
    if (entry.type === 'beginMarkedContent' || entry.type === 'beginMarkedContentProps') {
      if (open.length === 0) listed = entry.tag === 'Lbl' || lastTag === 'Lbl';
      open.push({ id: entry.tag === 'Artifact' ? null : (entry.id ?? null), tag: entry.tag ?? '' });
      continue;
    }
    if (entry.type === 'endMarkedContent') {
      const closed = open.pop();
      if (open.length === 0 && closed) lastTag = closed.tag;
      continue;
    }
    if (typeof entry.str !== 'string' || !entry.transform || entry.str.trim() === '') continue;
    const m = multiply(viewport, entry.transform);
    const [a, b, c, d, e, f] = m as [number, number, number, number, number, number];
    if (a <= 0 || Math.abs(b) > Math.abs(a) * 0.1) continue;
    const size = Math.hypot(c, d);
    if (!(size > 0) || !Number.isFinite(e) || !Number.isFinite(f)) continue;
    const scale = Math.hypot(a, b) / Math.hypot(entry.transform[0]!, entry.transform[1]!) || 1;
    // A damaged width must not make a span that is not a number: it would throw cells and columns off.
    const width = Number.isFinite(entry.width) && entry.width! > 0 ? entry.width! : 0;
    const outer = open[0];
    out.push({
      text: entry.str,
      x: e,
      right: e + width * scale,
      baseline: f,
      size,
      font: entry.fontName ?? '',
      block: outer?.id ?? null,
      listed: outer !== undefined && listed,
      label: outer?.tag === 'Lbl',
    });
  }
  return out;
}

/** The vertical extent of an item's glyphs, roughly: ascenders above the baseline, descenders below. */
const box = (item: { baseline: number; size: number }): [number, number] => [item.baseline - item.size * 0.8, item.baseline + item.size * 0.2];

function overlaps(item: TextItem, main: TextItem): boolean {
  const [t1, b1] = box(item);
  const [t2, b2] = box(main);
  return Math.min(b1, b2) - Math.max(t1, t2) >= 0.5 * Math.min(item.size, main.size);
}

/** Join items of one line, with a space where the gap between them is wider than a letter's spacing. */
export function joinItems(items: readonly TextItem[]): string {
  let text = '';
  let prev: TextItem | null = null;
  for (const item of items) {
    // The gap first, the cheapest test; of the text, the last character only (/\s$/ on the growing text would try
    // every position of it).
    if (prev && item.x - prev.right > 0.2 * Math.min(prev.size, item.size) && !/\s/.test(text.at(-1) ?? '') && !/^\s/.test(item.text)) text += ' ';
    text += item.text;
    prev = item;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Items on one baseline; the text is joined when first read, since many lines are only measured. */
class ItemLine implements Line {
  readonly baseline: number;
  readonly size: number;
  readonly x: number;
  readonly right: number;
  #text: string | null = null;

  constructor(readonly items: TextItem[]) {
    let main = items[0]!;
    let right = main.right;
    for (const item of items) {
      if (item.size > main.size) main = item;
      if (item.right > right) right = item.right;
    }
    this.baseline = main.baseline;
    this.size = main.size;
    this.x = items[0]!.x;
    this.right = right;
  }

  get text(): string {
    return (this.#text ??= joinItems(this.items));
  }
}

/** A line made of items on one baseline, sorted here left to right. */
export function makeLine(items: TextItem[]): Line {
  items.sort((p, q) => p.x - q.x);
  return new ItemLine(items);
}

/**
 * Group items into lines, top to bottom: an item joins a line when its glyphs overlap the line's largest
 * glyphs by half a letter's height, so that a raised "th" stays with its date and the next line does not.
 */
export function groupLines(items: readonly TextItem[]): Line[] {
  const sorted = [...items].sort((p, q) => p.baseline - q.baseline || p.x - q.x);
  const groups: Array<{ items: TextItem[]; main: TextItem }> = [];
  for (const item of sorted) {
    const open = groups.at(-1);
    if (open && overlaps(item, open.main)) {
      open.items.push(item);
      if (item.size > open.main.size) open.main = item;
    } else groups.push({ items: [item], main: item });
  }
  return groups.map((g) => makeLine(g.items));
}

/** The gap between cells, in font sizes, that `fragments` splits at unless told otherwise. */
const CELL_GAP = 0.75;
/** Each line's fragments at CELL_GAP: the table and header passes ask for them again and again. */
const split = new WeakMap<Line, readonly Line[]>();

/**
 * Split a line where the gap between two items is wider than `gap` times the font size: the cells of a row.
 * The lines returned are shared between calls; do not change them.
 */
export function fragments(line: Line, gap = CELL_GAP): readonly Line[] {
  if (gap !== CELL_GAP) return splitLine(line, gap);
  let found = split.get(line);
  if (found === undefined) split.set(line, (found = splitLine(line, gap)));
  return found;
}

function splitLine(line: Line, gap: number): Line[] {
  const out: TextItem[][] = [];
  let prev: TextItem | null = null;
  for (const item of line.items) {
    if (!prev || item.x - prev.right > gap * Math.min(prev.size, item.size)) out.push([item]);
    else out.at(-1)!.push(item);
    prev = prev && prev.right > item.right ? prev : item;
  }
  return out.map((items) => makeLine(items));
}
