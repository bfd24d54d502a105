/** The per-page baseline cache (bench/lib/page-cache.ts): reused only for the same versions and the same HTML. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'unwrap-bench-cache-'));
process.env.UNWRAP_BENCH_CACHE = dir;
const { PageCache, sha1 } = await import('../../../bench/lib/page-cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PageCache', () => {
  it('gives back what was saved, for the same version key and HTML hash only', () => {
    const a = new PageCache('t-readability', [1, 'readability', '0.6.0']);
    a.set('0001', sha1('<p>a</p>'), { text: 'a', ms: 3 });
    a.save();
    const b = new PageCache('t-readability', [1, 'readability', '0.6.0']);
    expect(b.get('0001', sha1('<p>a</p>'))?.out).toEqual({ text: 'a', ms: 3 });
    expect(b.get('0001', sha1('<p>changed</p>'))).toBeNull();
    expect(b.get('0002', sha1('<p>a</p>'))).toBeNull();
    expect(new PageCache('t-readability', [1, 'readability', '0.6.1']).get('0001', sha1('<p>a</p>'))).toBeNull();
  });
});
