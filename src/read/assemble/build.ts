import { parseAgreement } from '../cells/agreement.js';
import { parseNumberCell } from '../cells/numbers.js';
import { asListed, collapse, flowBetween, isTerminated, joinSplit, leadsIn, quote, stripBullet, withoutItemNumber } from '../cells/text.js';
import { inlineAddressee } from '../headings.js';
import { isHeading, type HeadingRow, type Piece, type SourceRow } from '../source-row.js';
import { currentPart, newPart, newRec, type RecDraft } from './drafts.js';
import type { RowPart } from './row.js';

const cellText = (cell: Piece[] | undefined): string => collapse(filledOnly(cell).map((p) => p.text).join(' '));
/** The pieces of a cell with text, whitespace collapsed. */
const filledOnly = (cell: Piece[] | undefined): Piece[] => withBlanks(cell).filter((p) => p.kind !== 'blank');
/** The pieces of a cell, whitespace collapsed; a piece left with no text is a blank slot. */
const withBlanks = (cell: Piece[] | undefined): Piece[] =>
  (cell ?? []).map((p) => {
    const text = collapse(p.text);
    return { ...p, text, kind: text === '' ? 'blank' : p.kind === 'blank' ? 'p' : p.kind };
  });
const filledCount = (cell: readonly Piece[]): number => cell.filter((p) => p.kind !== 'blank').length;

/** A rec number opening a recommendation's text, as a table with no number column may give it: "1.", "2)", "R3:", "Rec 4 –". */
const NUMBER_IN_TEXT = /^((?:rec(?:ommendation)?\.?\s*|r\.?\s?)?\d{1,3})(?:[.):]|\s[-–])\s+(?=\S)/i;

/** Where a row goes: it starts a recommendation, or it is more of the open one (see RecBuilder.placeOf). */
type RowPlace = 'new-rec' | 'same-rec' | 'number-repeated';

/** Builds recommendation drafts from table rows, one row at a time. */
export class RecBuilder {
  readonly recs: RecDraft[] = [];
  private addressee: string | null = null;
  private rows: Array<SourceRow | HeadingRow> = [];
  /** True when some row has a rec number cell: the table has a number column. */
  private numbered = true;

  /** Feed every row of the table. */
  build(rows: Array<SourceRow | HeadingRow>): RecDraft[] {
    this.rows = rows;
    this.numbered = rows.some((row) => !isHeading(row) && filledOnly(row.cells.number).length > 0);
    rows.forEach((row, i) => (isHeading(row) ? (this.addressee = row.heading) : this.addRow(row, i)));
    return this.recs;
  }

  private get current(): RecDraft | null {
    return this.recs.at(-1) ?? null;
  }

  private addRow(row: SourceRow, index: number): void {
    const c = row.cells;
    let numberText = cellText(c.number);
    let rec = filledOnly(c.recommendation);
    const agreement = cellText(c.agreement);
    const resp = filledOnly(c.response).map(asListed);
    const owners = withBlanks(c.owner).map((p) => ({ ...p, text: stripBullet(withoutItemNumber(p.text)) || p.text }));
    const dues = withBlanks(c.due);
    const rest = rec.length + agreement.length + resp.length + filledCount(owners) + filledCount(dues);
    if (rest === 0) {
      if (numberText !== '') this.diagnose(row, 'stray-cell', `stray cell '${quote(numberText)}' with nothing beside it ignored`);
      return;
    }
    const place = this.placeOf(row, index, numberText, rec, agreement);
    if (place === 'new-rec') {
      // A table with no number column may number its recommendations in their text ("1. Solway PDU should …"). Only
      // a row that starts a recommendation anyway is read so: a list in a text cut by a page break stays text.
      const inText = this.numbered ? null : NUMBER_IN_TEXT.exec(rec[0]?.text ?? '');
      if (inText) {
        numberText = inText[1]!;
        rec = [{ ...rec[0]!, text: rec[0]!.text.slice(inText[0].length) }, ...rec.slice(1)];
      }
      return this.startRec(row, numberText, rec, agreement, resp, owners, dues);
    }
    if (place === 'number-repeated') {
      this.diagnose(row, 'number-repeated', `row numbered '${numberText}' has no recommendation text and the next row carries the same number: merged into the recommendation before it`);
    }
    let target = this.current;
    if (!target) {
      target = this.startFragment(row, null, 'rows before the first numbered recommendation have no number or recommendation text (a page may be missing)');
    }
    if (rec.length > 0) this.appendText(target, rec);
    if (agreement !== '' && target.agreementRaw === null) target.agreementRaw = agreement;
    // An agreement cut by a page break ("Partly" / "Agreed") is one.
    else if (agreement !== '' && parseAgreement(target.agreementRaw!) === null && parseAgreement(`${target.agreementRaw} ${agreement}`) !== null) target.agreementRaw = `${target.agreementRaw} ${agreement}`;
    this.continueResponse(target, row, resp, owners, dues);
  }

  /**
   * Whether a row starts a new recommendation or belongs to the open one; 'number-repeated' is a row that
   * belongs to the open one although it has a number: it has no recommendation text and the next row
   * carries the same number, so the number was repeated beside more of the open recommendation.
   */
  private placeOf(row: SourceRow, index: number, numberText: string, rec: Piece[], agreement: string): RowPlace {
    const current = this.current;
    const parsed = parseNumberCell(numberText);
    if (parsed.number !== null) {
      if (rec.length > 0) return 'new-rec';
      if (current && parsed.number === current.number) return 'same-rec';
      if (current && this.nextNumber(index) === parsed.number) return 'number-repeated';
      return 'new-rec';
    }
    if (numberText !== '' && (rec.length > 0 || parseAgreement(agreement))) return 'new-rec';
    if (rec.length === 0 || !parseAgreement(agreement)) return 'same-rec';
    if (!row.afterBreak || !current) return 'new-rec';
    // After a page break an agreement cell may be repeated beside the rest of the rec text.
    return isTerminated(collapse(current.textPieces.map((p) => p.text).join(' '))) && /^[A-Z]/.test(rec[0]!.text) ? 'new-rec' : 'same-rec';
  }

  private nextNumber(index: number): string | null {
    for (const row of this.rows.slice(index + 1)) {
      if (isHeading(row)) continue;
      const n = parseNumberCell(cellText(row.cells.number)).number;
      if (n !== null) return filledOnly(row.cells.recommendation).length > 0 ? n : null;
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
    this.newRow(draft, resp, owners, dues);
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

  /**
   * A row with no rec number of its own: after a page break it is the next part of the open table row (its
   * first piece may finish a sentence cut off); otherwise a line that carries on a sentence, or holds only
   * bullets, with no owner or date of its own, is more of the open row, and anything else is a new table row
   * of the same recommendation.
   */
  private continueResponse(rec: RecDraft, row: SourceRow, resp: Piece[], owners: Piece[], dues: Piece[]): void {
    if (resp.length === 0) {
      const part = row.afterBreak && rec.rows.length > 0 ? this.newPart(rec, false) : currentPart(rec);
      part.owners.push(...owners);
      part.dues.push(...dues);
      return;
    }
    const flow = rec.lastText !== null ? flowBetween(rec.lastText, resp[0]!) : 'new';
    if (flow === 'broken' && row.afterBreak) {
      const fragment = this.startFragment(row, rec, `text after a page break does not continue '${quote(rec.lastText ?? '', 40)}' (a page may be missing)`);
      return this.newRow(fragment, resp, owners, dues);
    }
    const ownsNothing = filledCount(owners) === 0 && filledCount(dues) === 0;
    const carriesOn = (flow === 'joins' || (row.continues === true && flow === 'new')) && (row.afterBreak || ownsNothing);
    // Bullets on lines of their own are the list of the row above (a text export puts each line of a cell on a
    // line of its own) when they have no owner or date of their own, or carry on a list or its lead-in.
    const listOpen = leadsIn(rec.lastText ?? '') || rec.rows.at(-1)?.parts.at(-1)?.response.at(-1)?.kind === 'li';
    const moreOfList = resp.every((p) => p.kind === 'li') && (ownsNothing || listOpen);
    if (row.afterBreak || carriesOn || moreOfList) this.fill(rec, this.newPart(rec, carriesOn), resp, owners, dues);
    else this.newRow(rec, resp, owners, dues);
  }

  private newRow(rec: RecDraft, resp: Piece[], owners: Piece[], dues: Piece[]): void {
    const part = newPart();
    rec.rows.push({ parts: [part] });
    this.fill(rec, part, resp, owners, dues);
  }

  private newPart(rec: RecDraft, joins: boolean): RowPart {
    if (rec.rows.length === 0) rec.rows.push({ parts: [] });
    const part = newPart(joins && rec.lastText !== null);
    rec.rows.at(-1)!.parts.push(part);
    return part;
  }

  private fill(rec: RecDraft, part: RowPart, resp: Piece[], owners: Piece[], dues: Piece[]): void {
    resp.forEach((piece, i) => {
      part.response.push(piece);
      const joins = i === 0 && part.joins;
      if (joins && rec.responseParts.length > 0) {
        const last = rec.responseParts.length - 1;
        rec.responseParts[last] = joinSplit(rec.responseParts[last]!, piece.text);
      } else rec.responseParts.push(piece.text);
      rec.lastText = joins && rec.lastText !== null ? joinSplit(rec.lastText, piece.text) : piece.text;
    });
    part.owners.push(...owners);
    part.dues.push(...dues);
  }

  private diagnose(row: SourceRow, code: string, message: string): void {
    const target = this.current;
    if (target) target.diagnostics.push({ code, message, location: row.location });
    else this.orphanDiagnostics.push({ code, message, location: row.location });
  }

  /** Diagnostics met before any recommendation existed. */
  readonly orphanDiagnostics: RecDraft['diagnostics'] = [];
}
