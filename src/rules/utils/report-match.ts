import { similarity, type Word } from './wording.js';

/** A recommendation as report-coverage compares it: where it stands, its number and its words. */
export interface Entry {
  index: number;
  number: string | null;
  words: Word[];
  shown: string;
}

/** Two rec numbers are the same number, ignoring case and surrounding spaces. */
export function sameNumber(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Pair report recommendations with plan rows: the row with the same number when its wording is close enough,
 * then the closest remaining rows by wording, best pairs first.
 */
export function matchRows(report: readonly Entry[], plan: readonly Entry[], threshold: number): Map<number, Entry> {
  const pairs = new Map<number, Entry>();
  const used = new Set<number>();
  const unique = (n: string | null): boolean => report.filter((r) => sameNumber(r.number, n)).length === 1;
  for (const r of report) {
    const row = unique(r.number) ? plan.find((p) => sameNumber(p.number, r.number)) : undefined;
    if (row && !used.has(row.index) && similarity(r.words, row.words) >= threshold) {
      pairs.set(r.index, row);
      used.add(row.index);
    }
  }
  const candidates = report
    .filter((r) => !pairs.has(r.index))
    .flatMap((r) => plan.filter((p) => !used.has(p.index)).map((p) => ({ r, p, score: similarity(r.words, p.words) })))
    .filter((c) => c.score >= threshold)
    .sort((x, y) => y.score - x.score || x.r.index - y.r.index || x.p.index - y.p.index);
  for (const { r, p } of candidates) {
    if (pairs.has(r.index) || used.has(p.index)) continue;
    pairs.set(r.index, p);
    used.add(p.index);
  }
  return pairs;
}

