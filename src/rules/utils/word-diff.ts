import { cosmetic, type Word } from './wording.js';

/** One change of substance between two wordings: the first text's words and the second's, with a word of context. */
export interface Change {
  before: string;
  after: string;
}

type Step = { a: number; b: number } | { a: number; b: null } | { a: null; b: number };

/** The steps of a longest-common-subsequence alignment of two word sequences, in order. */
function align(a: readonly Word[], b: readonly Word[]): Step[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i]!.key === b[j]!.key ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i]!.key === b[j]!.key) steps.push({ a: i++, b: j++ });
    else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) steps.push({ a: i++, b: null });
    else steps.push({ a: null, b: j++ });
  }
  return steps;
}

/** Changes this few unchanged words apart are shown as one, as their quotes would overlap. */
const MERGE_GAP = 1;

/**
 * The changes of substance that turn wording `a` into wording `b`: words changed, dropped or added, apart
 * from articles and spacing. Each is quoted with one unchanged word either side, as each text writes it.
 */
export function substantiveChanges(a: readonly Word[], b: readonly Word[]): Change[] {
  const steps = align(a, b);
  const same = (s: Step | undefined): s is { a: number; b: number } => s !== undefined && s.a !== null && s.b !== null;
  const hunks: Array<[start: number, end: number]> = [];
  steps.forEach((s, k) => {
    if (same(s)) return;
    const last = hunks.at(-1);
    if (last && k - last[1] <= MERGE_GAP + 1) last[1] = k;
    else hunks.push([k, k]);
  });
  const changes: Change[] = [];
  for (const [start, end] of hunks) {
    const inner = steps.slice(start, end + 1);
    const removed = inner.flatMap((s) => (s.a === null ? [] : [a[s.a]!]));
    const added = inner.flatMap((s) => (s.b === null ? [] : [b[s.b]!]));
    if (cosmetic(removed, added)) continue;
    const left = steps[start - 1];
    const right = steps[end + 1];
    const side = (ws: readonly Word[], pick: 'a' | 'b'): string => {
      const from = pick === 'a' ? a : b;
      const l = same(left) ? [from[left[pick]]!] : [];
      const r = same(right) ? [from[right[pick]]!] : [];
      return [...l, ...ws, ...r].map((w) => w.shown).join(' ');
    };
    changes.push({ before: side(removed, 'a'), after: side(added, 'b') });
  }
  return changes;
}
