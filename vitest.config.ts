import { defineConfig } from 'vitest/config';

// These machines are small and shared: a test that reads a PDF or starts the CLI may wait a long time for
// a core. Tests assert on content, never on time, so the default limit is generous.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
