/** Build the extension for the bench into its own folder (bench/.build), so concurrent builds of .output do not interfere. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus';

export async function ensureBuild(extensionDir: string, log: (m: string) => void): Promise<void> {
  const own = extensionDir === join(ROOT, 'bench', '.build', 'chrome-mv3');
  if (!own) {
    // UNWRAP_EXTENSION_DIR points at a build made elsewhere: use it as it is.
    if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No extension build at ${extensionDir}`);
    log(`using the existing build at ${extensionDir}`);
    return;
  }
  const t0 = Date.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const p = spawn(process.execPath, [join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build', '-c', join(ROOT, 'bench', 'wxt.bench.config.ts')], {
      // The test build: the reader's timing marks (speed, footprint) exist only there (issue 14).
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, UNWRAP_TEST_BUILD: '1' },
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
  if (code !== 0 || !existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`wxt build failed (exit ${code})`);
  log(`built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
