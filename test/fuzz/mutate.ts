import fc from 'fast-check';
import { expect } from 'vitest';
import { PlanDocumentSchema } from '../../src/model/plan.js';
import { ReadError } from '../../src/read/errors.js';
import type { ParsedPlan } from '../../src/read/parsed.js';

/**
 * How many inputs each property tries. The suite tries 300 (three times fast-check's default), the same ones on
 * every run; `npm run fuzz` (scripts/fuzz.mjs) tries 10,000 from a new seed, through PLANCHECK_FUZZ_RUNS and
 * PLANCHECK_FUZZ_SEED.
 */
export const RUNS = Number(process.env.PLANCHECK_FUZZ_RUNS ?? 300);

/**
 * The same inputs on every run of the suite, so that it passes or fails the same way each time; set
 * PLANCHECK_FUZZ_SEED to another number to explore new inputs (a failure prints the seed that replays it).
 */
fc.configureGlobal({ seed: Number(process.env.PLANCHECK_FUZZ_SEED ?? 20261205) });

/**
 * CPU time one input may take at most: the seeds read in a few milliseconds, so this only catches a blow-up
 * (an exponential alignment was found this way). CPU time, not wall time, so that a busy machine does not fail it.
 */
export const MAX_CPU_MS = 5000;

/**
 * What a reader may do with any input: return a model the zod schema accepts, or throw a ReadError, within
 * MAX_CPU_MS of CPU time. Anything else (another error, a model the schema rejects, a hang) fails the property.
 */
export async function readsCleanly(read: () => ParsedPlan | Promise<ParsedPlan>): Promise<boolean> {
  const started = process.cpuUsage();
  try {
    const { document } = await read();
    const parsed = PlanDocumentSchema.safeParse(document);
    if (!parsed.success) throw new Error(`schema rejected the model: ${parsed.error.message}`);
  } catch (err) {
    if (!(err instanceof ReadError)) throw err;
    expect(err.message).not.toMatch(/\n/);
    expect(err.message).not.toBe('');
  }
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  if (ms > MAX_CPU_MS) throw new Error(`took ${Math.round(ms)} ms of CPU`);
  return true;
}

/** A change to a document, as its lines or tokens. */
export type Mutation = (parts: string[]) => string[];

/** Pick an index from a natural number, for parts that may be empty. */
const at = (n: number, length: number): number => (length === 0 ? 0 : n % length);

/**
 * Mutations that any line- or token-based document takes: dropped and duplicated parts, parts swapped or cut
 * off, the document cut short, random bytes and characters put in.
 */
export const commonMutations: Array<fc.Arbitrary<Mutation>> = [
  // Drop every k-th part, or one run of parts.
  fc.nat().map((n) => (ps: string[]) => ps.filter((_, i) => i % (2 + (n % 7)) !== 0)),
  fc.tuple(fc.nat(), fc.nat(40)).map(([n, len]) => (ps: string[]) => {
    const from = at(n, ps.length);
    return [...ps.slice(0, from), ...ps.slice(from + len)];
  }),
  // Duplicate every k-th part, or one part many times.
  fc.nat().map((n) => (ps: string[]) => ps.flatMap((p, i) => (i % (3 + (n % 5)) === 0 ? [p, p] : [p]))),
  fc.tuple(fc.nat(), fc.integer({ min: 2, max: 50 })).map(([n, times]) => (ps: string[]) => {
    const i = at(n, ps.length);
    return [...ps.slice(0, i), ...Array.from({ length: times }, () => ps[i] ?? ''), ...ps.slice(i + 1)];
  }),
  // Swap two parts; reverse the document.
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (ps: string[]) => {
    // Nothing to swap in an empty document (a cut before may leave none): swapping would make holes.
    if (ps.length === 0) return ps;
    const out = [...ps];
    const i = at(a, out.length);
    const j = at(b, out.length);
    [out[i], out[j]] = [out[j]!, out[i]!];
    return out;
  }),
  fc.constant((ps: string[]) => [...ps].reverse()),
  // Cut one part short, or every long part; cut the document short.
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (ps: string[]) => ps.map((p, i) => (i === at(a, ps.length) ? p.slice(0, at(b, p.length + 1)) : p))),
  fc.nat().map((n) => (ps: string[]) => ps.map((p) => (p.length > 10 ? p.slice(0, (n % p.length) + 1) : p))),
  fc.nat().map((n) => (ps: string[]) => ps.slice(0, at(n, ps.length + 1))),
  // Random text, or random code points including controls and lone surrogates, put in at a part.
  fc.tuple(fc.nat(), fc.string({ maxLength: 40 })).map(([n, s]) => (ps: string[]) => {
    const i = at(n, ps.length + 1);
    return [...ps.slice(0, i), s, ...ps.slice(i)];
  }),
  fc.tuple(fc.nat(), fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 20 })).map(([n, codes]) => (ps: string[]) => {
    const i = at(n, ps.length);
    const p = ps[i] ?? '';
    const cut = at(n >> 3, p.length + 1);
    return [...ps.slice(0, i), p.slice(0, cut) + String.fromCharCode(...codes) + p.slice(cut), ...ps.slice(i + 1)];
  }),
];

/** Apply mutations in turn to a document split into parts, and join it again. */
export function mutate(text: string, split: (t: string) => string[], join: string, mutations: readonly Mutation[]): string {
  return mutations.reduce((ps, m) => m(ps), split(text)).join(join);
}

/** Overwrite a few bytes of an encoded document with random ones: what a bad download or disk does. */
export const byteDamage: fc.Arbitrary<(bytes: Uint8Array) => Uint8Array> = fc
  .array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })), { minLength: 1, maxLength: 4 })
  .map((hits) => (bytes: Uint8Array) => {
    const out = Uint8Array.from(bytes);
    for (const [n, junk] of hits) out.set(junk.subarray(0, Math.max(0, out.length - at(n, out.length))), at(n, out.length));
    return out;
  });
