import { inferredText, type InferredNumber } from '../../model/diagnostic-data.js';
import type { Action, Diagnostic, Location, Recommendation } from '../../model/plan.js';
import { parseDue } from '../dates.js';
import { inlineAddressee } from '../headings.js';
import type { SourceMap } from '../../model/source-map.js';
import type { Piece } from '../source-row.js';
import { parseAgreement } from '../cells/agreement.js';
import type { RecDraft } from './drafts.js';
import { numericValue } from '../cells/numbers.js';
import { readActions, type ActionDraft } from './actions.js';
import { collapse, joinSplit, quote } from '../cells/text.js';

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

/** Turn drafts into model recommendations, diagnostics and source-map entries. */
export function finishRecs(recs: RecDraft[], sourceMap: SourceMap): { recommendations: Recommendation[]; diagnostics: Diagnostic[] } {
  const recommendations: Recommendation[] = [];
  const diagnostics: Diagnostic[] = [];
  recs.forEach((draft, i) => {
    const path = `recommendations[${i}]`;
    const label = draft.number ?? `#${i + 1}`;
    const agreement = draft.agreementRaw ? parseAgreement(draft.agreementRaw) : null;
    const read = readActions(draft.rows, agreement);
    for (const d of [...draft.diagnostics, ...read.notes]) diagnostics.push({ message: `rec ${label}: ${d.message}`, location: d.location, code: d.code, path, ...(d.data ? { data: d.data } : {}) });
    const text = joinPieces(draft.textPieces);
    recommendations.push({
      number: draft.number,
      refs: draft.refs,
      // Read the inline prefix ("Ashcombe PDU should: …") from the joined text too: a page break can split it.
      addressee: inlineAddressee(text) ?? draft.addressee,
      text,
      agreement,
      agreementRaw: draft.agreementRaw,
      response: collapse(draft.responseParts.join(' ')),
      actions: read.actions.map((a, j) => toAction(a, `${path}.actions[${j}]`, sourceMap)),
      reading: read.reading,
      location: draft.location,
    });
    sourceMap.set(path, draft.location);
    if (draft.textPieces[0]) sourceMap.set(`${path}.text`, draft.textPieces[0].location);
  });
  return { recommendations, diagnostics };
}

function toAction(draft: ActionDraft, path: string, sourceMap: SourceMap): Action {
  const location: Location = draft.units[0]!.parts[0]!.location;
  sourceMap.set(path, location);
  const owner = unique(draft.owners.map((p) => collapse(p.text))).join('; ');
  const dueText = unique(draft.dues.map((p) => collapse(p.text))).join('; ');
  if (draft.owners[0]) sourceMap.set(`${path}.owner`, draft.owners[0].location);
  if (draft.dues[0]) sourceMap.set(`${path}.due`, draft.dues[0].location);
  const text = collapse(draft.units.map((u) => u.text).join(' '));
  return { text, owner: owner === '' ? null : owner, due: parseDue(dueText), location };
}

function unique(values: string[]): string[] {
  return values.filter((v, i) => v !== '' && values.indexOf(v) === i);
}
