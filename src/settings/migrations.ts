/**
 * Settings migrations, one per version, named by what they add. Pure functions from the old shape to the new,
 * each tested with an example of the old shape (tests/unit/settings/migrations.test.ts).
 */
import type { SettingsV1, SettingsV2, SettingsV3, SettingsV4 } from './schema';

/** v1 → v2: aggregator mode adds per-site auto-open and launcher dismissal (both empty). */
export function addAggregatorSiteLists(v1: SettingsV1): SettingsV2 {
  return { ...v1, autoOpenSites: [], launcherHiddenSites: [] };
}

/** v2 → v3: the saved library adds mark-read-at-end (on) and the unread badge (off). */
export function addLibraryPreferences(v2: SettingsV2): SettingsV3 {
  return { ...v2, markReadAtEnd: true, badgeUnreadCount: false };
}

/** v3 → v4: saved copies may keep their images offline (off until the user turns it on and grants access). */
export function addOfflineImages(v3: SettingsV3): SettingsV4 {
  return { ...v3, offlineImages: false };
}

export const SETTINGS_VERSION = 4;

export const SETTINGS_MIGRATIONS = {
  2: addAggregatorSiteLists,
  3: addLibraryPreferences,
  4: addOfflineImages,
} as const;
