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
  zip: {
    // `wxt zip -b firefox` also writes the sources zip Mozilla review asks for. It holds what builds the add-on
    // (src/, entrypoints/, public/, configs, package.json + lockfile, README with the build steps); WXT already
    // leaves out node_modules, dot-folders and the output; tests, fixtures, demos and benchmarks stay out too.
    excludeSources: ['tests/**', 'test-results/**', 'demo/**', 'demo-output/**', 'bench/**', 'scripts/**', 'tmp/**', 'vitest.*.ts', '*.log'],
  },
  hooks: {
    // The toolbar button toggles the reader (issue 2), so popup.html (the library page) must not become the
    // action's popup: WXT adds `default_popup` for an entrypoint named "popup"; take it out again. (popup.html has
    // no <title> on purpose: WXT would copy it into action.default_title; main.tsx sets the title.)
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) delete manifest.action.default_popup;
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'unlimitedStorage'],
    host_permissions: AGGREGATOR_MATCHES,
    // "Keep images for offline reading" (off by default): asked for when the user turns it on (src/library/offline-images.ts).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandToggle__',
      },
      // The saved library (no default key: users pick one in chrome://extensions/shortcuts).
      'open-library': { description: '__MSG_commandLibrary__' },
    },
    // Extension pages (library, reader page) run only Unwrap's own scripts.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'none'" },
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
