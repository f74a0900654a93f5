import { describe, expect, it } from 'vitest';
import { REASON_CATEGORIES } from '../../src/rules/utils/lexicon/reasons.js';
import { reasonVerdict, type ReasonVerdict } from '../../src/rules/utils/reason-rule.js';
import { count, HEADER, loadCorpus, precision, recall, row, tally, type Tally } from '../corpus/measure.js';

/** One labelled paragraph of test/corpus/reasons.yaml (the file's header says what each field means). */
interface Item {
  id: string;
  source: string;
  batch: 'tuning' | 'held-out-1' | 'held-out-2' | 'held-out-3' | 'held-out-4' | 'held-out-5';
  agreement: 'partly' | 'not';
  categories: string[];
  tied?: boolean;
  text: string;
}

const MARKING = { partly: 'Partly agreed', not: 'Not agreed' } as const;
const corpus = loadCorpus<Item>('reasons.yaml');
const expectedTier = (item: Item): ReasonVerdict['tier'] => (item.categories.length === 0 ? 'none' : item.tied ? 'given' : 'untied');

/** Per-category, overall and per-tier tallies of the detector on some items, with the items it got wrong. */
function measure(items: readonly Item[]) {
  const categories = new Map<string, Tally>(REASON_CATEGORIES.map((c) => [c, tally()]));
  const tiers = new Map<string, Tally>(['none', 'untied', 'given'].map((t) => [t, tally()]));
  const overall = tally();
  const wrong: string[] = [];
  for (const item of items) {
    // The marking is the row's own agreement cell; the corpus paragraph is the response.
    const verdict = reasonVerdict(MARKING[item.agreement], item.text);
    count(categories, item.categories, verdict.categories, overall);
    count(tiers, [expectedTier(item)], [verdict.tier]);
    const same = verdict.tier === expectedTier(item) && [...verdict.categories].sort().join() === [...item.categories].sort().join();
    if (!same) wrong.push(`${item.id}: expected ${expectedTier(item)} [${item.categories}], found ${verdict.tier} [${verdict.categories}]`);
  }
  return { categories, tiers, overall, wrong };
}

function table(name: string, items: readonly Item[]): string {
  const m = measure(items);
  const lines = [`${name} (${items.length} paragraphs)`, HEADER];
  for (const [c, t] of m.categories) lines.push(row(c, t));
  lines.push(row('all categories', m.overall));
  for (const [t, label] of [['none', 'error: no category'], ['untied', 'warn: not tied'], ['given', 'passes']] as const) lines.push(row(label, m.tiers.get(t)!));
  return [...lines, ...m.wrong.map((w) => `  wrong: ${w}`)].join('\n');
}

describe('the reason rules on the labelled corpus', () => {
  it('holds at least 150 paragraphs, every one with a source, and every seed paragraph', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    for (const item of corpus) expect(item.source, item.id).toMatch(/\S/);
    expect(corpus.filter((i) => i.source.startsWith('seed')).length).toBeGreaterThanOrEqual(2);
    expect(new Set(corpus.map((i) => i.id)).size).toBe(corpus.length);
  });

  it('reaches 97% precision and recall per category, overall and on the error tier', () => {
    for (const batch of ['tuning', 'held-out-1', 'held-out-2', 'held-out-3', 'held-out-4', 'held-out-5'] as const) console.log(table(batch, corpus.filter((i) => i.batch === batch)));
    console.log(table('whole corpus', corpus));
    const m = measure(corpus);
    for (const [name, t] of [...m.categories, ['overall', m.overall] as const, ['error tier', m.tiers.get('none')!] as const]) {
      expect(precision(t), `${name} precision`).toBeGreaterThanOrEqual(0.97);
      expect(recall(t), `${name} recall`).toBeGreaterThanOrEqual(0.97);
    }
  });
});
