/**
 * Build the extension for the bench into its own folders, so concurrent builds of .output do not interfere:
 * bench/.build (the product build: sizes, footprint, library) and bench/.build-test (UNWRAP_TEST_BUILD=1: the test
 * build, whose reader puts `unwrap:stage:*` marks on the page and whose background records each press's outcome;
 * the speed section times it).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus';

export const PRODUCT_BUILD = join(ROOT, 'bench', '.build', 'chrome-mv3');
export const TEST_BUILD = join(ROOT, 'bench', '.build-test', 'chrome-mv3');

export async function ensureBuild(extensionDir: string, log: (m: string) => void, opts: { test?: boolean } = {}): Promise<void> {
  const own = extensionDir === (opts.test ? TEST_BUILD : PRODUCT_BUILD);
  if (!own) {
    // UNWRAP_EXTENSION_DIR points at a build made elsewhere: use it as it is.
    if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No extension build at ${extensionDir}`);
    log(`using the existing build at ${extensionDir}`);
    return;
  }
  const t0 = Date.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const p = spawn(process.execPath, [join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build', '-c', join(ROOT, 'bench', 'wxt.bench.config.ts')], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, UNWRAP_TEST_BUILD: opts.test ? '1' : '' },
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    p.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    p.on('error', reject);
    p.on('exit', (c) => {
      if (c !== 0) console.error(out.slice(-4000));
      resolve(c);
    });
  });
  if (code !== 0 || !existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`wxt build${opts.test ? ' (test build)' : ''} failed (exit ${code})`);
  log(`built${opts.test ? ' the test build' : ''} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
