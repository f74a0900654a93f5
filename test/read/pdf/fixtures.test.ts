import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanDocumentSchema } from '../../../src/model/plan.js';
import { readPlan } from '../../../src/read/index.js';
import { expectRecommendations, type ReadingDeviations } from '../reading-deviations.js';
import { withoutLocations } from '../without-locations.js';

/**
 * fixtures/pdf/<case>.pdf (LibreOffice), <case>.chromium.pdf (Chromium) and other renderings of one plan
 * share the hand-checked <case>.expected.json: the plan, the recommendations and the diagnostics, with
 * locations left out, and per file the page count and the page of every recommendation and action.
 */
const dir = join(import.meta.dirname, '../../../fixtures/pdf');
const files = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
const caseOf = (file: string): string => file.slice(0, file.indexOf('.'));

interface Expected {
  plan: unknown;
  recommendations: Array<{ number: string | null; reading?: { strategy: string } }>;
  diagnostics: unknown[];
  readingDeviations?: ReadingDeviations;
  pages: Record<string, { count: number; recommendations: Array<{ page: number; actions: number[] }> }>;
}

describe('PDF reader: each fixture equals its hand-checked expectation', () => {
  it('has each plan from LibreOffice and from Chromium', () => {
    for (const plan of ['wessex-stacked', 'derwent-row-per-action', 'avon-unruled', 'severn-centred', 'tamar-row-per-action']) {
      expect(files).toContain(`${plan}.pdf`);
      expect(files).toContain(`${plan}.chromium.pdf`);
    }
  });

  it.each(files)('%s', async (file) => {
    const expected = JSON.parse(readFileSync(join(dir, `${caseOf(file)}.expected.json`), 'utf8')) as Expected;
    const { document } = await readPlan({ path: file, bytes: readFileSync(join(dir, file)) });
    expect(PlanDocumentSchema.safeParse(document).success).toBe(true);
    expect(document.source).toMatchObject({ path: file, format: 'pdf', pages: expected.pages[file]!.count });
    expect(document.plan).toEqual(expected.plan);
    const actual = withoutLocations(JSON.parse(JSON.stringify(document.recommendations))) as unknown[];
    expect(actual).toHaveLength(expected.recommendations.length);
    expectRecommendations(actual, expected.recommendations, file, expected.readingDeviations);
    expect(withoutLocations(document.diagnostics)).toEqual(expected.diagnostics);
    const pages = document.recommendations.map((r) => ({ page: r.location.page, actions: r.actions.map((a) => a.location.page) }));
    expect(pages).toEqual(expected.pages[file]!.recommendations);
  });
});
