import type { Due } from '../model/plan.js';
import { remembered } from '../util/remembered.js';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';

/** 30th May 2019, 30 May 19 */
const DAY_MONTH_YEAR = new RegExp(`\\b${ORDINAL}\\s*(?:of\\s+)?${MONTH_NAME}\\.?,?\\s+(\\d{4}|\\d{2})\\b`, 'g');
/** May 30th, 2019 */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_NAME}\\.?\\s+${ORDINAL},?\\s+(\\d{4})\\b`, 'g');
/** May 2019, Sept 22, Mar-20, June '22 */
const MONTH_YEAR = new RegExp(`\\b${MONTH_NAME}\\.?[\\s,'’-]*(\\d{4}|\\d{2})\\b(?![/.-]\\d)`, 'g');

const pad = (n: number): string => String(n).padStart(2, '0');

function year(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

function isoDay(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > last ? null : `${y}-${pad(m)}-${pad(d)}`;
}

/** One date found in free text, with where it sits so that several can be ordered. */
interface Found {
  iso: string;
  index: number;
}

/** Every date a target-date cell states, full days and months alike, in the order written. */
export function findDates(input: string): readonly Found[] {
  // Every pattern below needs a digit.
  if (!/\d/.test(input)) return [];
  return rememberedDates(input);
}

/**
 * Texts whose dates were found already: a cell's text is asked again as its paragraphs are read, on the second
 * reading of a page and when the model is built.
 */
const rememberedDates = remembered((input): readonly Found[] => datesIn(input), 1000);

function datesIn(input: string): Found[] {
  const text = input.toLowerCase().replace(/<\/?su[pb]>/g, '').replace(/<[^<>]*>/g, ' ');
  const found: Found[] = [];
  const taken = new Uint8Array(text.length);
  const add = (iso: string | null, m: RegExpMatchArray): void => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!iso || taken.subarray(start, end).includes(1)) return;
    taken.fill(1, start, end);
    found.push({ iso, index: start });
  };
  // matchAll works on a copy of each pattern, so the shared ones keep no state between calls.
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    add(isoDay(year(m[3]!), MONTHS[m[2]!]!, Number(m[1])), m);
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    add(isoDay(year(m[3]!), MONTHS[m[1]!]!, Number(m[2])), m);
  }
  // 2019-05-30
  for (const m of text.matchAll(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g)) add(isoDay(Number(m[1]), Number(m[2]), Number(m[3])), m);
  // 30/05/2019, 30.05.19, 30-05-2019 (day first, as in the UK)
  for (const m of text.matchAll(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g)) {
    add(isoDay(year(m[3]!), Number(m[2]), Number(m[1])), m);
  }
  // Quarter 3 2019/20, Q3 2019-20: the financial year starts in April; the date is the quarter's last month
  for (const m of text.matchAll(/\b(?:q|quarter\s*)([1-4])\s*(?:of\s+)?(?:fy\s*)?(\d{4})\s*[/-]\s*(\d{2,4})\b/g)) {
    const q = Number(m[1]);
    const start = Number(m[2]);
    const endMonth = [6, 9, 12, 3][q - 1]!;
    add(`${q === 4 ? start + 1 : start}-${pad(endMonth)}`, m);
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    add(`${year(m[2]!)}-${pad(MONTHS[m[1]!]!)}`, m);
  }
  // 05/2019
  for (const m of text.matchAll(/\b(\d{1,2})\/(\d{4})\b/g)) {
    const mm = Number(m[1]);
    if (mm >= 1 && mm <= 12) add(`${m[2]}-${pad(mm)}`, m);
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A plan-header date ("30th May 2019", "28/02/2020", "27<sup>th</sup> June 2022.") as YYYY-MM-DD, or null. */
export function parsePlanDate(text: string): string | null {
  const hit = findDates(text).find((d) => d.iso.length === 10);
  return hit ? hit.iso : null;
}

const COMPLETE = /\bcomplet(e|ed|ion achieved)\b|\bachieved\b|\bdone\b|\bclosed\b/i;
const ONGOING = /\bon-?\s?going\b|\bcontinuous(ly)?\b|\bin place\b|\bbusiness as usual\b|\bbau\b/i;

/** True for a target-date cell that says there is no date: empty, dashes or dots, "N/A". The model holds none for it. */
export function statesNoDate(raw: string): boolean {
  const text = raw.trim();
  return /^[-–—\s.]*$/.test(text) || /^n\/?a$/i.test(text);
}

/**
 * Parse a target-date cell. The date is the latest one the cell states (the point by which the action is
 * due), so "Completed (and April 2024)" is complete with 2024-04, and "May 2019 and ongoing" is planned.
 */
export function parseDue(raw: string): Due | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (statesNoDate(text)) return null;
  const dates = findDates(text);
  const latest = dates.map((d) => d.iso).sort().at(-1) ?? null;
  let status: Due['status'];
  if (COMPLETE.test(text) && !/\bto be completed\b|\bcompletion by\b|\bfor completion\b/i.test(text)) status = 'complete';
  else if (latest) status = 'planned';
  else if (ONGOING.test(text)) status = 'ongoing';
  else status = 'unknown';
  return { raw: text, date: latest, status };
}
