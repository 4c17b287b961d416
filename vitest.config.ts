import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Some tests run real processes or whole pipelines; on a busy 2-core machine the
    // default 5 s is a measure of the load, not of the code. Speed is the benchmark's job.
    testTimeout: 30_000,
  },
});
