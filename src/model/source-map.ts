import type { Location } from './plan.js';

/**
 * Model paths (`recommendations[2].actions[0].owner`) mapped to where the reader found them: readers fill
 * it, and the rules engine turns the path a rule reports into a place in the document.
 */
export type SourceMap = Map<string, Location>;
