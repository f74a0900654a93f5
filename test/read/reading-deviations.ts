/**
 * Where a PDF producer breaks a page exactly between two rows of a plan drawn one row per action, the
 * rows on either side of the break cannot be told apart from one row continued (LibreOffice closes a split
 * row with a border too), so the PDF reader joins them into one row and records the paragraphs it cut it
 * into, not the rows. The actions, owners and dates read are the same. An expectation names each such
 * rendering in `readingDeviations` (file → rec number → strategy read), with the reason in `why`.
 */
export interface ReadingDeviations {
  [file: string]: Record<string, string> | string;
}

/** The expected recommendations for one rendering: the plan's, with the strategies its producer's page breaks hide. */
export function expectedFor<R extends { number: string | null; reading?: { strategy: string } }>(recs: R[], file: string, deviations: ReadingDeviations | undefined): R[] {
  const mine = deviations?.[file];
  if (!mine || typeof mine === 'string') return recs;
  return recs.map((rec) => (rec.number !== null && mine[rec.number] && rec.reading ? { ...rec, reading: { ...rec.reading, strategy: mine[rec.number] } } : rec));
}
