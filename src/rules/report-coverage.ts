import type { Rule, RuleOptions } from './types.js';
import { quote, recName } from './utils/names.js';
import { matchRows, sameNumber, type Entry } from './utils/report-match.js';
import { substantiveChanges } from './utils/word-diff.js';
import { addresseePrefix, groupBodies, similarity, withoutPrefix, words } from './utils/wording.js';

interface ReportCoverageOptions {
  /** How alike, from 0 to 1 by words, a plan row's wording must be to a report recommendation's to answer it. */
  threshold: number;
}

const DEFAULTS: ReportCoverageOptions = { threshold: 0.6 };

const options: RuleOptions<ReportCoverageOptions> = {
  defaults: DEFAULTS,
  schema: (z) => z.strictObject({ threshold: z.number().min(0).max(1).default(DEFAULTS.threshold) }),
};

/** Changes listed in one message before the rest are counted. */
const MAX_CHANGES = 3;

/** The first words of a text in quotes, cut at a word boundary to about `max` characters. */
function firstWords(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return quote(flat, max);
  // One character more shows whether the last word ends at the cut or runs past it.
  const cut = flat.slice(0, max + 1).replace(/\s+\S*$/, '').replace(/[\s,;:]+$/, '');
  return `'${cut}…'`;
}

/**
 * A recommendation left out goes unanswered, and one reworded in the plan may be agreed in a narrower form than
 * the inspectors made it.
 */
export const reportCoverage: Rule<ReportCoverageOptions> = {
  id: 'report-coverage',
  description: 'with --report: every recommendation of the inspection report has a row in the plan, and its wording was not changed in substance',
  defaultSeverity: 'error',
  options,
  check(doc, ctx) {
    const report = ctx.inspectionReport;
    if (report === null) return;
    const { threshold } = ctx.options;
    const all = [...report.recommendations, ...doc.recommendations];
    const bodies = groupBodies(all.flatMap((r) => [r.addressee ?? '', addresseePrefix(r.text) ?? '']));
    const entry = (text: string, number: string | null, index: number): Entry => {
      const shown = withoutPrefix(text, bodies);
      return { index, number, shown, words: words(shown, bodies) };
    };
    const reported = report.recommendations.map((r, i) => entry(r.text, r.number, i));
    const rows = doc.recommendations.map((r, i) => entry(r.text, r.number, i)).filter((e) => e.words.length > 0);
    const pairs = matchRows(reported, rows, threshold);
    const rowName = (e: Entry): string => recName(doc.recommendations[e.index], e.index);
    const label = (i: number): string => {
      const r = report.recommendations[i]!;
      const repeated = report.recommendations.filter((o) => sameNumber(o.number, r.number)).length > 1;
      const name = r.number ?? `#${i + 1}`;
      return repeated && r.addressee !== null ? `${name} for ${r.addressee}` : name;
    };
    for (const r of reported) {
      const row = pairs.get(r.index);
      if (row === undefined) {
        const closest = rows
          .map((p) => ({ p, score: similarity(r.words, p.words) }))
          .sort((x, y) => y.score - x.score)[0];
        const near = closest !== undefined && closest.score >= threshold / 2 ? closest.p : undefined;
        const numbered = near !== undefined && sameNumber(near.number, r.number);
        const where = !near
          ? 'no row comes close'
          : numbered
            ? `recommendation ${rowName(near)} has its number but only ${Math.round(closest!.score * 100)}% of its wording (${firstWords(near.shown)})`
            : `the closest is recommendation ${rowName(near)} (${firstWords(near.shown)})`;
        ctx.found({
          message: `Report recommendation ${label(r.index)} (${firstWords(r.shown)}) has no row in the plan${numbered ? ' that keeps its wording' : ''}; ${where}`,
          path: near ? ['recommendations', near.index, 'text'] : '',
          reportRecommendation: r.number,
        });
        continue;
      }
      const changes = substantiveChanges(r.words, row.words);
      if (changes.length === 0) continue;
      const listed = changes.slice(0, MAX_CHANGES).map((c) => `${quote(c.before)} became ${quote(c.after)}`);
      if (changes.length > MAX_CHANGES) listed.push(`and ${changes.length - MAX_CHANGES} more`);
      ctx.found({
        message: `Recommendation ${rowName(row)} changes the wording of report recommendation ${label(r.index)}: ${listed.join('; ')}`,
        path: ['recommendations', row.index, 'text'],
        reportRecommendation: r.number,
      });
    }
  },
};
