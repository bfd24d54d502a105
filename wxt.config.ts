import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { join } from 'node:path';
import { AGGREGATOR_MATCHES } from './src/aggregators/hosts';
import { ACTION_SIZES, ICON_SIZES, iconPath, writeIcons } from './scripts/icons';
import { DEFAULT_SHORTCUTS } from './src/background/shortcuts';

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
    // The icon generator is part of the build (assets/icon.svg → icons/*.png).
    includeSources: ['scripts/icons.ts'],
  },
  hooks: {
    // The icons are rendered from assets/icon.svg on every build (scripts/icons.ts); the PNGs are not committed.
    'build:publicAssets': (wxt, files) => {
      const dir = join(wxt.config.wxtDir, 'icons');
      for (const rel of writeIcons(dir)) files.push({ absoluteSrc: join(dir, rel), relativeDest: rel });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'unlimitedStorage'],
    host_permissions: AGGREGATOR_MATCHES,
    icons: Object.fromEntries(ICON_SIZES.map((s) => [s, `/${iconPath(s)}`])),
    // "Keep images for offline reading" (off by default): asked for when the user turns it on (src/library/offline-images.ts).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The toolbar button opens the popup (entrypoints/popup, WXT adds `default_popup`); the setting "Toolbar
    // button: open the reader directly" takes the popup away at run time (action.setPopup, src/background/toolbar.ts).
    action: { default_title: '__MSG_actionTitle__', default_icon: Object.fromEntries(ACTION_SIZES.map((s) => [s, `/${iconPath(s)}`])) },
    // Shortcuts always do the direct thing. Default keys both Chromium and Firefox assign (tests/e2e*/commands.e2e.ts).
    commands: {
      'toggle-reader': { suggested_key: { default: DEFAULT_SHORTCUTS['toggle-reader'] }, description: '__MSG_commandToggle__' },
      'save-page': { suggested_key: { default: DEFAULT_SHORTCUTS['save-page'] }, description: '__MSG_commandSave__' },
      'open-library': { suggested_key: { default: DEFAULT_SHORTCUTS['open-library'] }, description: '__MSG_commandLibrary__' },
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
