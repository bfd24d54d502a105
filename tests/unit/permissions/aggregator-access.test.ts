import { describe, expect, it, vi } from 'vitest';
import { AGGREGATOR_MATCHES } from '../../../src/aggregators/hosts';
import {
  hasAggregatorAccess, promptForAggregatorAccessAfterInstall, requestAggregatorAccess, watchAggregatorAccess, type PermissionsApi,
} from '../../../src/permissions/aggregator-access';

/** A stand-in for `browser.permissions` holding a set of granted origins. */
function fakePermissions(granted: string[]) {
  const have = new Set(granted);
  const added = new Set<() => void>();
  const removed = new Set<() => void>();
  const event = (set: Set<() => void>) => ({ addListener: (f: () => void) => set.add(f), removeListener: (f: () => void) => set.delete(f), hasListener: (f: () => void) => set.has(f) });
  const api = {
    contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => have.has(o))),
    request: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      origins.forEach((o) => have.add(o));
      added.forEach((f) => f());
      return true;
    }),
    onAdded: event(added),
    onRemoved: event(removed),
    revoke(origin: string) {
      have.delete(origin);
      removed.forEach((f) => f());
    },
    listeners: () => added.size + removed.size,
  };
  return api;
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('aggregator host access', () => {
  it('is granted only when every aggregator host is', async () => {
    expect(await hasAggregatorAccess(fakePermissions(AGGREGATOR_MATCHES))).toBe(true);
    expect(await hasAggregatorAccess(fakePermissions(AGGREGATOR_MATCHES.slice(1)))).toBe(false);
  });

  it('asks for exactly the manifest aggregator hosts', async () => {
    const p = fakePermissions([]);
    expect(await requestAggregatorAccess(p)).toBe(true);
    expect(p.request).toHaveBeenCalledWith({ origins: AGGREGATOR_MATCHES });
  });

  it('reports the current answer, then every change, until stopped', async () => {
    const p = fakePermissions(AGGREGATOR_MATCHES);
    const seen: boolean[] = [];
    const stop = watchAggregatorAccess(p as unknown as PermissionsApi, (g) => seen.push(g), (err) => { throw err; });
    await flush();
    p.revoke(AGGREGATOR_MATCHES[0]!);
    await flush();
    await p.request({ origins: AGGREGATOR_MATCHES });
    await flush();
    expect(seen).toEqual([true, false, true]);
    stop();
    expect(p.listeners()).toBe(0);
  });

  it('passes a failing check to onError instead of dropping it', async () => {
    const p = fakePermissions([]);
    p.contains.mockRejectedValueOnce(new Error('boom'));
    const errors: unknown[] = [];
    watchAggregatorAccess(p as unknown as PermissionsApi, () => undefined, (err) => errors.push(err));
    await flush();
    expect(String(errors[0])).toContain('boom');
  });

  it('opens the library page after install only when access is missing', async () => {
    const create = vi.fn(async () => ({}));
    const runtime = { getURL: (p: string) => `moz-extension://x${p}` };
    const granted = { permissions: fakePermissions(AGGREGATOR_MATCHES), tabs: { create }, runtime };
    expect(await promptForAggregatorAccessAfterInstall(granted as never, '/popup.html')).toBe(false);
    expect(create).not.toHaveBeenCalled();
    const missing = { permissions: fakePermissions([]), tabs: { create }, runtime };
    expect(await promptForAggregatorAccessAfterInstall(missing as never, '/popup.html')).toBe(true);
    expect(create).toHaveBeenCalledWith({ url: 'moz-extension://x/popup.html' });
  });
});
