import type { Counts } from './workers/task.js';
import { plural } from '../util/plural.js';

/** What a batch got through, added up file by file as results come in. */
export interface Tally extends Counts {
  /** Files read. */
  files: number;
  /** Files that could not be read (or written). */
  failed: number;
  /** Files found in folders that hold no plan, left out without failing the run. */
  skipped?: number;
}

/** An empty tally. */
export function newTally(): Tally {
  return { files: 0, failed: 0, recommendations: 0, actions: 0 };
}

/** Count one file: read, with its counts, or failed. */
export function addToTally(tally: Tally, counts: Counts | null): void {
  if (counts === null) {
    tally.failed += 1;
    return;
  }
  tally.files += 1;
  tally.recommendations += counts.recommendations;
  tally.actions += counts.actions;
}

/**
 * The line a batch ends with on standard error, such as
 * `Converted 300 files: 2412 recommendations, 7311 actions, 1 failed in 4.2 s`; skipped files, when there are
 * any, are counted before the time (`1 failed, 2 skipped in 4.2 s`).
 */
export function summaryLine(verb: 'Converted' | 'Checked', tally: Tally, milliseconds: number): string {
  const seconds = (milliseconds / 1000).toFixed(1);
  const skipped = tally.skipped ? `, ${tally.skipped} skipped` : '';
  return `${verb} ${plural(tally.files, 'file')}: ${plural(tally.recommendations, 'recommendation')}, ${plural(tally.actions, 'action')}, ${tally.failed} failed${skipped} in ${seconds} s\n`;
}

