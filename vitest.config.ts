import { defineConfig } from 'vitest/config';

// Unit tests run in parallel; integration tests (imports of thousands of pages, kill and
// responsiveness tests) run one file at a time, so timing-sensitive checks are not starved of CPU.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/static/**/*.test.ts'] } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
