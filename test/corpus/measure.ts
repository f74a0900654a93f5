import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** Read one of the labelled corpora beside this file. */
export function loadCorpus<T>(name: string): T[] {
  return parse(readFileSync(path.join(import.meta.dirname, name), 'utf8')) as T[];
}

/** Counts for one label: found and right, found but wrong, missed. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

/** Add one item's expected and found label sets to per-label tallies (and to `overall`). */
export function count(tallies: Map<string, Tally>, expected: readonly string[], found: readonly string[], overall?: Tally): void {
  for (const label of new Set([...expected, ...found])) {
    const t = tallies.get(label) ?? tally();
    tallies.set(label, t);
    const key = expected.includes(label) ? (found.includes(label) ? 'tp' : 'fn') : 'fp';
    t[key]++;
    if (overall) overall[key]++;
  }
}

/** Precision: of what was found, the share that is right (1 when nothing was found). */
export const precision = (t: Tally): number => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
/** Recall: of what is there, the share that was found (1 when there was nothing to find). */
export const recall = (t: Tally): number => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** One row of a markdown table: label, precision, recall, and the counts behind them. */
export function row(label: string, t: Tally): string {
  return `| ${label} | ${pct(precision(t))} | ${pct(recall(t))} | ${t.tp} | ${t.fp} | ${t.fn} |`;
}

export const HEADER = '| | precision | recall | right | wrongly found | missed |\n|---|---|---|---|---|---|';
