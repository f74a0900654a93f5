import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './run.js';

/**
 * The recommendations that a fixture plan's expectation names as known misreadings of one rendering
 * (`readingDeviations`, see test/read/reading-deviations.ts): their findings are left out where formats
 * are compared, and the reader tests check that they are still misread.
 */
export function misreadRecs(plan: string, file: string): Set<string> {
  const expected = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/plans', `${plan}.expected.json`), 'utf8')) as { readingDeviations?: Record<string, unknown> };
  const mine = expected.readingDeviations?.[path.basename(file)];
  if (!mine || typeof mine !== 'object') return new Set();
  return new Set(Object.entries(mine).filter(([, v]) => v === 'misread').map(([rec]) => rec));
}
