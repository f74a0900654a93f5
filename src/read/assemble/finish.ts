import { inferredText, type InferredNumber } from '../../model/diagnostic-data.js';
import type { Action, Agreement, Diagnostic, Location, Recommendation } from '../../model/plan.js';
import type { SourceMap } from '../../model/source-map.js';
import { parseAgreement } from '../cells/agreement.js';
import { numericValue } from '../cells/numbers.js';
import { collapse, joinSplit, quote } from '../cells/text.js';
import { parseDue } from '../dates.js';
import { inlineAddressee } from '../headings.js';
import type { Piece } from '../source-row.js';
import { readActions, type ActionDraft, type RecActions } from './actions.js';
import type { RecDraft } from './drafts.js';

const joinPieces = (pieces: Piece[]): string => pieces.reduce((acc, p) => (acc === '' ? collapse(p.text) : joinSplit(acc, p.text)), '');

/**
 * Decide what a fragment is: rows that broke the flow of the rec before them become the rec whose number
 * is missing between that rec and the next, when one is; otherwise they go back into the rec before.
 */
export function placeFragments(recs: RecDraft[]): RecDraft[] {
  const out: RecDraft[] = [];
  const following = nextNumbered(recs);
  recs.forEach((rec, i) => {
    if (!rec.orphanOf) return void out.push(rec);
    const before = numericValue(rec.orphanOf.number);
    const after = numericValue(recs[following[i]!]?.number ?? null);
    if (before !== null && after !== null && after - before === 2) return void out.push(rec);
    const host = out.at(-1)!;
    for (const p of rec.textPieces) host.textPieces.push(p);
    for (const row of rec.rows) host.rows.push(row);
    for (const r of rec.responseParts) host.responseParts.push(r);
    host.diagnostics.push({
      code: 'flow-broken',
      message: `text after a page break does not follow on from the text before it; kept with the recommendation before`,
      location: rec.location,
    });
  });
  return out;
}

/** For each rec, the index of the first rec after it that has a number (-1 for none), found in one pass from the end. */
function nextNumbered(recs: readonly RecDraft[]): number[] {
  const next = new Array<number>(recs.length).fill(-1);
  for (let i = recs.length - 2; i >= 0; i--) next[i] = recs[i + 1]!.number !== null ? i + 1 : next[i + 1]!;
  return next;
}

/** Give every rec without a readable number the one its neighbours imply, and record that it was inferred. */
export function inferNumbers(recs: RecDraft[]): void {
  const following = nextNumbered(recs);
  recs.forEach((rec, i) => {
    if (rec.number !== null) return;
    const prev = numericValue(recs[i - 1]?.number ?? null);
    const nextIndex = following[i]!;
    const next = nextIndex >= 0 ? numericValue(recs[nextIndex]!.number) : null;
    let value: number | null = null;
    if (prev !== null && (next === null || next > prev + 1)) value = prev + 1;
    else if (next !== null && next - (nextIndex - i) >= 1) value = next - (nextIndex - i);
    else if (i === 0 && next === null) value = 1;
    if (value === null) return;
    rec.number = String(value);
    const data: InferredNumber = { inferred: String(value), raw: rec.numberRaw || null, cause: rec.fragment ? 'fragment' : rec.numberRaw ? 'unreadable' : 'missing' };
    rec.diagnostics.push({ code: 'number-inferred', message: inferredText(data), location: rec.location, data: { ...data } });
  });
}

/** A draft with its actions read: the agreement it states, and its actions paired with their owners and dates. */
export interface ReadRec {
  draft: RecDraft;
  agreement: Agreement | null;
  read: RecActions;
}

/** Read each draft's agreement, then its actions (cut from its response and paired with owners and dates). */
export function readRecs(drafts: readonly RecDraft[]): ReadRec[] {
  return drafts.map((draft) => {
    const agreement = draft.agreementRaw ? parseAgreement(draft.agreementRaw) : null;
    return { draft, agreement, read: readActions(draft.rows, agreement) };
  });
}

const recPath = (i: number): string => `recommendations[${i}]`;
const actionPath = (i: number, j: number): string => `${recPath(i)}.actions[${j}]`;

/** The repairs recorded while building and reading each rec, as model diagnostics naming the rec they concern. */
export function recDiagnostics(recs: readonly ReadRec[]): Diagnostic[] {
  return recs.flatMap(({ draft, read }, i) => {
    const label = draft.number ?? `#${i + 1}`;
    return [...draft.diagnostics, ...read.notes].map((d) => ({ message: `rec ${label}: ${d.message}`, location: d.location, code: d.code, path: recPath(i), ...(d.data ? { data: d.data } : {}) }));
  });
}

/** The model's recommendations. */
export function toRecommendations(recs: readonly ReadRec[]): Recommendation[] {
  return recs.map(({ draft, agreement, read }) => {
    const text = joinPieces(draft.textPieces);
    return {
      number: draft.number,
      refs: draft.refs,
      // Read the inline prefix ("Ashcombe PDU should: …") from the joined text too: a page break can split it.
      addressee: inlineAddressee(text) ?? draft.addressee,
      text,
      agreement,
      agreementRaw: draft.agreementRaw,
      response: collapse(draft.responseParts.join(' ')),
      actions: read.actions.map(toAction),
      reading: read.reading,
      location: draft.location,
    };
  });
}

/** Where an action starts: its first piece of text. */
const actionLocation = (draft: ActionDraft): Location => draft.units[0]!.parts[0]!.location;

function toAction(draft: ActionDraft): Action {
  const owner = unique(draft.owners.map((p) => collapse(p.text))).join('; ');
  const dueText = unique(draft.dues.map((p) => collapse(p.text))).join('; ');
  const text = collapse(draft.units.map((u) => u.text).join(' '));
  return { text, owner: owner === '' ? null : owner, due: parseDue(dueText), location: actionLocation(draft) };
}

function unique(values: string[]): string[] {
  return values.filter((v, i) => v !== '' && values.indexOf(v) === i);
}

/** Where each rec, its text, and each action with its owner and date were found, by model path. */
export function sourceMapOf(recs: readonly ReadRec[]): SourceMap {
  const sourceMap: SourceMap = new Map();
  recs.forEach(({ draft, read }, i) => {
    read.actions.forEach((action, j) => {
      const path = actionPath(i, j);
      sourceMap.set(path, actionLocation(action));
      if (action.owners[0]) sourceMap.set(`${path}.owner`, action.owners[0].location);
      if (action.dues[0]) sourceMap.set(`${path}.due`, action.dues[0].location);
    });
    sourceMap.set(recPath(i), draft.location);
    if (draft.textPieces[0]) sourceMap.set(`${recPath(i)}.text`, draft.textPieces[0].location);
  });
  return sourceMap;
}
