import type { ReportRecommendation } from '../../model/inspection-report.js';
import { headingAddressee } from '../headings.js';

/** One line of an inspection report's text, as a format reader hands it on, already plain text. */
export interface ReportLine {
  text: string;
  /** The markup or the typography makes it a heading. */
  heading: boolean;
  /** It starts a new paragraph or block; false when it carries on the line before (a wrapped line). */
  paragraph: boolean;
}

const SECTION_WORD = /\brecommendations?\b/i;
const TOC_LINE = /\.{4,}|…{2,}|(?:\s|^)\d{1,3}$/;
const NUMBERED = /^(?:(?:recommendation|rec\.?|r)\s*(\d{1,3})\b[.):\-–]?|[([]?(\d{1,3}|[a-z])[.):\]])\s*(.*)$/i;
const BULLET = /^[•●▪◦‣*+–-]\s+(.+)$/;
const NOISE = /^(?:[-–—_=*\s]*|(?:page\s*)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?)$/i;
/** How far past the section heading the first recommendation may sit before the heading is taken for another. */
const MAX_INTRO_LINES = 30;

/** A line that may open the recommendations section: short, standing alone, naming recommendations, not a contents entry. */
function opensSection(line: ReportLine): boolean {
  const text = line.text.trim();
  if (!line.heading && !line.paragraph) return false;
  if (!SECTION_WORD.test(text) || TOC_LINE.test(text) || /[.,;]$/.test(text)) return false;
  return text.split(/\s+/).length <= 8;
}

/** The addressee a heading line names, without a leading "We recommend that". */
function addresseeOf(text: string): string | null {
  const name = headingAddressee(text);
  return name === null ? null : name.replace(/^(?:we (?:also )?recommend that|it is recommended that)\s+/i, '').trim();
}

/** A list item: its number (null for a bullet), how its marker is written ("#.", "(#)"), and its text. */
interface ListItem {
  number: string | null;
  style: string;
  text: string;
}

/** A list item's number and text, a bullet's text with a null number, or null for anything else. */
function listItem(text: string): ListItem | null {
  const bullet = BULLET.exec(text);
  if (bullet) return { number: null, style: 'bullet', text: bullet[1]! };
  const numbered = NUMBERED.exec(text);
  if (!numbered) return null;
  const raw = numbered[1] ?? numbered[2]!;
  const rest = numbered[3]!.trim();
  // "A new approach" is prose; a lettered item needs its bracket or stop and a lower-case start or nothing.
  if (/^[a-z]$/i.test(raw) && rest !== '' && !/^[a-z]/.test(rest)) return null;
  const marker = text.slice(0, text.length - numbered[3]!.length).trim().toLowerCase();
  return { number: raw.toLowerCase(), style: marker.replace(raw.toLowerCase(), '#'), text: rest };
}

/** Whether an item carries on the list so far: the same marker style, the next number or a fresh start. */
function continues(previous: ListItem | null, next: ListItem): boolean {
  if (previous === null) return true;
  if (previous.style !== next.style) return false;
  if (previous.number === null || next.number === null) return previous.number === next.number;
  const step = (n: string): number => (/^\d+$/.test(n) ? Number(n) : n.charCodeAt(0) - 96);
  return step(next.number) === step(previous.number) + 1 || step(next.number) === 1;
}

/** Item text without the "; and" that joins list items, whitespace collapsed. */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\s*(?:[;,]\s*(?:and|or)|;)\s*$/i, '').trim();
}

/** Read the recommendations after one section heading; empty when what follows is not a list of them. */
function readSection(lines: readonly ReportLine[], start: number): ReportRecommendation[] {
  const items: ReportRecommendation[] = [];
  let addressee = addresseeOf(lines[start]!.text);
  let current: ReportRecommendation | null = null;
  let last: ListItem | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (NOISE.test(text)) continue;
    const heading = addresseeOf(text);
    if (heading !== null) {
      // Each addressee's list may start afresh, in any style.
      addressee = heading;
      current = null;
      last = null;
      continue;
    }
    const item = listItem(text);
    if (item && continues(last, item)) {
      current = { number: item.number, addressee, text: item.text };
      items.push(current);
      last = item;
      continue;
    }
    // A numbered line that breaks the list's sequence or style ("4. Background" after "(5)") ends it.
    if (item && items.length > 0) break;
    if (line.heading) break;
    // A wrapped line, or a page that starts with the rest of an item, carries on the current one.
    if (current && (!line.paragraph || /^[a-z(]/.test(text) || current.text === '')) {
      current.text = current.text === '' ? text : `${current.text} ${text}`;
      continue;
    }
    if (items.length > 0 || i - start > MAX_INTRO_LINES) break;
  }
  const found = items.map((it) => ({ ...it, text: tidy(it.text) })).filter((it) => it.text !== '');
  // Unnumbered (bulleted) lists are numbered in order, as the plan numbers its rows.
  if (found.length > 0 && found.every((it) => it.number === null)) found.forEach((it, k) => (it.number = String(k + 1)));
  return found;
}

/**
 * The recommendations of an inspection report, found by meaning: the first section whose heading names
 * recommendations and which goes on to list them, each under the latest "<addressee> should:" heading.
 */
export function findRecommendations(lines: readonly ReportLine[]): ReportRecommendation[] {
  for (let i = 0; i < lines.length; i++) {
    if (!opensSection(lines[i]!)) continue;
    const items = readSection(lines, i);
    if (items.length > 0) return items;
  }
  return [];
}
