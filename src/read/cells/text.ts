/** Text helpers shared by the readers and the table-to-model step: normalising, joining split pieces, sentence ends. */
import type { Piece } from '../source-row.js';

const BULLET = /^\s*(?:[•●▪◦‣∙·○■□➢➤►▶✓✔\uF0A7\uF0B7\uF076\uF0D8]|-(?=\s)|–(?=\s)|\*(?=\s)|o(?=\s+[a-z]))\s*/u;
/** A bullet glyph in the middle of a line: a list typed into one paragraph ("… including: • one • two"). */
const INNER_BULLET = /\s+[•●▪◦‣➢➤►✓✔\uF0A7\uF0B7]\s+/u;

/** The text before the first bullet typed inside a paragraph, then each bulleted item, glyphs removed. */
export function splitInnerBullets(text: string): string[] {
  return text.split(INNER_BULLET).map((t) => t.trim()).filter((t) => t !== '');
}

/**
 * A number typed before a list item: "1.", "2)", "(3)", "1.2.", "a)", "(iv)", or "1.2" before a capital
 * (so that "1.5 posts will be funded" keeps its number).
 */
const ITEM_NUMBER = /^\s*\(?(?:(?:\d{1,2}(?:\.\d{1,2})?[.)]|[a-h][.)]|[ivx]{1,4}[.)])\s+(?=[A-Za-z])|\d{1,2}\.\d{1,2}\s+(?=[A-Z]))/;

/**
 * A response piece as the assembler reads it: without its bullet glyph, and a paragraph that opens with a
 * typed list number ("1. Renew the contract.") is a list item without it, as a Word or HTML numbered list is.
 */
export function asListed<P extends { text: string; kind: string }>(piece: P): P {
  const number = ITEM_NUMBER.exec(piece.text);
  if (number) return { ...piece, text: collapse(piece.text.slice(number[0].length)), kind: 'li' };
  return { ...piece, text: stripBullet(piece.text) || piece.text };
}

/** An owner without the number a numbered list drew before it ("1. Head of PDU" in a PDF of an `<ol>`). */
export function withoutItemNumber(text: string): string {
  const number = ITEM_NUMBER.exec(text);
  return number ? collapse(text.slice(number[0].length)) : text;
}

/** Collapse whitespace and trim. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Remove a leading bullet glyph or dash bullet ("- Essex North PDU will …"). */
export function stripBullet(text: string): string {
  return collapse(text.replace(BULLET, ''));
}

/**
 * True when a piece of text ends a sentence or a heading, so that what follows can start afresh. A
 * trailing colon counts as an end: it announces a list.
 */
export function isTerminated(text: string): boolean {
  return /[.!?;:…]["'’”)\]]*\s*$/.test(text.trim());
}

/** True when the text begins the way the rest of a split sentence does: a lower-case word or a closing mark. */
export function startsLikeContinuation(text: string): boolean {
  return /^\s*(?:[a-z]|[,;:)\]]|&)/.test(text);
}

/** Join two parts of one split piece: a word broken at a hyphen joins without a space. */
export function joinSplit(before: string, after: string): string {
  const a = before.trimEnd();
  const b = after.trimStart();
  if (/[A-Za-z]-$/.test(a) && /^[A-Za-z]/.test(b)) return a + b;
  return collapse(`${a} ${b}`);
}

/** Shorten a quotation for a message. */
export function quote(text: string, max = 60): string {
  const t = collapse(text);
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** True for text that leads into the list after it: it ends on a colon ("The PDU will:"). */
export const leadsIn = (text: string): boolean => /:\s*$/.test(text);

/** How the first piece of a row relates to the piece it follows in the same column. */
export type Flow = 'joins' | 'new' | 'broken';

/**
 * Decide whether `next` carries on `prev` (a cell split by a page break or a wrapped line), starts a new
 * paragraph, or breaks the flow: a sentence cut off mid-way that the next page does not finish, or a
 * lower-case fragment after a finished sentence that is no list item — signs that a page is missing.
 */
export function flowBetween(prev: string, next: Piece): Flow {
  const lower = startsLikeContinuation(next.text);
  if (leadsIn(prev)) return next.kind === 'li' ? 'new' : 'joins';
  // A list item that starts in lower case finishes the sentence cut off (a reader may take the rest of an item for a new one).
  if (!isTerminated(prev)) return next.kind === 'li' && !lower ? 'broken' : 'joins';
  // Items of a list may start in lower case ("offer …;" then "hold …").
  if (next.kind === 'li') return 'new';
  return lower ? 'broken' : 'new';
}
