import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanDocumentSchema, type PlanDocument } from '../../src/model/plan.js';
import { ReadError } from '../../src/read/errors.js';
import { readPlan } from '../../src/read/index.js';
import { expectRecommendations } from './reading-deviations.js';
import { withoutLocations } from './without-locations.js';

/**
 * Every fixture plan in fixtures/plans/ is one hand-written `<name>.expected.json` and the same plan in
 * several formats (`<name>.html`, `.docx`, `.pdf`, `.chromium.pdf`). Each format present must read to the
 * expected plan and recommendations. A format whose reader is not written yet is listed as skipped.
 */
const dir = join(import.meta.dirname, '../../fixtures/plans');
const files = readdirSync(dir);
const plans = files.filter((f) => f.endsWith('.expected.json')).map((f) => f.slice(0, -'.expected.json'.length));

/** Where each format locates rows: HTML and Word by table row, PDF by page. */
const LOCATION_KEY: Record<PlanDocument['source']['format'], 'row' | 'page' | 'line'> = { html: 'row', docx: 'row', pdf: 'page', text: 'line' };

async function read(file: string): Promise<PlanDocument | 'unsupported'> {
  try {
    return (await readPlan({ path: file, bytes: readFileSync(join(dir, file)) })).document;
  } catch (err) {
    if (err instanceof ReadError && /not supported yet/.test(err.message)) return 'unsupported';
    throw err;
  }
}

const cases = await Promise.all(
  plans.flatMap((plan) =>
    files
      .filter((f) => f.startsWith(`${plan}.`) && !f.endsWith('.expected.json'))
      .map(async (file) => ({ plan, file, document: await read(file).catch((err: unknown) => err as Error) })),
  ),
);

describe('fixture plans: every format reads to the hand-written expectation', () => {
  it('has plans, each in HTML and Word at least', () => {
    expect(plans.length).toBeGreaterThanOrEqual(3);
    for (const plan of plans) for (const ext of ['html', 'docx']) expect(files).toContain(`${plan}.${ext}`);
  });

  for (const { plan, file, document } of cases) {
    const unsupported = document === 'unsupported';
    const name = unsupported ? `${file} (skipped: its reader is not supported yet)` : file;
    it.skipIf(unsupported)(name, () => {
      if (document instanceof Error) throw document;
      if (document === 'unsupported') return;
      const expected = JSON.parse(readFileSync(join(dir, `${plan}.expected.json`), 'utf8'));
      expect(PlanDocumentSchema.safeParse(document).success).toBe(true);
      expect(document.source.path).toBe(file);
      expect(document.plan).toEqual(expected.plan);
      const actual = withoutLocations(JSON.parse(JSON.stringify(document.recommendations))) as unknown[];
      expect(actual.map((r) => (r as { number: string }).number)).toEqual(expected.recommendations.map((r: { number: string }) => r.number));
      expectRecommendations(actual, expected.recommendations, file, expected.readingDeviations);
      // Table-row formats have no page breaks to repair, so their diagnostics are exactly those expected.
      if (document.source.format === 'html' || document.source.format === 'docx') {
        expect(withoutLocations(document.diagnostics)).toEqual(expected.diagnostics ?? []);
      }
    });

    it.skipIf(unsupported)(`${name}: every recommendation and action is located`, () => {
      if (document instanceof Error || document === 'unsupported') return;
      const key = LOCATION_KEY[document.source.format];
      for (const rec of document.recommendations) {
        expect(rec.location[key], `rec ${rec.number}`).toBeGreaterThan(0);
        for (const action of rec.actions) expect(action.location[key], `rec ${rec.number}: ${action.text.slice(0, 30)}`).toBeGreaterThan(0);
      }
    });
  }
});
