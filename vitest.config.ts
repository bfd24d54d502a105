import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  // WxtVitest does not copy vite.plugins from wxt.config.ts, so Preact is added here too.
  plugins: [WxtVitest(), preact()],
  define: { __UNWRAP_TEST__: 'true' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/hardening/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    environment: 'node',
    mockReset: true,
    restoreMocks: true,
    testTimeout: 30_000,
  },
});
