#!/usr/bin/env node
// `npm run test:firefox`: build the Firefox MV3 test build (test hooks on, `.output-test/firefox-mv3/`) and run the
// real-browser suite in Firefox ESR (tests/e2e-firefox, vitest.firefox.config.ts).
// `--no-build` skips the build (when `npm test` has just made it); other arguments go to Vitest.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (!existsSync(firefox)) {
  console.error(`Firefox not found at ${firefox}: install it with "apt-get install -y firefox-esr", or set FIREFOX_PATH to another Firefox.`);
  process.exit(1);
}

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const vitestArgs = args.filter((a) => a !== '--no-build');

function run(name, cmd, cmdArgs, env = {}) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✖ ${name} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
}

const started = Date.now();
if (build) run('Firefox test build', 'npx', ['wxt', 'build', '-b', 'firefox'], { UNWRAP_TEST_BUILD: '1' });
run('real-browser tests (Firefox)', 'npx', ['vitest', 'run', '--config', 'vitest.firefox.config.ts', ...vitestArgs]);
console.log(`✔ Firefox suite passed in ${Math.round((Date.now() - started) / 1000)} s`);
