import type { Location, PlanDocument } from '../model/plan.js';

/** Model paths (`recommendations[2].actions[0].owner`) mapped to where the reader found them. */
export type SourceMap = Map<string, Location>;

/** A reader's output: the model and the source map of its parts. */
export interface ParsedPlan {
  document: PlanDocument;
  sourceMap: SourceMap;
}

/** What every reader is given: the input's name as the user gave it, and its bytes. */
export interface ReadInput {
  path: string;
  bytes: Uint8Array;
}
