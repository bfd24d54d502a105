/** What the figures were measured on. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './corpus';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function pkgVersion(name: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

export function chromiumVersion(): string | null {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export interface Machine {
  readonly date: string;
  readonly os: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly loadAverage: readonly number[];
  readonly node: string;
  readonly chromium: string | null;
  readonly packages: Readonly<Record<string, string | null>>;
}

export function machine(): Machine {
  const c = cpus();
  return {
    date: new Date().toISOString(),
    os: `${osType()} ${release()}`,
    cpu: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    chromium: chromiumVersion(),
    packages: Object.fromEntries(
      ['@mozilla/readability', 'defuddle', 'jsdom', 'dompurify', 'wxt', 'playwright-core', 'preact'].map((p) => [p, pkgVersion(p)]),
    ),
  };
}
