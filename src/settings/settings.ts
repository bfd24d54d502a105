/**
 * The one settings item: typed, versioned, migrated, validated on every read, watched by every open reader.
 * Settings sync through `storage.sync` (small: well under its 8 KB per-item quota).
 */
import { storage } from '#imports';
import { SETTINGS_MIGRATIONS, SETTINGS_VERSION } from './migrations';
import { DEFAULT_SETTINGS, repairSettings, type Settings } from './schema';

export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  version: SETTINGS_VERSION,
  fallback: DEFAULT_SETTINGS,
  migrations: SETTINGS_MIGRATIONS,
});

export async function loadSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const { settings, repairedFields } = repairSettings(raw);
  if (repairedFields.length > 0 && raw !== null && typeof raw === 'object') {
    console.warn(`Unwrap: repaired invalid settings (${repairedFields.join(', ')}); other settings kept.`);
    await settingsItem.setValue(settings);
  }
  return settings;
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const { settings } = repairSettings({ ...current, ...patch });
  await settingsItem.setValue(settings);
  return settings;
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((v) => cb(repairSettings(v).settings));
}
