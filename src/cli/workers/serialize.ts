import type { PlanDocument } from '../../model/plan.js';
import { planCsvRows } from '../../format/csv.js';

/** The `convert --format` choices. */
export type ModelFormat = 'json' | 'yaml' | 'jsonl' | 'csv';

/**
 * The model as `convert` prints it: pretty JSON with a trailing newline, YAML, one line of JSON (jsonl), or the
 * plan's CSV records without the header, which the CLI writes once before the first plan.
 */
export async function serializeModel(doc: PlanDocument, format: ModelFormat): Promise<string> {
  if (format === 'yaml') {
    // yaml costs ~25 ms to load, paid only by runs that ask for it.
    const { stringify } = await import('yaml');
    return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
  }
  if (format === 'jsonl') return `${JSON.stringify(doc)}\n`;
  if (format === 'csv') return planCsvRows(doc);
  return `${JSON.stringify(doc, null, 2)}\n`;
}
