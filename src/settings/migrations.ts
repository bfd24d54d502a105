/**
 * Settings migrations, one per version, named by what they add. Pure functions from the old shape to the new,
 * each tested with an example of the old shape (tests/unit/settings/migrations.test.ts).
 */
import type { SettingsV1, SettingsV2, SettingsV3, SettingsV4, SettingsV5 } from './schema';

/** v1 → v2: aggregator mode adds per-site auto-open and launcher dismissal (both empty). */
export function addAggregatorSiteLists(v1: SettingsV1): SettingsV2 {
  return { ...v1, autoOpenSites: [], launcherHiddenSites: [] };
}

/** v2 → v3: the saved library adds mark-read-at-end (on) and the unread badge (off). */
export function addLibraryPreferences(v2: SettingsV2): SettingsV3 {
  return { ...v2, markReadAtEnd: true, badgeUnreadCount: false };
}

/**
 * v3 → v4: the toolbar button opens the popup, for everyone: the popup is where the saved list is managed, and an
 * upgraded profile that kept the old direct click would never meet it. One click away in the popup and the library
 * ("Toolbar button: open the reader directly"), and the toggle-reader shortcut does the direct thing anyway.
 */
export function addToolbarButton(v3: SettingsV3): SettingsV4 {
  return { ...v3, toolbarButton: 'popup' };
}

/** v4 → v5: saved copies may keep their images offline (off until the user turns it on and grants access). */
export function addOfflineImages(v4: SettingsV4): SettingsV5 {
  return { ...v4, offlineImages: false };
}

export const SETTINGS_VERSION = 5;

export const SETTINGS_MIGRATIONS = {
  2: addAggregatorSiteLists,
  3: addLibraryPreferences,
  4: addToolbarButton,
  5: addOfflineImages,
} as const;
