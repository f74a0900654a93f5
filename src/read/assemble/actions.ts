import type { PairingData } from '../../model/diagnostic-data.js';
import type { Agreement, Location, Pairing, Reading, Strategy } from '../../model/plan.js';
import { plural } from '../../util/plural.js';
import { quote } from '../cells/text.js';
import type { Piece } from '../source-row.js';
import { readRow, type RowReading } from './choose.js';
import type { DraftDiagnostic } from './drafts.js';
import { afterStatement, headStatements } from './lead.js';
import type { Paired } from './pairing.js';
import { filled, slotsOf, unitsOf, type LogicalRow, type Unit } from './row.js';

/** An action as read: its units of text and the owner and date pieces paired with it. */
export interface ActionDraft {
  units: Unit[];
  owners: Piece[];
  dues: Piece[];
}

/** A recommendation's actions, how they were read, and what about the reading is worth recording. */
export interface RecActions {
  actions: ActionDraft[];
  reading: Reading;
  notes: DraftDiagnostic[];
}

/** Pairings from the most to the least certain; a recommendation reports the least certain of its rows'. */
const DOUBT: Pairing[] = ['none', 'one-to-one', 'by-position', 'shared', 'uneven'];
/** Cuts from the coarsest to the finest; a recommendation reports the finest its rows needed. */
const FINENESS: Strategy[] = ['no-actions', 'row-per-action', 'paragraph', 'paragraph-and-bullet'];

const most = <T>(order: readonly T[], values: readonly T[], fallback: T): T => values.reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a), fallback);

interface Prepared {
  row: LogicalRow;
  units: Unit[];
  /** The units with every paragraph apart, when taking some for the rest of the one before changed them. */
  apart: Unit[] | null;
  /** The units with each page break's paragraphs joined across it, when the row has a break between paragraphs. */
  across: Unit[] | null;
  owners: Piece[];
  dues: Piece[];
}

/**
 * Read the actions of one recommendation from its logical rows. Paragraphs at the head that state the
 * agreement or its reason are taken out first (unless nothing else could carry the owner beside them); a
 * Not Agreed response with no owner or date anywhere holds no action. Each row is then cut and paired on
 * the evidence of its own owners and dates (see readRow).
 */
export function readActions(rows: readonly LogicalRow[], agreement: Agreement | null): RecActions {
  const prepared: Prepared[] = rows.map((row) => {
    const units = unitsOf(row);
    const apart = unitsOf(row, false);
    const across = unitsOf(row, true, true);
    return {
      row,
      units,
      apart: apart.length === units.length ? null : apart,
      across: across.length === units.length ? null : across,
      owners: slotsOf(row, 'owners'),
      dues: slotsOf(row, 'dues'),
    };
  });
  const drawn = prepared.filter((p) => p.units.length > 0);
  const manyRows = drawn.length > 1;
  const given = prepared.some((p) => p.owners.some(filled) || p.dues.some(filled));
  const first = drawn[0];
  if (first) {
    first.units = withoutStatements(first, first.units, agreement, manyRows);
    if (first.apart) first.apart = withoutStatements(first, first.apart, agreement, manyRows);
    if (first.across) first.across = withoutStatements(first, first.across, agreement, manyRows);
  }
  if (agreement === 'not-agreed' && !given) for (const p of prepared) [p.units, p.apart, p.across] = [[], null, null];

  const actions: ActionDraft[] = [];
  const notes: DraftDiagnostic[] = [];
  const readings: RowReading[] = [];
  for (const p of prepared) {
    if (p.units.length === 0) {
      notes.push(...unplaced(p));
      continue;
    }
    const reading = readApart(p, manyRows);
    readings.push(reading);
    reading.cut.actions.forEach((units, i) => actions.push({ units, owners: reading.owners.given[i]!, dues: reading.dues.given[i]! }));
    const location = p.units[0]!.parts[0]!.location;
    for (const [slot, paired] of [['owner', reading.owners], ['due', reading.dues]] as const) {
      const note = mismatch(slot, paired, reading, location);
      if (note) notes.push(note);
    }
  }
  const strategy = actions.length === 0 ? 'no-actions' : most(FINENESS, readings.map((r) => r.cut.strategy), 'no-actions');
  const doubt = (which: 'owners' | 'dues'): Pairing => most(DOUBT, readings.map((r) => r[which].pairing), 'none');
  return { actions, reading: { strategy, owners: doubt('owners'), dates: doubt('dues') }, notes };
}

/**
 * Read a row, its paragraphs that carry on the sentence before them joined to it, unless the owners and dates
 * line up better with every paragraph apart (a drafter who ends no action with a full stop may start the next
 * in lower case, and the dates beside them then count them), or with the paragraphs on either side of a page
 * break joined (the break fell between two sentences of one paragraph, and the owners and dates count one
 * action fewer).
 */
function readApart(p: Prepared, manyRows: boolean): RowReading {
  let best = readRow(p.row, p.units, manyRows);
  for (const units of [p.apart, p.across]) {
    if (!units) continue;
    const other = readRow(p.row, units, manyRows);
    // Owners placed by position may leave an action with none: where the paragraphs joined across a break pair
    // as well, and leave fewer actions with no owner or date, the break fell inside one (the rest of a row cut by
    // the page is centred in what is left of it, so its owner stands level with no action in particular).
    if (other.score > best.score || (units === p.across && other.score === best.score && unpaired(other) < unpaired(best))) best = other;
  }
  return best;
}

/** How many of a reading's actions have no owner, and how many no date. */
const unpaired = (reading: RowReading): number =>
  [reading.owners, reading.dues].reduce((n, paired) => n + paired.given.filter((pieces) => !pieces.some(filled)).length, 0);

/**
 * The first row's units without the paragraphs at its head that state the agreement or its reason, unless
 * the owners and dates say those paragraphs are actions too: they line up better with them kept (the
 * drafter gave them an owner of their own), or nothing else is left to carry the owner beside them.
 */
function withoutStatements(first: Prepared, units: Unit[], agreement: Agreement | null, manyRows: boolean): Unit[] {
  const head = headStatements(units, agreement);
  if (head === 0) return units;
  const rest = units.slice(head);
  const given = first.owners.some(filled) || first.dues.some(filled);
  if (rest.length === 0) return given ? withoutOpening(units, head) : rest;
  return readRow(first.row, units, manyRows).score > readRow(first.row, rest, manyRows).score ? withoutOpening(units, head) : rest;
}

/** Head paragraphs kept as actions, each without a bare "Agreed." sentence it opens with (the response keeps it). */
function withoutOpening(units: Unit[], head: number): Unit[] {
  return units.map((unit, i) => {
    const rest = i < head ? afterStatement(unit.text) : null;
    return rest === null ? unit : { ...unit, text: rest };
  });
}

/** A diagnostic for a row whose owners (or dates) were shared out or paired unevenly. */
function mismatch(slot: 'owner' | 'due', paired: Paired, reading: RowReading, location: Location): DraftDiagnostic | null {
  if (paired.pairing !== 'shared' && paired.pairing !== 'uneven') return null;
  const n = reading.cut.actions.length;
  const counts = `${plural(paired.count, slot === 'owner' ? 'owner' : 'target date')} for ${plural(n, 'action')}`;
  const how = paired.pairing === 'shared' ? 'the one given is applied to each' : 'paired page by page as far as they go';
  return {
    code: slot === 'owner' ? 'owner-count' : 'due-count',
    message: `${counts}: ${how}`,
    location,
    data: { strategy: reading.cut.strategy, pairing: paired.pairing, given: paired.count, actions: n } satisfies PairingData,
  };
}

/** Owners or dates in a row with no action beside them: kept in a diagnostic, never dropped. */
function unplaced(p: Prepared): DraftDiagnostic[] {
  return (['owners', 'dues'] as const).flatMap((slot) => {
    const words = p[slot].filter(filled).map((piece) => piece.text);
    if (words.length === 0) return [];
    const what = slot === 'owners' ? 'owner' : 'target date';
    return [{ code: 'unplaced', message: `${what} '${quote(words.join('; '))}' stands beside no action`, location: p[slot].find(filled)!.location, data: { slot, words } }];
  });
}
