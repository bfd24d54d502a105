import { defineConfig } from 'vitest/config';

// Real-browser tests: Chromium with the built extension. One file at a time (each launches its own browser).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
