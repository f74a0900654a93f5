import type { ParsedPlan } from '../parsed.js';
import type { ReadInput } from '../index.js';
import { ReadError } from '../errors.js';

/** Read the text export of a published plan (tab-separated cells holding HTML fragments). */
export function readTextExport(input: ReadInput): ParsedPlan {
  void input;
  throw new ReadError('text export reader not yet written');
}
