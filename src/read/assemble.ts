import type { PlanDocument, SourceFormat } from '../model/plan.js';
import type { ParsedPlan } from './parsed.js';
import type { TableRows } from './source-row.js';
import type { PlanMeta } from './metadata.js';


/** What the shared table-to-model step needs from a reader. */
export interface AssembleInput {
  table: TableRows;
  meta: PlanMeta;
  source: PlanDocument['source'];
}

/** Turn a reader's table rows into the model: recommendations, actions, owners, dates and diagnostics. */
export function assemblePlan(input: AssembleInput): ParsedPlan {
  void input;
  throw new Error('not yet written');
}

export type { SourceFormat };
