import { defineConfig } from 'vitest/config';

// Unit tests run in parallel; integration tests (imports of thousands of pages, kill and
// responsiveness tests) run one file at a time, so timing-sensitive checks are not starved of CPU.
// Projects do not inherit test options, so each states its own timeouts.
const timeouts = { testTimeout: 120_000, hookTimeout: 300_000 };

export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/static/**/*.test.ts'], ...timeouts } },
      {
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], fileParallelism: false, ...timeouts },
      },
    ],
  },
});
