#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure with its name.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}: install it with "apt-get install -y chromium", or set CHROMIUM_PATH to another Chromium.`);
  process.exit(1);
}

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(firefox)) {
  console.error(`Firefox not found at ${firefox}: install it with "apt-get install -y firefox-esr", or set FIREFOX_PATH.`);
  process.exit(1);
}

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint (layering and conventions)', 'npx', ['eslint', 'src', 'entrypoints', 'tests', 'scripts']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['build (Chrome MV3)', 'npx', ['wxt', 'build']],
  ['production build has no test hooks', 'node', ['scripts/check-release.mjs', '.output/chrome-mv3']],
  ['build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']],
  ['web-ext lint (Firefox build)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery', '--warnings-as-errors=false']],
  ['production build has no test hooks (Firefox)', 'node', ['scripts/check-release.mjs', '.output/firefox-mv3']],
  ['test build', 'npx', ['wxt', 'build'], { UNWRAP_TEST_BUILD: '1' }],
  ['test build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox'], { UNWRAP_TEST_BUILD: '1' }],
  ['real-browser tests (Chromium)', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts']],
  ['real-browser tests (Firefox)', 'node', ['scripts/firefox-test.mjs', '--no-build']],
];

const only = process.argv[2];
for (const [name, cmd, args, env] of steps) {
  if (only && !name.includes(only)) continue;
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
}
console.log('\n✔ all checks passed');
