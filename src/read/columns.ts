import { remembered } from '../util/remembered.js';
import type { Column } from './source-row.js';

/**
 * Header titles real plans use for each template column, tested in this order against a header cell's
 * text (lower-cased, numbering such as "4." removed). The first column whose pattern matches wins.
 */
const HEADER_PATTERNS: ReadonlyArray<[Column, RegExp]> = [
  ['agreement', /\bagreed\b|\bagreement\b|\baccepted\b|\bpartly\b/],
  ['owner', /\bowner\b|\bresponsib|\blead\b|\bofficer\b|\baccountable\b|\bby whom\b|\bwho\b/],
  ['due', /\bdate\b|\btimescale|\bdeadline|\bcompletion\b|\bwhen\b|\bby when\b|\btarget\b/],
  ['number', /^(rec(ommendation)?\.?\s*(no|number|#|ref)\.?|rec\.?|ref(erence)?\.?\s*(no|number)?\.?|no\.?|number|#|ref)$/],
  ['response', /\bresponse\b|\baction(s)?\b|\bplanned\b|\btaken\b|\bhow\b/],
  ['recommendation', /\brecommendation|\barea requiring\b|\bimprovement\b|\bfinding\b|\bissue\b/],
];

/** Strip the numbering and punctuation of a header cell: "1. Rec No" becomes "rec no". */
export function normaliseHeader(text: string): string {
  // Body text is long and seldom seen twice: only title-sized texts are worth keeping.
  return text.length > 200 ? normalise(text) : rememberedHeader(text);
}

/**
 * Header texts already normalised. Finding a header tries the same titles in many windows of lines, and
 * each cell is normalised to read its column and again to map its row.
 */
const rememberedHeader = remembered((text) => normalise(text), 1000);

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^<>]*>/g, ' ')
    .replace(/^\s*\d+\s*[.)]\s*/, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9#/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The template column a header cell names, or null when it names none. */
export function columnForHeader(text: string): Column | null {
  return columnForNormalised(normaliseHeader(text));
}

function columnForNormalised(norm: string): Column | null {
  if (norm === '') return null;
  for (const [column, pattern] of HEADER_PATTERNS) {
    if (pattern.test(norm)) return column;
  }
  return null;
}

/** The longest a header cell's normalised text may be: a longer cell is content, however many title words it holds. */
const TITLE_LENGTH = 60;

/** What normalising surely leaves of a piece of a header cell's text, counted without normalising it. */
export interface TitleMeasure {
  /** Its ASCII letters, digits, '#' and '/', each of which normalising keeps (but for a leading number). */
  kept: number;
  /** The digits it starts with, which normalising takes out when they number the cell ("4."). */
  lead: number;
  /** True when it holds a bracket or a tag, which normalising takes out with what they hold. */
  cuts: boolean;
}

/** Measure a piece of a header cell's text, for tooLongForTitle. */
export function measureTitle(text: string): TitleMeasure {
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 35 || c === 47) kept++;
  }
  return { kept, lead: /^\s*(\d*)/.exec(text)![1]!.length, cuts: text.includes('(') || text.includes('<') };
}

/**
 * True when a cell put together from these pieces (in any order, with or without spaces between them) is surely
 * too long to be a title, which mapHeaderRow turns down: no bracket or tag can take text out of it, and more
 * than a title's length of what normalising keeps is left after a leading number. False says nothing. So is a
 * cell with more pieces: what it keeps only grows, unless a piece added holds a bracket or a tag.
 */
export function tooLongForTitle(pieces: readonly TitleMeasure[]): boolean {
  let kept = 0;
  let lead = 0;
  for (const piece of pieces) {
    if (piece.cuts) return false;
    kept += piece.kept;
    // The leading number is one piece's, at most: the longest any piece starts with.
    lead = Math.max(lead, piece.lead);
  }
  return kept - lead > TITLE_LENGTH;
}

/**
 * Map a header row to columns. Returns null unless it names at least three distinct template columns,
 * one of them the recommendation or the response, so that ordinary rows are not taken for a header.
 */
export function mapHeaderRow(cells: readonly string[]): Array<Column | null> | null {
  // Header cells are titles; a long cell is content, however many title words it happens to contain.
  const norms = cells.map(normaliseHeader);
  if (norms.some((norm) => norm.length > TITLE_LENGTH)) return null;
  const mapped = norms.map(columnForNormalised);
  const seen = new Set<Column>();
  const out: Array<Column | null> = [];
  for (const column of mapped) {
    if (column && !seen.has(column)) {
      seen.add(column);
      out.push(column);
    } else out.push(null);
  }
  if (seen.size < 3 || !(seen.has('recommendation') || seen.has('response'))) return null;
  return out;
}
