import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

// Some tests run real processes or whole pipelines; on a busy 2-core machine the
// default 5 s is a measure of the load, not of the code. Speed is the benchmark's job.
const testTimeout = 30_000;

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/components/**'], environment: 'node', testTimeout } },
      // Components rendered with Astro's container API: these need Astro's compiler, which
      // the pure-logic tests above do without.
      getViteConfig({ test: { name: 'components', include: ['tests/unit/components/**/*.test.ts'], environment: 'node', testTimeout } }),
    ],
  },
});
