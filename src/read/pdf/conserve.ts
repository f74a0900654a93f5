import type { Diagnostic, PlanDocument } from '../../model/plan.js';
import { remembered } from '../../util/remembered.js';
import { statesNoDate } from '../dates.js';
import { fragments, type Line } from './items.js';

/** The text of the table's area on one page: what pdfjs drew there, below the header, furniture removed. */
export interface AreaText {
  page: number;
  lines: readonly Line[];
}

const ASCII = /^[\x00-\x7f]*$/;

/** A word as compared: case folded, everything but letters and digits taken out ("Manage-" → "manage"). */
const normalise = remembered(
  // ASCII, which most words are, is its own NFKC form, and its only letters and digits are a-z and 0-9: the same, cheaper.
  (word) => (ASCII.test(word) ? word.toLowerCase().replace(/[^a-z0-9]/g, '') : word.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')),
  5000,
);

interface Token {
  page: number;
  word: string;
  /** The word as drawn, for the message. */
  raw: string;
  /** True when the word ends its cell's line in a hyphen after a letter: the first half of a word broken at a line end? */
  broken: boolean;
  /** True for the first word of a cell's line, which may be the second half of such a word. */
  opens: boolean;
  /** The line (counted over the whole area) and the horizontal extent of the cell's line the word is in. */
  line: number;
  x: number;
  right: number;
  found: boolean;
}

/** A list item's number as a numbered list draws it: "1.", "2)", "(iv)", "1.2". */
const LIST_NUMBER = /^\(?(?:\d{1,2}(?:\.\d{1,2})?[.)]|\d{1,2}\.\d{1,2}|[a-h][.)]|[ivx]{1,4}[.)])$/;

/** The words of the area, cell line by cell line (a page's line cut at the gaps between cells). */
function tokensOf(area: readonly AreaText[]): Token[] {
  const tokens: Token[] = [];
  let n = 0;
  for (const { page, lines } of area) {
    for (const line of lines) {
      n++;
      const frags = fragments(line);
      frags.forEach((frag, f) => {
        // A cell line that only says there is no date ("N/A") is read, as no date: the model holds nothing for it.
        if (statesNoDate(frag.text)) return;
        const raws = frag.text.trim().split(/\s+/);
        // A list's number set apart from its item's text ("1." … "Review the …") is its label too.
        if (raws.length === 1 && LIST_NUMBER.test(raws[0]!) && /^\p{L}/u.test(frags[f + 1]?.text.trim() ?? '')) return;
        raws.forEach((raw, k) => {
          const word = normalise(raw);
          // The "o" Word sets before a second-level bullet's text is its label, not a word of it; so is the
          // number a numbered list sets (or a drafter types) before an item, which the model leaves out.
          if (word === '' || (k === 0 && raw === 'o' && /^[a-z]/.test(raws[1] ?? ''))) return;
          if (k === 0 && LIST_NUMBER.test(raw) && /^\p{L}/u.test(raws[1] ?? '')) return;
          const broken = k === raws.length - 1 && /\p{L}[-‐‑]$/u.test(raw);
          tokens.push({ page, word, raw, broken, opens: k === 0, line: n, x: frag.x, right: frag.right, found: false });
        });
      });
    }
  }
  return tokens;
}

/** How many lines down the rest of a broken word may be: lines of other cells can come between. */
const NEAR = 6;

/**
 * The first word of the cell line under a broken word's: its second half, if it was broken at the line end.
 * At the foot of a page, the rest is on the next.
 */
function secondHalf(tokens: readonly Token[], i: number): Token | undefined {
  const t = tokens[i]!;
  for (let j = i + 1; j < tokens.length; j++) {
    const u = tokens[j]!;
    // Cells centred in their rows may set the rest well down the next page: there, the first below the word.
    const near = u.page === t.page ? u.line - t.line <= NEAR : u.page === t.page + 1;
    if (!near) {
      if (u.page > t.page) return undefined;
      continue;
    }
    if (u.opens && u.line > t.line && u.x < t.right && u.right > t.x) return u;
  }
  return undefined;
}

function add(counts: Map<string, number>, text: string | null | undefined): void {
  if (!text) return;
  for (const raw of text.split(/\s+/)) {
    const word = normalise(raw);
    if (word !== '') counts.set(word, (counts.get(word) ?? 0) + 1);
  }
}

/**
 * Every word the model holds, counted: the recommendations' numbers, references, addressees, texts,
 * agreements and responses (or their actions' texts, where those hold a word more often), the actions'
 * owners and dates as written; the text the reader consumed that the model does not hold word for word (heading
 * rows, rec-number cells); and the words a diagnostic names (`data.words`) as left out on purpose.
 */
function modelWords(doc: PlanDocument, consumed: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rec of doc.recommendations) {
    add(counts, rec.number);
    for (const ref of rec.refs) add(counts, ref);
    add(counts, rec.addressee);
    add(counts, rec.text);
    add(counts, rec.agreementRaw);
    // The response holds its actions' text: counted twice, a word lost beside it could hide behind the copy.
    const response = new Map<string, number>();
    const actions = new Map<string, number>();
    add(response, rec.response);
    for (const action of rec.actions) {
      add(actions, action.text);
      add(counts, action.owner);
      add(counts, action.due?.raw);
    }
    for (const [word, n] of actions) response.set(word, Math.max(n, response.get(word) ?? 0));
    for (const [word, n] of response) counts.set(word, (counts.get(word) ?? 0) + n);
  }
  for (const text of consumed) add(counts, text);
  for (const diag of doc.diagnostics) {
    const words = diag.data?.['words'];
    if (Array.isArray(words)) for (const w of words) if (typeof w === 'string') add(counts, w);
  }
  return counts;
}

function take(counts: Map<string, number>, word: string): boolean {
  const n = counts.get(word) ?? 0;
  if (n === 0) return false;
  counts.set(word, n - 1);
  return true;
}

/** Find each token's word in the model's counts, taking them in `order`, then words broken at a line end whole. */
function match(tokens: readonly Token[], counts: Map<string, number>, order: readonly Token[]): void {
  // A word broken at a hyphen ("three-" / "month") that the model holds whole is taken whole first: found apart,
  // its halves would take the counts of the same words elsewhere on the page, which would then seem lost.
  tokens.forEach((t, i) => {
    const next = t.broken ? secondHalf(tokens, i) : undefined;
    if (next && !next.found && take(counts, t.word + next.word)) t.found = next.found = true;
  });
  for (const t of order) if (!t.found) t.found = take(counts, t.word);
  // A word broken at a line end is one word in the model: where the halves are not found apart, find them whole. A
  // word too long for its column is broken with no hyphen ("Septembe" / "r 2027"): any word not found is asked so,
  // since words found apart (digits, "2" / "5") are taken to be apart.
  let refunded = false;
  tokens.forEach((t, i) => {
    const next = t.broken || !t.found ? secondHalf(tokens, i) : undefined;
    if (!next || (t.found && next.found) || !take(counts, t.word + next.word)) return;
    for (const half of [t, next]) {
      if (half.found) counts.set(half.word, (counts.get(half.word) ?? 0) + 1);
      half.found = true;
    }
    refunded = true;
  });
  if (refunded) for (const t of order) if (!t.found) t.found = take(counts, t.word);
}

/**
 * The conservation check: every word drawn in the table's area must be found in the model, as many times
 * as it was drawn. Words are compared as a multiset (case and punctuation aside), so the check costs one
 * pass over the words; a word broken at a line end ("manage-" / "ment") may be found whole. Returns one
 * `text-lost` diagnostic per page with words that are nowhere in the model. `consumed` is the text the reader read
 * that the model does not hold word for word: the heading rows (the model keeps the addressee they name) and the
 * rec-number cells (it keeps the number and references, not "Rec" or "R" before them, nor a number it could not read).
 */
export function lostText(area: readonly AreaText[], doc: PlanDocument, consumed: readonly string[]): Diagnostic[] {
  const words = modelWords(doc, consumed);
  const tokens = tokensOf(area);
  match(tokens, new Map(words), tokens);
  if (tokens.some((t) => !t.found)) {
    // A word is found wherever it is first met, so a common word ("by") of a cell that was not read may be
    // found while the same word elsewhere is not. Met again, cells with nothing lost come first: the blame
    // falls on the cells that lost their other words.
    const share = new Map<string, { lost: number; all: number }>();
    const cell = (t: Token): string => `${t.line}:${Math.round(t.x)}`;
    for (const t of tokens) {
      const c = share.get(cell(t)) ?? { lost: 0, all: 0 };
      c.all++;
      if (!t.found) c.lost++;
      share.set(cell(t), c);
    }
    const ratio = (t: Token): number => share.get(cell(t))!.lost / share.get(cell(t))!.all;
    const order = [...tokens].sort((a, b) => ratio(a) - ratio(b));
    for (const t of tokens) t.found = false;
    match(tokens, new Map(words), order);
  }
  const lost = new Map<number, string[]>();
  // Quoted cell by cell (the words of one column's lines together), not line by line across the page.
  const missing = tokens.filter((t) => !t.found).sort((a, b) => a.page - b.page || Math.round(a.x) - Math.round(b.x) || a.line - b.line);
  for (const t of missing) {
    const list = lost.get(t.page);
    if (list) list.push(t.raw);
    else lost.set(t.page, [t.raw]);
  }
  return [...lost].map(([page, words]) => ({
    code: 'text-lost',
    message: `page ${page}: ${words.length === 1 ? 'a word' : `${words.length} words`} of the table not found in the model: '${quoteWords(words)}'`,
    location: { page },
    data: { page, words },
  }));
}

/** The lost words for the message, cut after about 80 characters. */
function quoteWords(words: readonly string[]): string {
  const text = words.join(' ');
  return text.length <= 80 ? text : `${text.slice(0, 79).trimEnd()}…`;
}
