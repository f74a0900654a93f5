import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTextExport } from '../../src/read/text/index.js';
import { byteDamage, commonMutations, mutate, readsCleanly, RUNS, type Mutation } from './mutate.js';

const dir = join(import.meta.dirname, '../../fixtures/text');
const seeds = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(dir, f), 'utf8'));

const read = (text: string | Uint8Array) => (): ReturnType<typeof readTextExport> =>
  readTextExport({ path: 'fuzz.txt', bytes: typeof text === 'string' ? Buffer.from(text) : text });
const lines = (text: string): string[] => text.split('\n');

/** Mutations that know the export's shape: cells shuffled, merged or split, tags cut or dropped. */
const textMutations: Array<fc.Arbitrary<Mutation>> = [
  fc.nat().map((n) => (ls: string[]) =>
    ls.map((l, i) => {
      if (i % (2 + (n % 3)) !== 0) return l;
      const cells = l.split('\t');
      // A fixed shuffle per n: rotate, then swap the ends.
      const k = n % Math.max(1, cells.length);
      const out = [...cells.slice(k), ...cells.slice(0, k)];
      if (out.length > 1) [out[0], out[out.length - 1]] = [out[out.length - 1]!, out[0]!];
      return out.join('\t');
    }),
  ),
  fc.nat().map((n) => (ls: string[]) => ls.map((l, i) => (i % 5 === n % 5 ? l.replace(/\t/g, '') : l))),
  fc.nat().map((n) => (ls: string[]) => ls.map((l, i) => (i % 4 === n % 4 ? l.replace(/ /g, '\t') : l))),
  fc.nat().map((n) => (ls: string[]) => ls.map((l) => l.replace(/<\/?(p|li|ul)[^>]*>/g, (t) => (n % 2 ? t.slice(0, 2) : '')))),
  fc.string({ maxLength: 40 }).map((s) => (ls: string[]) => ls.map((l, i) => (i % 4 === 0 ? `${s}\t${l}` : l))),
  fc.nat().map((n) => (ls: string[]) => ls.map((l, i) => (i % (3 + (n % 4)) === 0 ? '' : l))),
];
const textMutation = fc.oneof(...commonMutations, ...textMutations);

/** Cells that plans are made of, the template's header and definitions among them, so that random lines reach the table. */
const CELL = fc.oneof(
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'Rec No', 'Recommendation', 'Agreed/ Partly Agreed/ Not Agreed', 'Response Action Taken/Planned', 'Responsible Owner', 'Target Date',
      'Agreed', 'Partly Agreed', 'Not Agreed', '1', '2', '7', 't i', '6 SW 6 and CRC 5', 'June 2019', 'Complete', 'Ongoing', 'Head of PDU',
      '<p>x</p>', '<li>- y', '<ul><li>one</li><li>two</li></ul>', '<p>The PDU will review cases.</p><p>Audit in May.</p>', '• a • b',
      'Northamptonshire PDU should:', '**HMPPS should:**', 'Page 3 of 9', '&amp;', '&lt;', '', ' ',
    ),
  },
);
const LINE = fc.array(CELL, { maxLength: 7 }).map((cells) => cells.join('\t'));
const PREAMBLE = fc.constantFrom('', 'ACTION PLAN: Westshire\nAction Plan Submitted: 30 May 2019\nAgreed\tThe recommendation will be carried out\n');

describe('text reader under random and mutated input', { timeout: 120_000 }, () => {
  it('never throws anything but a ReadError on random text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 400 }), (s) => readsCleanly(read(s))), { numRuns: RUNS });
  });

  it('never throws anything but a ReadError on random tab-separated lines of plan cells', async () => {
    await fc.assert(fc.asyncProperty(PREAMBLE, fc.array(LINE, { maxLength: 30 }), (pre, ls) => readsCleanly(read(pre + ls.join('\n')))), { numRuns: RUNS });
  });

  it('never throws anything but a ReadError on mutated seeds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(textMutation, { minLength: 1, maxLength: 3 }), (i, ms) =>
        readsCleanly(read(mutate(seeds[i % seeds.length]!, lines, '\n', ms))),
      ),
      { numRuns: RUNS },
    );
  });

  it('never throws anything but a ReadError on seeds with damaged bytes, or on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), byteDamage, (i, damage) => readsCleanly(read(damage(Buffer.from(seeds[i % seeds.length]!))))),
      { numRuns: Math.ceil(RUNS / 2) },
    );
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), (b) => readsCleanly(read(b))), { numRuns: Math.ceil(RUNS / 2) });
  });

  it('keeps every recommendation of a seed when lines are duplicated', () => {
    const doubled = seeds[0]!.split('\n').flatMap((l) => [l, l]).join('\n');
    const { document } = readTextExport({ path: 'x.txt', bytes: Buffer.from(doubled) });
    expect(document.recommendations.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });
});
