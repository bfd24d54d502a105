/**
 * Reader settings: the shape, the defaults, and repair. Pure: no storage access here.
 * Anything read from storage is untrusted; `repairSettings` turns any value into valid settings, keeping every
 * field that is valid and replacing each invalid one with its default. It never throws.
 */
export const FONTS = ['serif', 'sans', 'legible'] as const;
export const THEMES = ['auto', 'light', 'sepia', 'dark'] as const;
/** What the toolbar button does: open the popup (current tab + saved list), or open the reader directly. */
export const TOOLBAR_BUTTONS = ['popup', 'reader'] as const;
export type FontChoice = (typeof FONTS)[number];
export type ToolbarButton = (typeof TOOLBAR_BUTTONS)[number];
export type ThemeChoice = (typeof THEMES)[number];

export const LIMITS = {
  fontSize: { min: 14, max: 32, step: 1 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.1 },
  contentWidth: { min: 480, max: 1000, step: 40 },
} as const;

/** Version 1: the reading settings. */
export interface SettingsV1 {
  font: FontChoice;
  fontSize: number;
  lineHeight: number;
  contentWidth: number;
  theme: ThemeChoice;
}

/** Version 2 (aggregator mode): per-site auto-open and launcher dismissal. */
export interface SettingsV2 extends SettingsV1 {
  /** Hostnames where the reader opens by itself on aggregator pages. */
  autoOpenSites: string[];
  /** Hostnames where the user dismissed the "Read clean" launcher. */
  launcherHiddenSites: string[];
}

/** Version 3 (saved library): library behaviour. */
export interface SettingsV3 extends SettingsV2 {
  /** Mark a saved article read when it is read to the end in the reader page. */
  markReadAtEnd: boolean;
  /** Show the unread count on the toolbar badge. */
  badgeUnreadCount: boolean;
}

/** Version 4 (toolbar popup): what a click on the toolbar button does. */
export interface SettingsV4 extends SettingsV3 {
  toolbarButton: ToolbarButton;
}

/** Version 5 (reader, issue 16): saved copies keep their images for offline reading (opt-in). */
export interface SettingsV5 extends SettingsV4 {
  /** Store each saved article's images with it (needs the optional host permission, asked when turned on). */
  offlineImages: boolean;
}

export type Settings = SettingsV5;

export const DEFAULT_SETTINGS: Settings = {
  font: 'serif',
  fontSize: 20,
  lineHeight: 1.6,
  contentWidth: 680,
  theme: 'auto',
  autoOpenSites: [],
  launcherHiddenSites: [],
  markReadAtEnd: true,
  badgeUnreadCount: false,
  toolbarButton: 'popup',
  offlineImages: false,
};

/**
 * One repair per field: a valid value is kept (numbers clamped and rounded to their step), anything else becomes the
 * default. Hand-written rather than a zod schema: settings are read by every reader overlay, and a schema library
 * would more than double the size of the script injected into the page (README, "Choices").
 */
type Repair<T> = (value: unknown, fallback: T) => T;

const clampTo = (lim: { min: number; max: number }, round: (n: number) => number): Repair<number> =>
  (v, fallback) => (typeof v === 'number' && Number.isFinite(v) ? round(Math.min(lim.max, Math.max(lim.min, v))) : fallback);

const oneOf = <T extends string>(choices: readonly T[]): Repair<T> =>
  (v, fallback) => (typeof v === 'string' && (choices as readonly string[]).includes(v) ? (v as T) : fallback);

const bool: Repair<boolean> = (v, fallback) => (typeof v === 'boolean' ? v : fallback);

const HOST = /^[a-z0-9.-]{1,253}$/i;
/** Hostnames only, lowercased, without duplicates; anything that is not a list becomes an empty list. */
const hostList: Repair<string[]> = (v) =>
  Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string' && HOST.test(x)).map((x) => x.toLowerCase()))] : [];

const REPAIRS: { readonly [K in keyof Settings]: Repair<Settings[K]> } = {
  font: oneOf(FONTS),
  fontSize: clampTo(LIMITS.fontSize, Math.round),
  lineHeight: clampTo(LIMITS.lineHeight, (n) => Math.round(n * 10) / 10),
  contentWidth: clampTo(LIMITS.contentWidth, Math.round),
  theme: oneOf(THEMES),
  autoOpenSites: hostList,
  launcherHiddenSites: hostList,
  markReadAtEnd: bool,
  badgeUnreadCount: bool,
  toolbarButton: oneOf(TOOLBAR_BUTTONS),
  offlineImages: bool,
};

export interface Repaired {
  readonly settings: Settings;
  /** Field names that were missing or invalid and were set to their default. */
  readonly repairedFields: string[];
}

export function repairSettings(raw: unknown): Repaired {
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(REPAIRS) as (keyof Settings)[]) {
    const value = Object.hasOwn(obj, key) ? obj[key] : DEFAULT_SETTINGS[key];
    (settings as Record<keyof Settings, unknown>)[key] = (REPAIRS[key] as Repair<unknown>)(value, DEFAULT_SETTINGS[key]);
  }
  const repairedFields = (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).filter(
    (k) => JSON.stringify(obj[k]) !== JSON.stringify(settings[k]),
  );
  return { settings, repairedFields };
}
