import { columnForHeader, mapHeaderRow, measureTitle, tooLongForTitle, type TitleMeasure } from '../columns.js';
import type { Column } from '../source-row.js';
import { fragments, makeLine, type Line } from './items.js';

/** One header cell: the column it names and the horizontal extent of its title. */
export interface HeaderCell {
  column: Column | null;
  x: number;
  right: number;
  text: string;
}

/** The action-plan table's header row as found on one page. */
export interface Header {
  cells: HeaderCell[];
  /** Indexes into the page's lines of the lines the header occupies. */
  first: number;
  last: number;
  /** The fonts of the header's text, which is set apart from the body (bold, as a rule). */
  fonts: Set<string>;
}

/** The longest run of lines one header row may take (a title wrapped in a narrow column). */
const MAX_LINES = 12;

interface Candidate extends Header {
  mapped: number;
}

/** Said by cells and evaluate of a band with a cell surely too long for a title (tooLongForTitle). */
const TOO_LONG = 'too long';

/** Each fragment's measure for tooLongForTitle, taken once: the same fragments are clustered in many bands. */
const measures = new WeakMap<Line, TitleMeasure>();

function measureOf(fragment: Line): TitleMeasure {
  let found = measures.get(fragment);
  if (found === undefined) measures.set(fragment, (found = measureTitle(fragment.text)));
  return found;
}

/** The gap between items, in font sizes, that parts two titles: a header sets its titles' words a space apart. */
const TITLE_GAP = 0.5;
/** Each line's title fragments, taken once: the same lines are clustered in many bands. */
const titleFragments = new WeakMap<Line, readonly Line[]>();

/**
 * A line's fragments, each cut again where two items stand further apart than words of a title: in a narrow,
 * tightly padded column, a centred title comes closer to the next than cells of the body do ("Rec" and
 * "2. Recommendation", a font size apart less a quarter).
 */
function titleParts(line: Line): readonly Line[] {
  let found = titleFragments.get(line);
  if (found === undefined) titleFragments.set(line, (found = fragments(line).flatMap((f) => (f.items.length > 1 ? fragments(f, TITLE_GAP) : [f]))));
  return found;
}

/**
 * Cluster the fragments of some lines into cells: fragments that overlap horizontally are one cell. Null when
 * there are fewer than `least` cells, and TOO_LONG when a cell is surely too long to be a title (which
 * mapHeaderRow would turn down), both before any text is put together.
 */
function cells(lines: readonly Line[], least: number): HeaderCell[] | null | typeof TOO_LONG {
  const frags = lines.flatMap(titleParts);
  if (frags.length < least) return null;
  // Overlapping spans (to within a point) chain into one cell. Taken left to right, a fragment overlaps the
  // cell so far exactly when it starts before the cell's right edge, the furthest any fragment of it reaches.
  const groups: Line[][] = [];
  let reach = -Infinity;
  for (const f of [...frags].sort((a, b) => a.x - b.x)) {
    const cell = groups.at(-1);
    if (cell && f.x < reach + 1) {
      cell.push(f);
      reach = Math.max(reach, f.right);
    } else {
      groups.push([f]);
      reach = f.right;
    }
  }
  if (groups.length < least) return null;
  // Most bands tried are body text, whose long cells the length alone shows are no titles: stop before reading them.
  if (groups.some((group) => tooLongForTitle(group.map(measureOf)))) return TOO_LONG;
  return groups
    .map((group) => {
      group.sort((a, b) => a.baseline - b.baseline || a.x - b.x);
      const parts = group.map((f) => f.text);
      let text = parts.join(' ');
      // A title in a narrow column can break inside a word ("Recommendati" / "on"): read it whole again.
      if (columnForHeader(text) === null) text = parts.reduce((acc, p) => (/[a-z]$/i.test(acc) && /^[a-z]/.test(p) ? acc + p : `${acc} ${p}`));
      return { column: null, x: Math.min(...group.map((f) => f.x)), right: Math.max(...group.map((f) => f.right)), text };
    })
    .sort((a, b) => a.x - b.x);
}

/** The band of lines as a header, if it is one; TOO_LONG, as cells says it. */
function evaluate(lines: readonly Line[], first: number): Candidate | null | typeof TOO_LONG {
  const found = cells(lines, 3);
  if (found === null || found === TOO_LONG) return found;
  const mapping = mapHeaderRow(found.map((c) => c.text));
  if (!mapping) return null;
  found.forEach((c, i) => (c.column = mapping[i] ?? null));
  return {
    cells: found,
    first,
    last: first + lines.length - 1,
    fonts: new Set(lines.flatMap((l) => l.items.map((i) => i.font))),
    mapped: mapping.filter((c) => c !== null).length,
  };
}

/**
 * True when `next` keeps every column `prev` found, where it found it, and the added line is set like the header.
 * Or when it names more columns and drops none, though one has moved: a line that completes a title can change
 * what its cell names ("Recommendation" / "number" titles the number column, and so "Inspection recommendation"
 * beside it the recommendation's).
 */
function extends_(prev: Candidate, next: Candidate, line: Line): boolean {
  if (next.mapped < prev.mapped) return false;
  const same = prev.cells.every((c) => c.column === null || next.cells.some((n) => n.column === c.column && n.x <= c.x + 1 && n.right >= c.right - 1));
  const more = next.mapped > prev.mapped && prev.cells.every((c) => c.column === null || next.cells.some((n) => n.column === c.column));
  return (same || more) && line.items.every((i) => prev.fonts.has(i.font));
}

/** True when `b` follows `a` at the spacing of lines in one cell, not of a new row. */
const close = (a: Line, b: Line): boolean => b.baseline - a.baseline <= 1.6 * Math.max(a.size, b.size);

function headerFrom(lines: readonly Line[], start: number): Candidate | null {
  let best: Candidate | null = null;
  // Once a band has a cell too long for a title, so has every band that adds lines to it, unless a line added
  // holds a bracket or a tag (tooLongForTitle): those bands are no header, and need not be clustered.
  let tooLong = false;
  for (let end = start; end < Math.min(lines.length, start + MAX_LINES); end++) {
    const line = lines[end]!;
    if (end > start && !close(lines[end - 1]!, line)) break;
    if (tooLong && (line.text.includes('(') || line.text.includes('<'))) tooLong = false;
    const band: Candidate | null | typeof TOO_LONG = tooLong ? null : evaluate(lines.slice(start, end + 1), start);
    tooLong ||= band === TOO_LONG;
    const found = band === TOO_LONG ? null : band;
    if (!best) best = found;
    else if (found && extends_(best, found, line)) best = found;
    else if (found || !line.items.every((i) => best!.fonts.has(i.font))) break;
    // An open bracket can make a title too long to read until the line that closes it: read on.
  }
  return best;
}

/**
 * Find the header row among a page's lines: a band of lines whose text, clustered into cells by position,
 * names at least three template columns (mapHeaderRow). Starts are tried from the top, up to `maxStart`;
 * of the few bands that start together (the first line with a title word, a line or two above it, and the lines
 * of the first band found), the one naming the most columns wins, so that a title line just above the header is
 * not taken into it.
 */
export function findHeader(lines: readonly Line[], maxStart = lines.length): Header | null {
  for (let start = 0; start < Math.min(maxStart, lines.length); start++) {
    // A header's first line holds at least one title word, whatever the layout of the rest.
    if (!hasHeaderWord(lines[start]!)) continue;
    const first = headerFrom(lines, start);
    if (!first) continue;
    let best = first;
    // Titles set in the middle of their cells, and broken inside a word in narrow ones ("Agreeme" / "nt"), can leave
    // the header's first lines with no whole title word: a band starting a line or two higher, in the header's fonts
    // and spacing, is the header where it names more columns.
    for (let above = start - 1; above >= Math.max(0, start - 2) && close(lines[above]!, lines[above + 1]!) && lines[above]!.items.every((i) => first.fonts.has(i.font)); above--) {
      const other = headerFrom(lines, above);
      if (other && other.mapped > best.mapped) best = other;
    }
    for (let next = start + 1; next <= first.last && next < lines.length; next++) {
      const other = headerFrom(lines, next);
      if (other && (other.mapped > best.mapped || (other.mapped === best.mapped && other.cells.length > best.cells.length))) best = other;
    }
    return best;
  }
  return null;
}

/**
 * The header repeated at the top of a later page: the same lines, word for word, within the first few
 * lines of the page (a running header may stand above it). Returns null when the page does not repeat it.
 */
export function repeatedHeader(first: Header, firstLines: readonly Line[], lines: readonly Line[], maxStart: number): Header | null {
  const texts = firstLines.slice(first.first, first.last + 1).map((l) => l.text);
  for (let start = 0; start < Math.min(maxStart, lines.length); start++) {
    if (texts.every((t, i) => lines[start + i]?.text === t)) return { ...first, first: start, last: start + texts.length - 1 };
  }
  const again = findHeader(lines, maxStart);
  return again && sameHeader(first, again) ? again : null;
}

/**
 * The header repeated lower on a page, from line `from` on: a second table of the plan set under the first,
 * with the same header. Each is the same lines word for word, or a header naming the same columns in the
 * same order (the second table's columns may be set at other widths).
 */
export function headersBelow(first: Header, firstLines: readonly Line[], lines: readonly Line[], from: number): Header[] {
  const texts = firstLines.slice(first.first, first.last + 1).map((l) => l.text);
  const out: Header[] = [];
  for (let start = from; start < lines.length; start++) {
    if (!texts.every((t, i) => lines[start + i]?.text === t)) continue;
    out.push({ ...first, first: start, last: start + texts.length - 1 });
    start += texts.length - 1;
  }
  if (out.length > 0) return out;
  for (let start = from; start < lines.length; ) {
    const again = findHeader(lines.slice(start));
    if (!again) break;
    if (sameColumns(first, again)) out.push({ ...again, first: start + again.first, last: start + again.last });
    start += again.last + 1;
  }
  return out;
}

/**
 * Two tables side by side under one line of titles: the header names the template's columns, then names
 * them again further right. Returns the two headers and the x where the second table starts, or null.
 */
export function sideBySide(header: Header): { left: Header; right: Header; x: number } | null {
  const k = header.cells.reduce((last, c, i) => (c.column !== null ? i + 1 : last), 0);
  if (k === 0 || k >= header.cells.length) return null;
  const rest = header.cells.slice(k);
  const mapping = mapHeaderRow(rest.map((c) => c.text));
  if (!mapping || mapping.filter((c) => c !== null).length < 3) return null;
  const right = rest.map((c, i) => ({ ...c, column: mapping[i] ?? null }));
  return { left: { ...header, cells: header.cells.slice(0, k) }, right: { ...header, cells: right }, x: (header.cells[k - 1]!.right + rest[0]!.x) / 2 };
}

/** True when two headers name the same columns in the same order, wherever they stand. */
function sameColumns(a: Header, b: Header): boolean {
  const named = (h: Header): string => h.cells.map((c) => c.column ?? '').filter((c) => c !== '').join(' ');
  return named(a) === named(b);
}

/** True when a header found on a later page names the same columns, in the same places, as the first. */
export function sameHeader(a: Header, b: Header): boolean {
  const named = (h: Header): HeaderCell[] => h.cells.filter((c) => c.column !== null);
  const [x, y] = [named(a), named(b)];
  return x.length === y.length && x.every((c, i) => c.column === y[i]!.column && Math.abs(c.x - y[i]!.x) < 6);
}

/**
 * The rest of a header row that a page break cut: the lines at the top of the next page (`skip` aside, the
 * page's running header) set in the header's fonts and spaced as lines of one cell. Null when the page does
 * not start so. Only asked when nothing of the table stood below the header on its page.
 */
export function headerRest(header: Header, lines: readonly Line[], skip: (line: Line) => boolean): Header | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (first < 0 && skip(line)) continue;
    if (!line.items.every((item) => header.fonts.has(item.font))) break;
    if (last >= 0 && !close(lines[last]!, line)) break;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? null : { ...header, first, last };
}

/**
 * The header read again with the rest that a page break cut off (`rest`, from the top of the next page), set
 * under its last line, so that titles cut in two ("1. Rec" / "No") name their columns. The header as it was
 * when the whole reads no better.
 */
export function completeHeader(header: Header, lines: readonly Line[], rest: readonly Line[]): Header {
  const own = lines.slice(header.first, header.last + 1);
  const last = own.at(-1)!;
  const shift = last.baseline + last.size * 1.2 - rest[0]!.baseline;
  const moved = rest.map((l) => makeLine(l.items.map((i) => ({ ...i, baseline: i.baseline + shift }))));
  const whole = evaluate([...own, ...moved], header.first);
  const mapped = header.cells.filter((c) => c.column !== null).length;
  if (whole === null || whole === TOO_LONG || whole.mapped <= mapped) return header;
  return { cells: whole.cells, first: header.first, last: header.last, fonts: header.fonts };
}

/** True when any run of a line's text reads as a column title: the first line of a header holds one. */
function hasHeaderWord(line: Line): boolean {
  return fragments(line).some((f) => columnForHeader(f.text) !== null);
}
