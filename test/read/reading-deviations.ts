import { expect } from 'vitest';

/**
 * Where a PDF producer breaks a page exactly between two rows of a plan drawn one row per action, the
 * rows on either side of the break cannot be told apart from one row continued (LibreOffice closes a split
 * row with a border too), so the PDF reader joins them into one row. An expectation names each such
 * rendering in `readingDeviations` (file → rec number → what differs), with the reason in `why`:
 * - a strategy name, or an object of `reading` fields: the reader records that reading instead; the
 *   actions, owners and dates are the same;
 * - `"misread"`: a known misreading of that recommendation's actions in that rendering. The test checks
 *   that it still differs, so that the day it is read right the expectation must be brought up to date.
 */
export interface ReadingDeviations {
  [file: string]: Record<string, string | Record<string, string>> | string;
}

interface Rec {
  number: string | null;
  reading?: { strategy: string };
}

/** Compare one rendering's recommendations with the plan's expectation, allowing for its named deviations. */
export function expectRecommendations(actual: unknown[], expected: readonly Rec[], file: string, deviations: ReadingDeviations | undefined): void {
  const mine = deviations?.[file];
  const named = typeof mine === 'object' ? mine : {};
  expected.forEach((rec, i) => {
    const deviation = rec.number === null ? undefined : named[rec.number];
    if (deviation === 'misread') return expect(actual[i], `recommendation ${i + 1} (a known misreading)`).not.toEqual(rec);
    const reading = typeof deviation === 'string' ? { strategy: deviation } : deviation;
    const want = reading && rec.reading ? { ...rec, reading: { ...rec.reading, ...reading } } : rec;
    expect(actual[i], `recommendation ${i + 1}`).toEqual(want);
  });
}
