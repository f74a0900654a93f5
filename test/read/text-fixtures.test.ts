import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanDocumentSchema } from '../../src/model/plan.js';
import { readPlan } from '../../src/read/index.js';

const dir = join(import.meta.dirname, '../../fixtures/text');
const cases = readdirSync(dir).filter((f) => f.endsWith('.txt') && existsSync(join(dir, f.replace(/\.txt$/, '.expected.json'))));

describe('text-export reader: each fixture equals its hand-checked expectation', () => {
  it('has fixtures to check', () => expect(cases.length).toBeGreaterThanOrEqual(5));

  it.each(cases)('%s', async (name) => {
    const path = join(dir, name);
    const bytes = readFileSync(path);
    const { document } = await readPlan({ path: name, bytes });
    expect(PlanDocumentSchema.safeParse(document).success).toBe(true);
    expect(document.source).toMatchObject({ path: name, format: 'text', pages: null });
    expect(document.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    const expected = JSON.parse(readFileSync(path.replace(/\.txt$/, '.expected.json'), 'utf8'));
    const actual = JSON.parse(JSON.stringify({ plan: document.plan, recommendations: document.recommendations, diagnostics: document.diagnostics }));
    expect(actual.plan).toEqual(expected.plan);
    expect(actual.recommendations.map((r: { number: string }) => r.number)).toEqual(expected.recommendations.map((r: { number: string }) => r.number));
    expected.recommendations.forEach((rec: unknown, i: number) => expect(actual.recommendations[i], `recommendation ${i + 1}`).toEqual(rec));
    expect(actual.diagnostics).toEqual(expected.diagnostics);
  });
});

describe('text-export reader: the seeds’ hard cases, stated outright', () => {
  const read = async (name: string) => (await readPlan({ path: name, bytes: readFileSync(join(dir, name)) })).document;

  it('000: seven recommendations, the rec 6 cell split by a page break joined into its fourth action', async () => {
    const doc = await read('000-london.txt');
    expect(doc.recommendations.map((r) => r.actions.length)).toEqual([6, 6, 7, 3, 6, 4, 1]);
    const last = doc.recommendations[5]!.actions[3]!;
    expect(last.text).toContain('(as it is for other parts of the South East); staff retention');
    expect(last.owner).toBe('Divisional Director and MoJ Resourcing');
    expect(doc.diagnostics).toEqual([]);
  });

  it('001: "t i" is rec 1, the missing number is 3, the repeated 7 continues rec 6', async () => {
    const doc = await read('001-dlnr.txt');
    expect(doc.recommendations.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(doc.recommendations[3]!.agreement).toBe('partly-agreed');
    expect(doc.recommendations[5]!.actions.at(-1)!.text).toMatch(/^Benchmarking against risk escalation cases/);
    expect(doc.recommendations[6]!.text).toBe(
      'DLNR CRC should: Provide enough staff and equip them with the knowledge and skills to carry out effective work to keep other people safe. This recommendation has been repeated from the previous inspection.',
    );
    const codes = doc.diagnostics.map((d) => d.code);
    expect(codes).toContain('number-inferred');
    expect(codes).toContain('number-repeated');
  });

  it('002: headings give addressees, fragments of missing pages become the missing numbers', async () => {
    const doc = await read('002-essex-northants.txt');
    expect(doc.recommendations).toHaveLength(18);
    expect(doc.recommendations.map((r) => r.number)).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1)));
    expect(doc.recommendations[4]!.addressee).toBe('Northamptonshire PDU');
    expect(doc.recommendations[12]!.addressee).toBe('HM Prison and Probation Service');
    for (const i of [0, 2, 6]) expect(doc.recommendations[i]!.text).toBe('');
    expect(doc.recommendations[16]!.actions[0]!.due).toEqual({ raw: 'Commencing June 2022 (24-month project)', date: '2022-06', status: 'planned' });
  });
});
