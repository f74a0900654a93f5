import { defineConfig } from 'vitest/config';

// These machines are small and shared: a test that reads a PDF or starts the CLI may wait a long time for
// a core. Tests assert on content, never on time, so the default limit is generous.
// Vitest leaves one core free by default, which on a two-core machine runs every file in turn; most of the
// suite's time is spent waiting for the CLI processes it spawns, so every core gets a worker.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: '100%',
  },
});
