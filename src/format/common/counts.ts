import type { FileResult, ReadingNote } from '../../model/result.js';
import { plural } from '../../util/plural.js';

// What a run counts: its problems (findings and unreadable files), and apart from them its reading notes.

/** A run's problems by kind: error and warning findings, and files that could not be read. */
export interface ProblemCounts {
  errors: number;
  warnings: number;
  unreadable: number;
}

/** Add up the problems of every file. */
export function countProblems(results: readonly FileResult[]): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, unreadable: 0 };
  for (const r of results) {
    if (r.fatal !== null) counts.unreadable += 1;
    else {
      counts.errors += r.errorCount;
      counts.warnings += r.warningCount;
    }
  }
  return counts;
}

/** Every problem, unreadable files included. */
export function problemTotal(c: ProblemCounts): number {
  return c.errors + c.warnings + c.unreadable;
}

/** `3 problems (1 error, 2 warnings)`, with `, 1 unreadable file` inside the brackets when there are any. */
export function problemSummary(c: ProblemCounts): string {
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning')];
  if (c.unreadable > 0) parts.push(plural(c.unreadable, 'unreadable file'));
  return `${plural(problemTotal(c), 'problem')} (${parts.join(', ')})`;
}

/** A file's reading notes; none for a file that was not read. */
export function notesOf(r: FileResult): ReadingNote[] {
  return r.notes ?? [];
}

/** How many reading notes the files have, counted apart from their problems. */
export function countNotes(results: readonly FileResult[]): number {
  return results.reduce((n, r) => n + notesOf(r).length, 0);
}
