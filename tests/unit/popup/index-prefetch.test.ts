/** The library page's early index read: used when nothing was written since it started, read again otherwise. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { INDEX_KEY } from '../../../src/library/keys';

// The module starts its read when imported: import it fresh in each test, after storage is set up.
async function freshPrefetch() {
  vi.resetModules();
  return import('../../../src/popup/index-prefetch');
}

describe('early index read', () => {
  it('returns the index as it was when the page started', async () => {
    await fakeBrowser.storage.local.set({ [INDEX_KEY]: { rev: 1, json: '{"entries":[]}' } });
    const { takeIndexRead } = await freshPrefetch();
    expect((await takeIndexRead()).raw).toEqual({ rev: 1, json: '{"entries":[]}' });
  });

  it('reads again when the index was written after the early read started', async () => {
    await fakeBrowser.storage.local.set({ [INDEX_KEY]: { rev: 1, json: '{"entries":[]}' } });
    const { takeIndexRead } = await freshPrefetch();
    await fakeBrowser.storage.local.set({ [INDEX_KEY]: { rev: 2, json: '{"entries":[]}' } });
    expect((await takeIndexRead()).raw).toEqual({ rev: 2, json: '{"entries":[]}' });
  });

  it('is used once; later takes read storage afresh', async () => {
    await fakeBrowser.storage.local.set({ [INDEX_KEY]: { rev: 1, json: '{"entries":[]}' } });
    const { takeIndexRead } = await freshPrefetch();
    await takeIndexRead();
    await fakeBrowser.storage.local.set({ [INDEX_KEY]: { rev: 5, json: '{"entries":[]}' } });
    expect((await takeIndexRead()).raw).toEqual({ rev: 5, json: '{"entries":[]}' });
  });
});
