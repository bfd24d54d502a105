import { defineConfig } from 'vitest/config';

// Real-browser tests in Firefox ESR with the Firefox test build (`UNWRAP_TEST_BUILD=1 wxt build -b firefox`).
// One file at a time: each launches its own Firefox.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
