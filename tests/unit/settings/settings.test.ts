import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, repairSettings } from '../../../src/settings/schema';
import { addAggregatorSiteLists, addLibraryPreferences, addOfflineImages, addToolbarButton, SETTINGS_MIGRATIONS, SETTINGS_VERSION } from '../../../src/settings/migrations';

const V1 = { font: 'sans', fontSize: 22, lineHeight: 1.8, contentWidth: 760, theme: 'sepia' } as const;

describe('settings migrations', () => {
  it('v1 → v2 adds empty per-site lists', () => {
    expect(addAggregatorSiteLists({ ...V1 })).toEqual({ ...V1, autoOpenSites: [], launcherHiddenSites: [] });
  });
  it('v2 → v3 adds library preferences', () => {
    const v2 = { ...V1, autoOpenSites: ['www.inkl.com'], launcherHiddenSites: [] };
    expect(addLibraryPreferences(v2)).toEqual({ ...v2, markReadAtEnd: true, badgeUnreadCount: false });
  });
  it('v3 → v4 makes the toolbar button open the popup', () => {
    const v3 = { ...V1, autoOpenSites: [], launcherHiddenSites: ['flipboard.com'], markReadAtEnd: false, badgeUnreadCount: true };
    expect(addToolbarButton(v3)).toEqual({ ...v3, toolbarButton: 'popup' });
  });
  it('a stored v3 item keeps every setting and gains the toolbar button', async () => {
    const v3 = { ...V1, autoOpenSites: ['www.inkl.com'], launcherHiddenSites: [], markReadAtEnd: false, badgeUnreadCount: true };
    await fakeBrowser.storage.sync.set({ settings: v3, settings$: { v: 3 } });
    vi.resetModules();
    const { loadSettings } = await import('../../../src/settings/settings');
    expect(await loadSettings()).toEqual({ ...v3, toolbarButton: 'popup', offlineImages: false });
    expect((await fakeBrowser.storage.sync.get(['settings$']))['settings$']).toEqual({ v: 5 });
  });
  it('repairs an unknown toolbar button value to the popup', () => {
    expect(repairSettings({ ...DEFAULT_SETTINGS, toolbarButton: 'sidebar' }).settings.toolbarButton).toBe('popup');
    expect(repairSettings({ ...DEFAULT_SETTINGS, toolbarButton: 'reader' }).settings.toolbarButton).toBe('reader');
  });
  it('v4 → v5 adds offline images, off', () => {
    const v4 = { ...V1, autoOpenSites: [], launcherHiddenSites: ['news.example'], markReadAtEnd: false, badgeUnreadCount: true, toolbarButton: 'reader' as const };
    expect(addOfflineImages(v4)).toEqual({ ...v4, offlineImages: false });
  });
  it('every version up to the current one has a migration', () => {
    for (let v = 2; v <= SETTINGS_VERSION; v++) expect(SETTINGS_MIGRATIONS).toHaveProperty(String(v));
  });
  it('a stored v1 item is migrated on first read', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...V1 }, settings$: { v: 1 } });
    vi.resetModules();
    const { loadSettings } = await import('../../../src/settings/settings');
    expect(await loadSettings()).toEqual({ ...V1, autoOpenSites: [], launcherHiddenSites: [], markReadAtEnd: true, badgeUnreadCount: false, toolbarButton: 'popup', offlineImages: false });
    const raw = await fakeBrowser.storage.sync.get(['settings$']);
    expect(raw['settings$']).toEqual({ v: 5 });
  });
});

describe('settings repair', () => {
  it('keeps valid fields and repairs each invalid one to its default', () => {
    const { settings, repairedFields } = repairSettings({ font: 'comic', fontSize: 99, lineHeight: 'big', contentWidth: 700, theme: 'dark', autoOpenSites: ['WWW.INKL.COM', 3, 'bad host!'] });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, fontSize: 32, contentWidth: 700, theme: 'dark', autoOpenSites: ['www.inkl.com'] });
    expect(repairedFields).toEqual(expect.arrayContaining(['font', 'fontSize', 'lineHeight', 'autoOpenSites']));
  });
  it('turns anything at all into valid settings without throwing', () => {
    for (const raw of [null, undefined, 42, 'x', [], { fontSize: NaN }, { theme: { toString: 1 } }]) {
      expect(repairSettings(raw).settings).toMatchObject({ font: expect.any(String), fontSize: expect.any(Number) });
    }
  });
  it('a corrupt stored item is repaired on read and written back', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, fontSize: 'huge' }, settings$: { v: 5 } });
    vi.resetModules();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { loadSettings } = await import('../../../src/settings/settings');
    expect((await loadSettings()).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('fontSize'));
    expect(((await fakeBrowser.storage.sync.get('settings')).settings as { fontSize: number }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
  });
});
