import type { Rule } from './types.js';
import { quote, recLabel } from './utils/names.js';

/** "3", "3 and 5", "3 to 5", "2 to 4 and 7": numbers in ascending order, runs shortened. */
function listNumbers(numbers: readonly number[]): string {
  const runs: string[] = [];
  for (let k = 0; k < numbers.length; ) {
    let end = k;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end]! + 1) end++;
    runs.push(end === k ? `${numbers[k]}` : `${numbers[k]} to ${numbers[end]}`);
    k = end + 1;
  }
  return runs.length === 1 ? runs[0]! : `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)}`;
}

function asNumber(raw: string | null): number | null {
  return raw !== null && /^\d+$/.test(raw.trim()) ? Number(raw) : null;
}

/**
 * The plan answers the report's recommendations in its numbering: a gap is often one left unanswered or a lost
 * page, a repeat a mistyped number. A number the reader inferred from order is not a problem of the plan but a
 * repair of the reading: it is a reading note (diagnostic `number-inferred`), not a finding of this rule.
 */
export const numbering: Rule = {
  id: 'numbering',
  description: 'rec numbers run 1, 2, 3 … with no gap, repeat or missing number',
  defaultSeverity: 'warn',
  check(doc, ctx) {
    const numbers = doc.recommendations.map((rec) => asNumber(rec.number));
    const firstAt = new Map<number, number>();
    let highest = 0;
    doc.recommendations.forEach((rec, i) => {
      const found = (message: string): void => ctx.found({ message, path: ['recommendations', i, 'number'] });
      const n = numbers[i] ?? null;
      if (rec.number === null || rec.number.trim() === '') return found(`${recLabel(rec, i)} has no number`);
      if (n === null) return found(`Recommendation #${i + 1} is numbered ${quote(rec.number)}: expected a whole number`);
      const first = firstAt.get(n);
      if (first !== undefined) {
        return found(`Recommendation number ${n} is repeated: first used at #${first + 1}, again at #${i + 1}`);
      }
      firstAt.set(n, i);
      if (n < highest) return found(`Recommendation ${n} is out of order: it comes after ${highest}`);
      // A number that turns up later is out of order, not missing; it is reported where it stands.
      const later = new Set(numbers.slice(i + 1));
      const missing: number[] = [];
      for (let m = highest + 1; m < n; m++) if (!later.has(m)) missing.push(m);
      if (missing.length > 0) {
        const what = missing.length === 1 ? `Recommendation ${missing[0]} is missing` : `Recommendations ${listNumbers(missing)} are missing`;
        found(`${what}: numbers ${highest === 0 ? `start at ${n}` : `go from ${highest} to ${n}`}`);
      }
      highest = n;
    });
  },
};
