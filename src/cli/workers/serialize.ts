import type { PlanDocument } from '../../model/plan.js';

/** The `convert --format` choices. */
export type ModelFormat = 'json' | 'yaml';

/** The model as `convert` prints it: pretty JSON with a trailing newline, or YAML. */
export async function serializeModel(doc: PlanDocument, format: ModelFormat): Promise<string> {
  if (format === 'yaml') {
    // yaml costs ~25 ms to load, paid only by runs that ask for it.
    const { stringify } = await import('yaml');
    return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}
