/**
 * Building the bench's reference reader (bench/peer: Readability + DOMPurify + a shadow-root render) into
 * bench/.build/peer with esbuild, minified as a store build would be. Its manifest gets a fresh RSA public `key`,
 * which fixes its extension id (the first 128 bits of SHA-256 of the key, as letters a–p): the launcher uses the id
 * to tell its service worker from Unwrap's.
 */
import { generateKeyPairSync, createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus';

export const PEER_SRC = join(ROOT, 'bench', 'peer');
export const PEER_DIR = join(ROOT, 'bench', '.build', 'peer');

export function extensionIdOfKey(der: Buffer): string {
  return [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
}

export async function buildPeer(): Promise<{ dir: string; id: string; readerBytes: number }> {
  const { build } = await import('esbuild');
  mkdirSync(PEER_DIR, { recursive: true });
  await build({
    entryPoints: [join(PEER_SRC, 'reader.ts')], outfile: join(PEER_DIR, 'reader.js'), bundle: true, format: 'iife',
    platform: 'browser', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'error',
  });
  copyFileSync(join(PEER_SRC, 'background.js'), join(PEER_DIR, 'background.js'));
  const der = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });
  const manifest = { ...JSON.parse(readFileSync(join(PEER_SRC, 'manifest.json'), 'utf8')), key: der.toString('base64') };
  writeFileSync(join(PEER_DIR, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return { dir: PEER_DIR, id: extensionIdOfKey(der), readerBytes: readFileSync(join(PEER_DIR, 'reader.js')).length };
}
