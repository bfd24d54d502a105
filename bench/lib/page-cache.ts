/**
 * A per-page cache of baseline outputs (plain Readability, Defuddle), which do not change while Unwrap is tuned.
 * One file per corpus and system under bench/.cache (gitignored). An entry is reused only when the file's version
 * key (harness version, the system's package version, jsdom's version) and the page's HTML hash both match;
 * `--fresh` ignores the cache and rewrites it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './corpus';
import type { SystemOutput } from './systems';

/** `UNWRAP_BENCH_CACHE` points several worktrees at one cache (entries are keyed by versions and HTML hash). */
export const CACHE_DIR = resolve(process.env.UNWRAP_BENCH_CACHE ?? join(ROOT, 'bench', '.cache'));

export interface CachedPage {
  readonly hash: string;
  /** ISO date the output was computed. */
  readonly date: string;
  readonly out: SystemOutput;
}

interface CacheFile {
  readonly version: string;
  readonly pages: Record<string, CachedPage>;
}

export function sha1(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}

export class PageCache {
  private readonly file: string;
  private readonly version: string;
  private pages: Record<string, CachedPage> = {};
  private dirty = false;

  constructor(name: string, versionParts: readonly unknown[]) {
    this.file = join(CACHE_DIR, `${name}.pages.json`);
    this.version = JSON.stringify(versionParts);
    if (!existsSync(this.file)) return;
    try {
      const c = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
      if (c.version === this.version && c.pages && typeof c.pages === 'object') this.pages = c.pages;
    } catch (err) {
      console.warn(`bench: ignoring unreadable cache ${this.file}: ${(err as Error).message}`);
    }
  }

  get(id: string, hash: string): CachedPage | null {
    const p = this.pages[id];
    return p && p.hash === hash ? p : null;
  }

  set(id: string, hash: string, out: SystemOutput): void {
    this.pages[id] = { hash, date: new Date().toISOString(), out };
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: this.version, pages: this.pages } satisfies CacheFile));
    renameSync(tmp, this.file);
    this.dirty = false;
  }
}
