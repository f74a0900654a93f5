import { boundaryScore } from '../cells/role-names.js';
import { leadsIn } from '../cells/text.js';
import { findDates, parseDue } from '../dates.js';
import { joinItems, type Line, type TextItem } from './items.js';
import { relativeWidth } from './text-width.js';

/** A paragraph or list item of one cell, with its vertical extent on the page. */
export interface Paragraph {
  text: string;
  bullet: boolean;
  top: number;
  bottom: number;
  first: Line;
  last: Line;
  /** Its lines, top to bottom. */
  lines: Line[];
  /** For a paragraph joined across page breaks: the page of each of its lines (otherwise all are on its piece's page). */
  pages?: number[];
  /**
   * True for a paragraph at the top of a page set in from the column's edge with no bullet, in a document whose
   * bullets are text: the rest of a list item.
   */
  carries?: boolean;
}

/** Bullet glyphs word processors and browsers draw as text, Symbol and Wingdings private-use ones included. */
const GLYPH = /^[•●▪◦‣∙·○■□➢➤►▶✓✔\u2043\uF0A7\uF0B7\uF076\uF0D8\uF0FC]/u;
const DASH = /^[-–*]$/;

/** A numbered list's label at the start of a line, and the space after it: "1. ", "12) ", "b) ", "(iv) ". */
const LIST_LABEL = /^(?:\d{1,2}[.)]|\(?[a-h]\)|\(?[ivx]{1,4}\))(?:\s+|$)/;

/** A line's bullet, if it starts with one: the glyph alone or with its text, a dash or "o" set apart by a gap, a list number. */
function bulletOf(line: Line): { rest: TextItem[]; first: string } | null {
  const [head, next] = line.items;
  if (!head) return null;
  const t = head.text.trim();
  const apart = next !== undefined && next.x - head.right > 0.15 * head.size;
  if (GLYPH.test(t)) {
    const rest = t.replace(GLYPH, '').trim();
    return { rest: line.items.slice(1), first: rest };
  }
  if ((DASH.test(t) || t === 'o') && apart) return { rest: line.items.slice(1), first: '' };
  // A dash, or the "o" Word types for a second-level bullet, set before its text in the same item.
  if (/^(?:[-–*]|o(?=\s+[a-z]))\s+\S/.test(head.text.trimStart())) return { rest: line.items.slice(1), first: head.text.trimStart().replace(/^(?:[-–*]|o)\s+/, '') };
  // The number a numbered list sets before an item ("1.", "2)", "b)"), in the same item or apart; the model leaves it out.
  const numbered = LIST_LABEL.exec(head.text.trimStart());
  if (numbered && (numbered[0].trim() !== head.text.trim() || apart)) return { rest: line.items.slice(1), first: head.text.trimStart().slice(numbered[0].length).trim() };
  return null;
}

/**
 * The width the first word of a line takes, estimated from its share of the first item's width, each character
 * weighed by how wide a sans-serif face sets it (text-width.ts).
 */
export function firstWordWidth(line: Line): number {
  const item = line.items[0]!;
  const text = item.text.trimStart();
  const word = text.split(/\s+/)[0] ?? '';
  const whole = relativeWidth(text);
  const share = whole > 0 ? relativeWidth(word) / whole : 1;
  return (item.right - item.x) * share;
}

/** What a document's text tells about its paragraphs, measured once over the whole table. */
export interface Layout {
  /** How far apart the baselines of two lines of one paragraph are, as a multiple of the font size. */
  leading: number;
  /** True when the PDF is tagged one marked-content block per paragraph, so a new block is a new paragraph. */
  blocks: boolean;
  /** True when the tags mark lists (a label drawn before a list item's body), so an indented block is a list item. */
  lists?: boolean;
}

/** The block a line belongs to: that of its last item, since a bullet before the text may be a block of its own. */
const blockOf = (line: Line): string | null => [...line.items].reverse().find((i) => i.block !== null)?.block ?? null;

/**
 * Measure the layout: the leading is the smallest line spacing that is common between consecutive lines
 * of a column (paragraph and row gaps are larger, and rarer); blocks are trusted when several pairs of
 * consecutive lines share one, which shows they are paragraphs and not single lines.
 */
export function measureLayout(columns: readonly Line[][]): Layout {
  const bins = new Map<number, number>();
  let shared = 0;
  for (const lines of columns) {
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      if (blockOf(a) !== null && blockOf(a) === blockOf(b)) shared++;
      if (Math.abs(a.size - b.size) > 0.5) continue;
      const ratio = (b.baseline - a.baseline) / a.size;
      if (ratio < 0.9 || ratio > 2.5) continue;
      const bin = Math.round(ratio * 20);
      bins.set(bin, (bins.get(bin) ?? 0) + 1);
    }
  }
  const blocks = shared >= 3;
  // Which block follows a list label is the order the page was drawn in, and the one item marked so may lie
  // outside the table: in a PDF tagged by paragraph, indentation alone says which blocks are list items.
  const lists = blocks;
  if (bins.size === 0) return { leading: 1.15, blocks, lists };
  const most = Math.max(...bins.values());
  const common = [...bins].filter(([, n]) => n >= most * 0.3).map(([bin]) => bin);
  return { leading: Math.min(...common) / 20, blocks, lists };
}

/**
 * True when `line` starts a new paragraph after `prev`: it is in another tagged block, the gap between
 * them is clearly larger than the leading, or `prev` stops short of the column's right edge by more than
 * the first word of `line` needs — a line wraps only when the next word does not fit, so a short line
 * ended its paragraph.
 */
function breaksAfter(prev: Line, line: Line, layout: Layout, right: number): boolean {
  if (layout.blocks && blockOf(prev) !== null && blockOf(line) !== null && blockOf(prev) !== blockOf(line)) return true;
  const gap = line.baseline - prev.baseline;
  if (gap > layout.leading * prev.size + Math.max(2, 0.2 * prev.size)) return true;
  // After a full stop, a line starting with a capital is a new sentence, perhaps a new paragraph: there the
  // first word must not have fitted at all, without the allowance made for widths that are only estimated.
  return !wrapped(prev, line, right, SENTENCE_END.test(prev.text) && /^[A-Z]/.test(line.text));
}

/** A line that ends a sentence: a full stop, question or exclamation mark, perhaps inside a closing quote or bracket. */
export const SENTENCE_END = /[.!?]["'’”)]?$/;

/**
 * True when `prev` ends because the first word of `line` would not fit after it: one paragraph, wrapped.
 * The first word's width is estimated, so it is allowed a quarter more, unless `strict`.
 */
export function wrapped(prev: Line, line: Line, right: number, strict = false): boolean {
  const room = right - prev.right - 0.3 * prev.size;
  const need = strict ? firstWordWidth(line) : firstWordWidth(line) * 1.25 + 2;
  return room <= need && bulletOf(line) === null;
}

/** A column's own sense of where an entry starts, from its text so far and the next line (target dates: dates.ts). */
export type EntryStart = (before: string, line: Line) => boolean;

/**
 * Where a target date starts in a column of dates set one under another with no space between: after a
 * date that states its month or day ("30th June 2023"), or after "Ongoing", "Monthly" (or another word of how
 * often) or "Complete" standing alone, a line that starts with a capital or a digit is the next date, unless
 * (after "Complete") it is the date the work was completed ("Completed" / "January 2023", or "Completed" /
 * "January" / "2023" in a narrow column).
 */
export const dateStart: EntryStart = (before, line) => {
  if (!/^[A-Z0-9]/.test(line.text)) return false;
  const so = parseDue(before);
  if (so?.date) return true;
  // "Ongoing" or "Monthly" standing alone is a whole target date: a line starting with a capital is the next.
  if (RECURRING.test(before.trim()) || (so?.status === 'ongoing' && !/\s/.test(before.trim()))) return true;
  return so?.status === 'complete' && !/\s/.test(before.trim()) && !parseDue(line.text)?.date && !monthAlone(line.text);
};

/**
 * True when `line` carries on a word that `prev` broke off: a word too long for its column is set over two lines
 * with no hyphen ("Septembe" / "r 2027", "30/06/202" / "7" in a narrow target date column). `before` is the text of
 * the paragraph so far; each column's sense of its own text decides.
 */
export type BrokenWord = (before: string, prev: Line, line: Line, right: number) => boolean;

/** A line that holds one word and fills its column (`right`, its text's right edge): only such a word is broken so. */
const fullWord = (line: Line, right: number): boolean => !/\s/.test(line.text.trim()) && line.right >= right - 0.8 * line.size;

/**
 * A word broken over two lines of a target date: joined without a space, the text states more dates than with one;
 * or the rest is a bare number that finishes the last date's year ("30/06/20" / "27": 30 June 2027, not 2020 and 27).
 */
export const dateBroken: BrokenWord = (before, prev, line, right) => {
  const rest = line.text.trim();
  if (!fullWord(prev, right) || !/^[a-z0-9]/.test(rest)) return false;
  const [joined, apart] = [findDates(`${before}${rest}`), findDates(`${before} ${rest}`)];
  if (joined.length > apart.length) return true;
  return /^\d{1,3}$/.test(rest) && joined.length === apart.length && joined.length > 0 && joined.at(-1)!.iso !== apart.at(-1)!.iso;
};

/** Words an owner's name may go on with in lower case after a line break ("Head" / "of Public Protection"). */
const JOINING = /^(?:and|of|for|the|to|in|on|at|by|with|from|or|&)$/;

/**
 * A word broken over two lines of an owner's name ("Safeguardin" / "g Lead"): the next line starts in lower case
 * with no word a name goes on with; names are written in capitals but for such words.
 */
export const ownerBroken: BrokenWord = (_before, prev, line, right) => {
  const rest = line.text.trim();
  return fullWord(prev, right) && /^[a-z]/.test(rest) && !JOINING.test(rest.split(/\s+/)[0]!);
};

/** How a column's own text says where its entries start, and where a word was broken over two lines. */
export interface ColumnSense {
  starts?: EntryStart;
  broken?: BrokenWord;
  /** True when `line`, set at the spacing of lines under `prev`, cannot start an entry: it goes on whatever its length says. */
  goesOn?: (prev: Line, line: Line) => boolean;
}

/** Target dates (dates.ts): one starts after a whole date; a date's word may be broken in a narrow column. */
export const DATES: ColumnSense = { starts: dateStart, broken: dateBroken };

/**
 * Owners: a word of a name may be broken in a narrow column, and a line that no name starts with ("Lead" alone, a
 * role that names no one by itself: role-names.ts) after a line that ends none goes on with it, though the column's
 * widest line makes it look as if it would have fitted after that line.
 */
export const OWNERS: ColumnSense = { broken: ownerBroken, goesOn: (prev, line) => boundaryScore(prev.text, line.text) <= -2 };

/** A target date that is only how often the work recurs. */
const RECURRING = /^(?:daily|weekly|fortnightly|monthly|bi-?monthly|quarterly|six-?monthly|half-?yearly|bi-?annually|annually|annual|yearly)\.?$/i;

/** A line that is only a month's name: the start of a date whose year wrapped onto the next line. */
const monthAlone = (text: string): boolean => /^[A-Za-z]+\.?$/.test(text.trim()) && (parseDue(`${text.trim()} 2000`)?.date ?? null) !== null;

/** The lines of a paragraph as one text; a word broken at a hyphen at the end of a line joins without a space. */
export function joinLines(texts: readonly string[]): string {
  let out = '';
  for (const text of texts) {
    const next = text.trim();
    if (out === '') out = next;
    else if (/[A-Za-z]-$/.test(out) && /^[A-Za-z]/.test(next)) out += next;
    else out += ` ${next}`;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * Group one cell's lines (top to bottom) into paragraphs: by tagged blocks, by spacing, by lines that end
 * short, and by bullets (a glyph, or in a PDF whose tags mark lists, a block set in from the column's left
 * edge, where its label hangs), which start list items. `right` is the right edge of the column's text and
 * `left` its left edge (by default, that of these lines). Which block follows a label in the content
 * stream is not asked: that is the order the text was drawn in, not where it stands. At the top of a page,
 * `above` is the column's last line on the page before: a first line set in that carries on a line that
 * wrapped is the rest of that list item, not a new one. `sense` is the column's own sense of where its entries
 * start and of words broken over two lines (target dates: DATES).
 */
export function paragraphs(lines: readonly Line[], layout: Layout, right: number, left = Math.min(...lines.map((l) => l.x)), above?: Line, sense: ColumnSense = {}): Paragraph[] {
  const { starts, broken, goesOn } = sense;
  const out: Array<{ texts: string[]; bullet: boolean; top: number; bottom: number; first: Line; last: Line; lines: Line[]; carries: boolean }> = [];
  let prev: Line | null = null;
  for (const line of lines) {
    const bullet = bulletOf(line);
    const text = bullet ? `${bullet.first} ${joinItems(bullet.rest)}`.trim() : line.text;
    const top = line.baseline - line.size * 0.8;
    const bottom = line.baseline + line.size * 0.2;
    const open = out.at(-1);
    if (prev && open && !bullet && broken?.(joinLines(open.texts), prev, line, right)) {
      // The rest of the word the line before broke off: no space between.
      open.texts[open.texts.length - 1] += text.trim();
      open.bottom = bottom;
      open.last = line;
      open.lines.push(line);
      prev = line;
      continue;
    }
    const apart = !prev || bullet || breaksAfter(prev, line, layout, right) || (starts !== undefined && starts(joinLines(out.at(-1)!.texts), line));
    if (apart && !(prev && !bullet && goesOn?.(prev, line) && line.baseline - prev.baseline <= layout.leading * prev.size + Math.max(2, 0.2 * prev.size))) {
      // (A lead-in ending on a colon is whole: what follows it is the list.)
      const rest = !prev && above !== undefined && !leadsIn(above.text) && wrapped(above, line, right);
      const tagged = layout.lists === true && line.x - left >= 0.5 * line.size && !rest;
      // (Not where tags mark the lists: a browser draws a bullet as a shape, so a new item shows none as text either.)
      const carries = !prev && above !== undefined && !bullet && layout.lists !== true && line.x - left >= 0.5 * line.size;
      out.push({ texts: [text], bullet: bullet !== null || tagged, top, bottom, first: line, last: line, lines: [line], carries });
    } else {
      const open = out.at(-1)!;
      open.texts.push(text);
      open.bottom = bottom;
      open.last = line;
      open.lines.push(line);
    }
    prev = line;
  }
  // Built field by field: an object spread here cost more than joining the lines.
  return out
    .map((p) => ({ bullet: p.bullet, top: p.top, bottom: p.bottom, first: p.first, last: p.last, lines: p.lines, text: joinLines(p.texts), ...(p.carries ? { carries: true } : {}) }))
    .filter((p) => p.text !== '');
}
