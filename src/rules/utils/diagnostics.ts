import type { Diagnostic, PlanDocument } from '../../model/plan.js';
import { parsePath } from '../../model/path.js';

/** The reader's diagnostics of one kind. */
export function diagnosticsWithCode(doc: PlanDocument, code: string): Diagnostic[] {
  return doc.diagnostics.filter((d) => d.code === code);
}

/** The recommendation index a diagnostic's path points at (`recommendations[3]` → 3), or null. */
export function recIndexOf(path: string | undefined): number | null {
  if (path === undefined) return null;
  const [head, index] = parsePath(path);
  return head === 'recommendations' && typeof index === 'number' ? index : null;
}
