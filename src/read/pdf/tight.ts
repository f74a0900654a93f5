import { chooseOwnerBoundaries } from '../cells/role-names.js';
import { collapse, flowBetween } from '../cells/text.js';
import type { Column, Piece } from '../source-row.js';
import type { Line } from './items.js';
import { firstWordWidth, joinLines, SENTENCE_END, type Layout, type Paragraph } from './paragraphs.js';
import type { Cells } from './subrows.js';

/** The columns that give one paragraph per action in a row: its response, owners and target dates. */
const COUNTED: readonly Column[] = ['response', 'owner', 'due'];

/** A line that ends on a comma, a dash or a joining word does not end its paragraph. */
export const JOINS_ON = /(?:[,&/(–-]|\b(?:and|or|of|for|the|a|an|to|in|on|at|by|with|from))$/i;

/** A place between two lines of one piece where a paragraph may end, and how plainly (room left minus what the next word needs). */
interface Seam {
  piece: Piece;
  at: number;
  score: number;
}

/**
 * Where paragraphs may part in a table row whose cells set their paragraphs with no space between them
 * (as python-docx writes a table, printed by LibreOffice): nothing on the page then marks a paragraph that
 * ends on a full line, nor one that ends short when the next one's first word would just have fitted. The
 * row's columns say how many there are: when the response, owners or dates of a row have more paragraphs
 * of their own than another of these columns, that column is cut, at the seams most like a paragraph end,
 * into as many. A seam is a line end followed by a capital or a digit, not on a comma or a joining word,
 * ranked by how much room the line left for the next one's first word. Columns with list items, or whose
 * lines are spaced anywhere (a document that spaces paragraphs marks them), are left as they are.
 * `lines` gives each piece's lines; `rights` each column's right edge.
 */
export function splitTightRow(parts: readonly Cells[], lines: ReadonlyMap<Piece, Paragraph>, layout: Layout, rights: ReadonlyMap<Column, number>): void {
  const pieces = (column: Column): Piece[] => parts.flatMap((part) => part[column] ?? []);
  const counted = COUNTED.filter((c) => pieces(c).length > 0 && pieces(c).every((p) => p.kind === 'p' && lines.get(p)?.text === p.text));
  if (counted.length < 2 || !counted.every((c) => tight(pieces(c), lines, layout))) return;
  const target = Math.max(...counted.map((c) => paragraphCount(parts, c)));
  // Target dates are told apart by what they say (paragraphs.ts): they are counted, never cut here. Owners are cut
  // first, so that the response may be cut where owners and dates both give one more than it has.
  for (const column of (['owner', 'response'] as const).filter((c) => counted.includes(c))) {
    const short = target - paragraphCount(parts, column);
    if (short <= 0) continue;
    const seams = pieces(column)
      .flatMap((piece) => seamsOf(piece, lines.get(piece)!.lines, rights.get(column)!))
      .sort((a, b) => b.score - a.score);
    // Seams where the next line's first word would have fitted at the end of the line before (so that line did
    // not wrap) are sure, and they must be just enough; or every seam is a paragraph's end when there are just
    // enough of them, among owners, or in a response whose owners and dates both give one per paragraph it should
    // hold (there, too, the seams after a full stop, when they are just enough); or else, among owners, the sure
    // ones and those the owners' wording clearly marks.
    const sure = seams.filter((s) => s.score >= 0);
    const agreed = column === 'owner' || COUNTED.every((c) => c === column || (counted.includes(c) && paragraphCount(parts, c) === target));
    const ended = seams.filter((s) => SENTENCE_END.test(lines.get(s.piece)!.lines[s.at - 1]!.text.trim()));
    const chosen =
      sure.length === short ? sure
      : agreed && seams.length === short ? seams
      : agreed && column === 'response' && ended.length === short ? ended
      : column === 'owner' && sure.length < short ? byWording(seams, sure, short, lines)
      : null;
    if (!chosen) continue;
    for (const part of parts) {
      const list = part[column];
      if (list) part[column] = list.flatMap((piece) => cut(piece, lines, chosen.filter((s) => s.piece === piece).map((s) => s.at)));
    }
  }
}

/** The sure seams and as many more as are missing, where the owners' wording clearly ends one and starts the next (role-names.ts). */
function byWording(seams: readonly Seam[], sure: readonly Seam[], short: number, source: ReadonlyMap<Piece, Paragraph>): Seam[] | null {
  const open = seams.filter((s) => !sure.includes(s));
  const text = (s: Seam, k: number): string => source.get(s.piece)!.lines[k]!.text;
  const more = chooseOwnerBoundaries(open.map((s) => ({ before: text(s, s.at - 1), after: text(s, s.at) })), short - sure.length);
  return more ? [...sure, ...more.map((i) => open[i]!)] : null;
}

/**
 * How many paragraphs a column of the row holds. A response piece that carries on, after a page break, the
 * one before it is not one more; owners and dates cut by a page break have been joined already.
 */
function paragraphCount(parts: readonly Cells[], column: Column): number {
  let count = 0;
  let last: Piece | undefined;
  for (const part of parts) {
    const pieces = part[column] ?? [];
    pieces.forEach((piece, i) => {
      if (!(column === 'response' && i === 0 && last && flowBetween(collapse(last.text), piece) !== 'new')) count++;
    });
    last = pieces.at(-1) ?? last;
  }
  return count;
}

/** True when no two lines of the column's pieces are further apart than the leading. */
function tight(pieces: readonly Piece[], lines: ReadonlyMap<Piece, Paragraph>, layout: Layout): boolean {
  const all = pieces.flatMap((p) => lines.get(p)!.lines);
  return all.every((l, i) => {
    const prev = all[i - 1];
    if (!prev || l.baseline < prev.baseline) return true;
    return l.baseline - prev.baseline <= layout.leading * prev.size + Math.max(2, 0.2 * prev.size);
  });
}

function seamsOf(piece: Piece, lines: readonly Line[], right: number): Seam[] {
  const out: Seam[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (!/^[A-Z0-9]/.test(b.text.trim()) || JOINS_ON.test(a.text.trim())) continue;
    // Room for a space and the next line's first word; it is measured against the furthest any line of the column
    // reaches, which the cell's edge may lie beyond, so a seam scored at 0 or more is a paragraph end.
    out.push({ piece, at: i, score: right - a.right - 0.25 * a.size - firstWordWidth(b) + 0.1 * a.size });
  }
  return out;
}

/**
 * A piece cut before each of the given lines, each new piece with its own lines and extent: on the page of its
 * first line, down to its last line on that page (a piece joined across a page break may be cut into one on each).
 */
export function cut(piece: Piece, source: ReadonlyMap<Piece, Paragraph>, at: readonly number[]): Piece[] {
  if (at.length === 0) return [piece];
  const paragraph = source.get(piece)!;
  const pageOf = (i: number): number => paragraph.pages?.[i] ?? piece.location.page!;
  const bounds = [0, ...[...at].sort((a, b) => a - b), paragraph.lines.length];
  return bounds.slice(1).map((end, k) => {
    const lines = paragraph.lines.slice(bounds[k]!, end);
    const page = pageOf(bounds[k]!);
    const [first, last] = [lines[0]!, lines.filter((_, i) => pageOf(bounds[k]! + i) === page).at(-1)!];
    const made: Piece = { ...piece, text: joinLines(lines.map((l) => l.text)), location: { ...piece.location, page }, top: first.baseline - first.size * 0.8, bottom: last.baseline + last.size * 0.2 };
    const pages = paragraph.pages?.slice(bounds[k]!, end);
    (source as Map<Piece, Paragraph>).set(made, { ...paragraph, text: made.text, top: made.top!, bottom: made.bottom!, first, last: lines.at(-1)!, lines, ...(pages ? { pages } : {}) });
    return made;
  });
}

/** The paragraph of a piece joined across a page break: the tail's lines, then the head's, each with its page. */
export function joinedParagraph(tail: Paragraph, head: Paragraph, tailPiece: Piece, headPiece: Piece): Paragraph {
  const pages = (p: Paragraph, piece: Piece): number[] => p.pages ?? p.lines.map(() => piece.location.page!);
  return { ...tail, text: tailPiece.text, last: head.last, lines: [...tail.lines, ...head.lines], pages: [...pages(tail, tailPiece), ...pages(head, headPiece)] };
}
