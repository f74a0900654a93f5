import { parsePath } from '../../model/path.js';

/** The recommendation index a diagnostic's path points at (`recommendations[3]` → 3), or null. */
export function recIndexOf(path: string | undefined): number | null {
  if (path === undefined) return null;
  const [head, index] = parsePath(path);
  return head === 'recommendations' && typeof index === 'number' ? index : null;
}
