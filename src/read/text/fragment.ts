import type { Location } from '../../model/plan.js';
import type { Piece } from '../source-row.js';
import { decodeEntities } from './entities.js';

const BLOCK = /<(p|li|h[1-6]|div|td|th)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi;
const BULLET_SPLIT = /\s*(?:^|\s)[•●▪◦‣➢➤►✓✔\uF0A7\uF0B7]\s+/u;

/** Plain text of an inline fragment: tags dropped, markdown emphasis dropped, entities decoded, spaces collapsed. */
export function plainText(html: string): string {
  return decodeEntities(
    html
      .replace(/<\/?(?:su[pb]|i|b|u|em|strong|span|a|font|small|mark|s)\b[^>]*>/gi, '')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\*\*|__/g, ''),
  )
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Split untagged text at bullet glyphs: the text before the first bullet, then one list item per bullet. */
function bulletPieces(text: string, location: Location, kind: Piece['kind']): Piece[] {
  const parts = text.split(BULLET_SPLIT);
  if (parts.length === 1) return [{ text, kind: /^[-–]\s/.test(text) ? 'li' : kind, location }];
  return parts
    .map((t, i) => ({ text: t.trim(), kind: (i === 0 ? kind : 'li') as Piece['kind'], location }))
    .filter((p) => p.text !== '');
}

/**
 * Cut one cell of a text export into pieces: one per `<p>` or `<li>`, untagged text between them as plain
 * pieces, and untagged bullet lists ("• one • two") as list items.
 */
export function cellPieces(html: string, location: Location): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  const outside = (chunk: string): void => {
    const text = plainText(chunk);
    if (text !== '') pieces.push(...bulletPieces(text, location, 'plain'));
  };
  for (const m of html.matchAll(BLOCK)) {
    outside(html.slice(last, m.index));
    last = (m.index ?? 0) + m[0].length;
    const text = plainText(m[2]!);
    if (text === '') continue;
    const kind: Piece['kind'] = m[1]!.toLowerCase() === 'li' ? 'li' : 'p';
    pieces.push(...bulletPieces(text, location, kind));
  }
  outside(html.slice(last));
  return pieces;
}
