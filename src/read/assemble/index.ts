import type { PlanDocument } from '../../model/plan.js';
import type { PlanMeta } from '../metadata.js';
import type { ParsedPlan } from '../parsed.js';
import type { TableRows } from '../source-row.js';
import { RecBuilder } from './build.js';
import { inferNumbers, placeFragments, readRecs, recDiagnostics, sourceMapOf, toRecommendations } from './finish.js';

// For readers that must weigh a row's actions before their rows are done (a PDF's page breaks).
export { unitsOf, type Unit } from './row.js';
export { plausibleActionCounts } from './strategies.js';

/** What the shared table-to-model step needs from a reader. */
export interface AssembleInput {
  table: TableRows;
  meta: PlanMeta;
  source: PlanDocument['source'];
}

/**
 * Turn a reader's table rows into the model: recommendations (numbers, refs, addressees, text split across
 * pages joined), actions with their owners and dates, and a diagnostic for every repair made on the way.
 */
export function assemblePlan(input: AssembleInput): ParsedPlan {
  const builder = new RecBuilder();
  const drafts = placeFragments(builder.build(input.table.rows));
  inferNumbers(drafts);
  const recs = readRecs(drafts);
  const early = builder.orphanDiagnostics.map((d) => ({ message: d.message, location: d.location, code: d.code }));
  return {
    document: {
      schemaVersion: 1,
      source: input.source,
      plan: input.meta,
      recommendations: toRecommendations(recs),
      diagnostics: [...early, ...recDiagnostics(recs)],
    },
    sourceMap: sourceMapOf(recs),
  };
}
