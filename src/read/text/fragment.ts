import type { Location } from '../../model/plan.js';
import type { Piece } from '../source-row.js';
import { decodeEntities } from './entities.js';

/** Opening and closing tags of the blocks a cell is cut at; `[^<>]` keeps each try short on a run of "<". */
const BLOCK_TAG = /<(p|li|h[1-6]|div|td|th)\b[^<>]*>|<\/(p|li|h[1-6]|div|td|th)\s*>/gi;
const BULLET_SPLIT = /\s*(?:^|\s)[•●▪◦‣➢➤►✓✔\uF0A7\uF0B7]\s+/u;

/** Plain text of an inline fragment: tags dropped, markdown emphasis dropped, entities decoded, spaces collapsed. */
export function plainText(html: string): string {
  return decodeEntities(
    html
      .replace(/<\/?(?:su[pb]|i|b|u|em|strong|span|a|font|small|mark|s)\b[^<>]*>/gi, '')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^<>]*>/g, ' ')
      .replace(/\*\*|__/g, ''),
  )
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Split untagged text at bullet glyphs: the text before the first bullet, then one list item per bullet. */
function bulletPieces(text: string, location: Location, kind: Piece['kind'], into: Piece[]): void {
  const parts = text.split(BULLET_SPLIT);
  if (parts.length === 1) {
    into.push({ text, kind: /^[-–]\s/.test(text) ? 'li' : kind, location });
    return;
  }
  parts.forEach((t, i) => {
    const trimmed = t.trim();
    if (trimmed !== '') into.push({ text: trimmed, kind: i === 0 ? kind : 'li', location });
  });
}

interface Tag {
  start: number;
  end: number;
  name: string;
  closing: boolean;
}

/**
 * Cut one cell of a text export into pieces: one per `<p>` or `<li>`, untagged text between them as plain
 * pieces, untagged bullet lists ("• one • two") as list items, and an empty `<p>` as a blank slot. A
 * block runs from its opening tag to the next closing tag of the same name; an opening tag that is never
 * closed is read as part of the text around it. The tags are found in one pass, so a cell of unclosed tags costs no more than a well-formed one.
 */
export function cellPieces(html: string, location: Location): Piece[] {
  const tags: Tag[] = [];
  const closes = new Map<string, number[]>();
  for (const m of html.matchAll(BLOCK_TAG)) {
    const closing = m[2] !== undefined;
    const name = (m[1] ?? m[2]!).toLowerCase();
    const tag = { start: m.index, end: m.index + m[0].length, name, closing };
    tags.push(tag);
    if (!closing) continue;
    const list = closes.get(name) ?? [];
    list.push(tags.length - 1);
    closes.set(name, list);
  }
  const nextClose = new Map<string, number>();
  const pieces: Piece[] = [];
  const outside = (chunk: string): void => {
    const text = plainText(chunk);
    if (text !== '') bulletPieces(text, location, 'plain', pieces);
  };
  let last = 0;
  for (const tag of tags) {
    if (tag.closing || tag.start < last) continue;
    // The first closing tag of this name after the opening one; the pointers only move forward.
    const list = closes.get(tag.name) ?? [];
    let k = nextClose.get(tag.name) ?? 0;
    while (k < list.length && tags[list[k]!]!.start < tag.end) k++;
    nextClose.set(tag.name, k);
    const close = k < list.length ? tags[list[k]!]! : undefined;
    if (!close) continue;
    outside(html.slice(last, tag.start));
    last = close.end;
    const text = plainText(html.slice(tag.end, close.start));
    if (text !== '') bulletPieces(text, location, tag.name === 'li' ? 'li' : 'p', pieces);
    else if (tag.name === 'p' || tag.name === 'li') pieces.push({ text: '', kind: 'blank', location });
  }
  outside(html.slice(last));
  return pieces;
}
