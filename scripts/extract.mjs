#!/usr/bin/env node
// `npm run extract -- …`: runs the CLI bundle (.output/cli/extract.mjs) with plain Node in this process, after
// rebuilding it with esbuild when it is missing or older than any file under src/ (or this script, or the lock
// file). Start-up is then Node + jsdom once per batch instead of tsx compiling the sources on every call.
// `node scripts/extract.mjs --build-only` just brings the bundle up to date.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'cli', 'extract.ts');
const out = join(root, '.output', 'cli', 'extract.mjs');

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

async function ensureBundle() {
  const sources = Math.max(newestMtime(join(root, 'src')), statSync(fileURLToPath(import.meta.url)).mtimeMs, statSync(join(root, 'package-lock.json')).mtimeMs);
  if (existsSync(out) && statSync(out).mtimeMs >= sources) return;
  const { build } = await import('esbuild');
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  // Dependencies stay in node_modules (jsdom loads files of its own at run time); only our sources are bundled.
  await build({ entryPoints: [entry], outfile: tmp, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error', legalComments: 'none' });
  renameSync(tmp, out); // atomic: a concurrent run sees the old bundle or the new one, never half of one
}

try {
  await ensureBundle();
} catch (err) {
  process.stderr.write(`unwrap extract: could not build the CLI bundle: ${err?.message ?? err}\n`);
  process.exit(1);
}
if (process.argv[2] !== '--build-only') {
  // The bundle reads process.argv.slice(2): the same arguments this script got.
  await import(pathToFileURL(out).href);
}
