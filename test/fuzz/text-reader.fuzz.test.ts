import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanDocumentSchema } from '../../src/model/plan.js';
import { ReadError } from '../../src/read/errors.js';
import { readTextExport } from '../../src/read/text/index.js';

const dir = join(import.meta.dirname, '../../fixtures/text');
const seeds = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const RUNS = Number(process.env.PLANCHECK_FUZZ_RUNS ?? 2500);

/** Either a model the schema accepts, or a ReadError: anything else is a bug. */
function readsCleanly(text: string | Uint8Array): boolean {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  try {
    const { document } = readTextExport({ path: 'fuzz.txt', bytes });
    const parsed = PlanDocumentSchema.safeParse(document);
    if (!parsed.success) throw new Error(`schema rejected the model: ${parsed.error.message}`);
    return true;
  } catch (err) {
    if (err instanceof ReadError) return true;
    throw err;
  }
}

type Mutation = (lines: string[]) => string[];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n) => (ls: string[]) => ls.filter((_, i) => i % (2 + (n % 7)) !== 0)),
  fc.nat().map((n) => (ls: string[]) => ls.flatMap((l, i) => (i % (3 + (n % 5)) === 0 ? [l, l] : [l]))),
  fc.nat().map((n) => (ls: string[]) => ls.map((l, i) => (i % (2 + (n % 3)) === 0 ? l.split('\t').reverse().join('\t') : l))),
  fc.nat().map((n) => (ls: string[]) => ls.map((l) => (l.length > 10 ? l.slice(0, (n % l.length) + 1) : l))),
  fc.nat().map((n) => (ls: string[]) => ls.map((l) => l.replace(/<\/?(p|li|ul)[^>]*>/g, (t) => (n % 2 ? t.slice(0, 2) : '')))),
  fc.string({ maxLength: 40 }).map((s) => (ls: string[]) => ls.map((l, i) => (i % 4 === 0 ? `${s}\t${l}` : l))),
  fc.nat().map((n) => (ls: string[]) => ls.map((l, i) => (i % 5 === n % 5 ? l.replace(/\t/g, '') : l))),
  fc.constant((ls: string[]) => [...ls].reverse()),
);

describe('text reader under random and mutated input', { timeout: 120_000 }, () => {
  it('never throws anything but a ReadError on random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => readsCleanly(s)), { numRuns: RUNS });
  });

  it('never throws anything but a ReadError on random tab-separated lines', () => {
    const line = fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('Agreed', '1', 'June 2019', '<p>x</p>', '<li>- y', 'Head of PDU')), { maxLength: 7 }).map((cells) => cells.join('\t'));
    fc.assert(fc.property(fc.array(line, { maxLength: 30 }), (ls) => readsCleanly(ls.join('\n'))), { numRuns: RUNS });
  });

  it('never throws anything but a ReadError on mutated seeds', () => {
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, ms) =>
        readsCleanly(ms.reduce((ls, m) => m(ls), seeds[i]!.split('\n')).join('\n')),
      ),
      { numRuns: RUNS },
    );
  });

  it('never throws anything but a ReadError on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => readsCleanly(b)), { numRuns: RUNS });
  });

  it('keeps every recommendation of a seed when lines are duplicated', () => {
    const doubled = seeds[0]!.split('\n').flatMap((l) => [l, l]).join('\n');
    const { document } = readTextExport({ path: 'x.txt', bytes: Buffer.from(doubled) });
    expect(document.recommendations.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });
});
