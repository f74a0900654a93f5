import type { AnyNode } from 'domhandler';
import type { Location } from '../../model/plan.js';
import { splitInnerBullets } from '../cells/text.js';
import type { Piece } from '../source-row.js';
import { BLOCKS, walk } from './walk.js';

/**
 * A bullet typed as text at the start of a line: the usual glyphs, Symbol-font bullets as Word's "Save as
 * Web Page" writes them ("·", "o", "§" for the first three levels), and a dash or asterisk before a space.
 */
const LEADING_BULLET = /^(?:[•●▪◦‣∙○■□➢➤►▶✓✔·§\uF0A7\uF0B7\uF076\uF0D8]|[-–—*o](?=\s))\s*/u;

/** Collapse whitespace (no-break spaces included) and drop soft hyphens and zero-width characters. */
export function cleanText(text: string): string {
  return text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Add the pieces of one line of text: a leading bullet makes it a list item; inner bullets start further items. */
function linePieces(raw: string, kind: Piece['kind'], location: Location, into: Piece[]): void {
  let text = cleanText(raw);
  if (text === '') return;
  if (LEADING_BULLET.test(text)) {
    text = text.replace(LEADING_BULLET, '');
    kind = 'li';
  }
  splitInnerBullets(text).forEach((t, i) => into.push({ text: t, kind: i === 0 ? kind : 'li', location }));
}

/** Blocks that are a line of their own when empty: drafters press Enter to stand an owner beside its action. */
const PARAGRAPHS = new Set(['p', 'div', 'li']);

/**
 * Cut a cell into pieces: one per paragraph, list item or block, and one per line where `<br>` breaks a
 * block; text outside any block is `plain`; an empty paragraph is a `blank` piece, holding its place.
 * Nested tables are read as more blocks of the cell.
 */
export function cellPieces(cell: AnyNode, location: Location): Piece[] {
  const pieces: Piece[] = [];
  const kinds: Array<Piece['kind']> = ['plain'];
  /** How many pieces there were when each open block began: a paragraph that adds none is a blank slot. */
  const starts: number[] = [];
  let buffer = '';
  /** True just after a line break, until a block starts or ends. */
  let broke = false;
  const flush = (): void => {
    if (buffer !== '') linePieces(buffer, kinds.at(-1)!, location, pieces);
    buffer = '';
  };
  for (const step of walk(cell)) {
    if (step.kind === 'text') {
      buffer += step.text;
      continue;
    }
    const { el } = step;
    if (el.name === 'br') {
      if (step.kind !== 'enter') continue;
      // A line left empty between two breaks (Shift+Enter twice in Word) holds a place as a blank paragraph does.
      if (broke && buffer.trim() === '') pieces.push({ text: '', kind: 'blank', location });
      flush();
      broke = true;
      continue;
    }
    if (el === cell || !BLOCKS.has(el.name)) continue;
    flush();
    broke = false;
    if (step.kind === 'enter') {
      kinds.push(el.name === 'li' ? 'li' : el.name === 'ul' || el.name === 'ol' ? kinds.at(-1)! : 'p');
      starts.push(pieces.length);
    } else {
      kinds.pop();
      if (starts.pop() === pieces.length && PARAGRAPHS.has(el.name)) pieces.push({ text: '', kind: 'blank', location });
    }
  }
  flush();
  return pieces;
}

const texts = new WeakMap<AnyNode, string>();

/**
 * The whole text of a subtree on one line, blocks and line breaks read as spaces. Remembered per node, as
 * a cell merged down many rows is asked for its text on each of them.
 */
export function textOf(node: AnyNode): string {
  const known = texts.get(node);
  if (known !== undefined) return known;
  let out = '';
  for (const step of walk(node)) {
    if (step.kind === 'text') out += step.text;
    else if (step.el.name === 'br' || BLOCKS.has(step.el.name)) out += ' ';
  }
  const text = cleanText(out);
  texts.set(node, text);
  return text;
}
