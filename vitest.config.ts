import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Test files that replace a module (vi.mock) need a module registry of their own: they run isolated.
const MOCKING = ['test/read/pdf/inflate.test.ts', 'test/read/pdf/module-fallback.test.ts'];

// These machines are small and shared: a test that reads a PDF or starts the CLI may wait a long time for
// a core. Tests assert on content, never on time, so the default limit is generous.
// Workers: twice as many as there are cores. A test that spawns the CLI holds its Vitest worker while the CLI
// runs, and some wait out a --timeout on purpose, so a worker per core leaves cores idle. (Vitest takes a
// percentage of maxWorkers as a share of the cores and never goes past their number: '150%' meant two here.)
// On the two-core development machine, idle, partway through the work that brought the suite down from 170-190 s
// to 113-135 s, it took 148-157 s with two workers, 148-164 s with three, 131-144 s with four and 150 s with five;
// the cores were busy 99 % of the time with four.
// Every other file shares its worker's module registry with the files that ran there before it: importing
// the readers and rules afresh for each of ninety files cost about a fifth of the suite's CPU time. No test
// relies on a module's state left by another file (spies are restored after each test).
// Node parses the certificates that NODE_EXTRA_CA_CERTS names as each process starts, before any code runs; the
// suite starts some five hundred Node processes (the CLI and its workers) and opens no connection. Where the
// variable names a system bundle, as on the development machine, that cost about 50 ms of CPU per process,
// a fifth of the suite's CPU time in all. The CLI's workers drop it themselves (src/cli/pool.ts); the tests run
// every process without it.
delete process.env.NODE_EXTRA_CA_CERTS;

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: availableParallelism() * 2,
    projects: [
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: MOCKING, isolate: false } },
    ],
  },
});
