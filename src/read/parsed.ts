import type { PlanDocument } from '../model/plan.js';
import type { SourceMap } from '../model/source-map.js';

// The readers' contract: what each is given (the inspection report's reader too) and what a plan reader gives back.

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
