import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { AGGREGATOR_MATCHES } from './src/aggregators/hosts';

const testBuild = process.env.UNWRAP_TEST_BUILD === '1';

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifestVersion: 3,
  // Test builds (with test-only hooks) never share a folder with the build a user loads.
  outDir: testBuild ? '.output-test' : '.output',
  vite: () => ({
    plugins: [preact()],
    define: { __UNWRAP_TEST__: JSON.stringify(testBuild) },
    build: { target: 'es2022', chunkSizeWarningLimit: 1024 },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'unlimitedStorage'],
    host_permissions: AGGREGATOR_MATCHES,
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandToggle__',
      },
    },
    web_accessible_resources: [
      { resources: ['fonts/*.woff2'], matches: ['<all_urls>'] },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'unwrap@unwrap.example',
              strict_min_version: '140.0',
              // Unwrap collects nothing: no account, no server, no telemetry.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
