import { inlineAddressee } from '../headings.js';
import { isHeading, type HeadingRow, type Piece, type SourceRow } from '../source-row.js';
import { parseAgreement } from './agreement.js';
import { currentSegment, lastAction, newAction, newRec, type RecDraft } from './drafts.js';
import { parseNumberCell } from './numbers.js';
import type { Segment } from './pairing.js';
import { collapse, isTerminated, joinSplit, quote, startsLikeContinuation, stripBullet } from './text.js';

const cellText = (pieces: Piece[] | undefined): string => collapse((pieces ?? []).map((p) => p.text).join(' '));
const nonEmpty = (pieces: Piece[] | undefined): Piece[] =>
  (pieces ?? []).map((p) => ({ ...p, text: collapse(p.text) })).filter((p) => p.text !== '');

/** How the first piece of a row relates to the piece it follows in the same column. */
type Flow = 'joins' | 'new' | 'broken';

/**
 * Decide whether `next` carries on `prev` (a cell split by a page break or a wrapped line), starts a new
 * paragraph, or breaks the flow: a sentence cut off mid-way that the next page does not finish, or a
 * lower-case fragment after a finished sentence — signs that a page is missing.
 */
export function flowBetween(prev: string, next: Piece): Flow {
  const lower = startsLikeContinuation(next.text);
  if (/:\s*$/.test(prev)) return next.kind === 'li' ? 'new' : 'joins';
  if (!isTerminated(prev)) return next.kind === 'li' ? 'broken' : 'joins';
  return lower ? 'broken' : 'new';
}

/** Builds recommendation drafts from table rows, one row at a time. */
export class RecBuilder {
  readonly recs: RecDraft[] = [];
  private addressee: string | null = null;
  private rows: Array<SourceRow | HeadingRow> = [];

  /** Feed every row of the table. */
  build(rows: Array<SourceRow | HeadingRow>): RecDraft[] {
    this.rows = rows;
    rows.forEach((row, i) => (isHeading(row) ? (this.addressee = row.heading) : this.addRow(row, i)));
    return this.recs;
  }

  private get current(): RecDraft | null {
    return this.recs.at(-1) ?? null;
  }

  private addRow(row: SourceRow, index: number): void {
    const c = row.cells;
    const numberText = cellText(c.number);
    const rec = nonEmpty(c.recommendation);
    const agreement = cellText(c.agreement);
    const resp = nonEmpty(c.response).map((p) => ({ ...p, text: stripBullet(p.text) || p.text }));
    const owners = nonEmpty(c.owner);
    const dues = nonEmpty(c.due);
    const rest = rec.length + agreement.length + resp.length + owners.length + dues.length;
    if (rest === 0) {
      if (numberText !== '') this.diagnose(row, 'stray-cell', `stray cell '${quote(numberText)}' with nothing beside it ignored`);
      return;
    }
    const startsRec = this.startsRec(row, index, numberText, rec, agreement);
    if (startsRec) return this.startRec(row, numberText, rec, agreement, resp, owners, dues);
    let target = this.current;
    if (!target) {
      target = this.startFragment(row, null, 'rows before the first numbered recommendation have no number or recommendation text (a page may be missing)');
    }
    if (rec.length > 0) this.appendText(target, rec);
    if (agreement !== '' && target.agreementRaw === null) target.agreementRaw = agreement;
    this.continueResponse(target, row, resp, owners, dues);
  }

  private startsRec(row: SourceRow, index: number, numberText: string, rec: Piece[], agreement: string): boolean {
    const current = this.current;
    const parsed = parseNumberCell(numberText);
    if (parsed.number !== null) {
      if (rec.length > 0) return true;
      if (current && parsed.number === current.number) return false;
      const next = this.nextNumber(index);
      if (current && next === parsed.number) {
        this.diagnose(row, 'number-repeated', `row numbered '${numberText}' has no recommendation text and the next row carries the same number: merged into the recommendation before it`);
        return false;
      }
      return true;
    }
    if (numberText !== '' && (rec.length > 0 || parseAgreement(agreement))) return true;
    if (rec.length === 0 || !parseAgreement(agreement)) return false;
    if (!row.afterBreak || !current) return true;
    // After a page break an agreement cell may be repeated beside the rest of the rec text.
    return isTerminated(collapse(current.textPieces.map((p) => p.text).join(' '))) && /^[A-Z]/.test(rec[0]!.text);
  }

  private nextNumber(index: number): string | null {
    for (const row of this.rows.slice(index + 1)) {
      if (isHeading(row)) continue;
      const n = parseNumberCell(cellText(row.cells.number)).number;
      if (n !== null) return nonEmpty(row.cells.recommendation).length > 0 ? n : null;
    }
    return null;
  }

  private startRec(row: SourceRow, numberText: string, rec: Piece[], agreement: string, resp: Piece[], owners: Piece[], dues: Piece[]): void {
    const parsed = parseNumberCell(numberText);
    const text = collapse(rec.map((p) => p.text).join(' '));
    const draft = newRec({
      numberRaw: numberText,
      number: parsed.number,
      refs: parsed.refs,
      textPieces: rec,
      agreementRaw: agreement === '' ? null : agreement,
      addressee: inlineAddressee(text) ?? this.addressee,
      location: row.location,
    });
    this.recs.push(draft);
    this.newGroup(draft, resp, owners, dues);
  }

  private startFragment(row: SourceRow, orphanOf: RecDraft | null, why: string): RecDraft {
    const draft = newRec({ fragment: true, orphanOf, addressee: this.addressee, location: row.location });
    draft.diagnostics.push({ code: 'fragment', message: why, location: row.location });
    this.recs.push(draft);
    return draft;
  }

  private appendText(rec: RecDraft, pieces: Piece[]): void {
    const last = rec.textPieces.at(-1);
    if (last && pieces[0]) {
      rec.textPieces[rec.textPieces.length - 1] = { ...last, text: joinSplit(last.text, pieces[0].text) };
      for (const p of pieces.slice(1)) rec.textPieces.push(p);
    } else for (const p of pieces) rec.textPieces.push(p);
  }

  private continueResponse(rec: RecDraft, row: SourceRow, resp: Piece[], owners: Piece[], dues: Piece[]): void {
    const prev = lastAction(rec);
    const prevText = prev ? collapse(prev.pieces.map((p) => p.text).join(' ')) : null;
    if (resp.length === 0) {
      const seg = row.afterBreak && rec.groups.length > 0 ? this.newSegment(rec, null) : currentSegment(rec);
      for (const p of owners) seg.owners.push(p);
      for (const p of dues) seg.dues.push(p);
      return;
    }
    const flow = prev && prevText !== null ? flowBetween(prevText, resp[0]!) : 'new';
    if (flow === 'broken' && row.afterBreak) {
      const fragment = this.startFragment(row, rec, `text after a page break does not continue '${quote(prevText ?? '', 40)}' (a page may be missing)`);
      return this.newGroup(fragment, resp, owners, dues);
    }
    if (row.afterBreak) {
      const joins = flow === 'joins' ? prev : null;
      const seg = this.newSegment(rec, joins);
      this.fillSegment(rec, seg, joins ? resp.slice(1) : resp, owners, dues, joins ? resp[0]! : null);
      return;
    }
    if (flow === 'joins' && owners.length === 0 && dues.length === 0 && prev) {
      this.joinInto(rec, prev, resp[0]!);
      const seg = currentSegment(rec);
      this.fillSegment(rec, seg, resp.slice(1), [], [], null);
      return;
    }
    this.newGroup(rec, resp, owners, dues);
  }

  private newGroup(rec: RecDraft, resp: Piece[], owners: Piece[], dues: Piece[]): void {
    const seg: Segment = { tail: null, actions: [], owners: [], dues: [] };
    rec.groups.push([seg]);
    this.fillSegment(rec, seg, resp, owners, dues, null);
  }

  private newSegment(rec: RecDraft, tail: Segment['tail']): Segment {
    if (rec.groups.length === 0) rec.groups.push([]);
    const seg: Segment = { tail, actions: [], owners: [], dues: [] };
    rec.groups.at(-1)!.push(seg);
    return seg;
  }

  private fillSegment(rec: RecDraft, seg: Segment, resp: Piece[], owners: Piece[], dues: Piece[], joined: Piece | null): void {
    if (joined && seg.tail) this.joinInto(rec, seg.tail, joined);
    resp.forEach((piece, i) => {
      rec.responseParts.push(piece.text);
      // A lead-in such as "HMPPS will support the region by:" followed by list items is not an action itself.
      const leadIn = /:\s*$/.test(piece.text) && resp[i + 1]?.kind === 'li';
      if (!leadIn) seg.actions.push(newAction(piece));
    });
    for (const p of owners) seg.owners.push(p);
    for (const p of dues) seg.dues.push(p);
  }

  private joinInto(rec: RecDraft, action: Segment['actions'][number], piece: Piece): void {
    action.pieces.push(piece);
    const last = rec.responseParts.length - 1;
    if (last >= 0) rec.responseParts[last] = joinSplit(rec.responseParts[last]!, piece.text);
    else rec.responseParts.push(piece.text);
  }

  private diagnose(row: SourceRow, code: string, message: string): void {
    const target = this.current;
    if (target) target.diagnostics.push({ code, message, location: row.location });
    else this.orphanDiagnostics.push({ code, message, location: row.location });
  }

  /** Diagnostics met before any recommendation existed. */
  readonly orphanDiagnostics: RecDraft['diagnostics'] = [];
}
