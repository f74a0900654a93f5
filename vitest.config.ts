import { defineConfig } from 'vitest/config';

// Test files that replace a module (vi.mock) need a module registry of their own: they run isolated.
const MOCKING = ['test/read/pdf/inflate.test.ts', 'test/read/pdf/module-fallback.test.ts'];

// These machines are small and shared: a test that reads a PDF or starts the CLI may wait a long time for
// a core. Tests assert on content, never on time, so the default limit is generous.
// Vitest leaves one core free by default, which on a two-core machine runs every file in turn. A test that
// spawns the CLI holds its worker while the CLI runs, and some wait out a --timeout on purpose, so the suite
// runs half again as many workers as there are cores: on this two-core machine, idle, the suite took 184 s
// with two workers, 157 s with three and 168 s with four, the machine's cores busy for 95 % of the time with three.
// Every other file shares its worker's module registry with the files that ran there before it: importing
// the readers and rules afresh for each of ninety files cost about a fifth of the suite's CPU time. No test
// relies on a module's state left by another file (spies are restored after each test).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: '150%',
    projects: [
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: MOCKING, isolate: false } },
    ],
  },
});
