import { defineConfig } from 'vitest/config';

// Test files that replace a module (vi.mock) need a module registry of their own: they run isolated.
const MOCKING = ['test/read/pdf/inflate.test.ts', 'test/read/pdf/module-fallback.test.ts'];

// These machines are small and shared: a test that reads a PDF or starts the CLI may wait a long time for
// a core. Tests assert on content, never on time, so the default limit is generous.
// Vitest leaves one core free by default, which on a two-core machine runs every file in turn; most of the
// suite's time is spent waiting for the CLI processes it spawns, so every core gets a worker.
// Every other file shares its worker's module registry with the files that ran there before it: importing
// the readers and rules afresh for each of ninety files cost about a fifth of the suite's CPU time. No test
// relies on a module's state left by another file (spies are restored after each test).
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: '100%',
    projects: [
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: MOCKING, isolate: false } },
    ],
  },
});
