/**
 * Reader settings: the shape, the defaults, and repair. Pure: no storage access here.
 * Anything read from storage is untrusted; `repairSettings` turns any value into valid settings, keeping every
 * field that is valid and replacing each invalid one with its default. It never throws.
 */
import { z } from 'zod';

export const FONTS = ['serif', 'sans', 'legible'] as const;
export const THEMES = ['auto', 'light', 'sepia', 'dark'] as const;
export type FontChoice = (typeof FONTS)[number];
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

export type Settings = SettingsV3;

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
};

const clampTo = (lim: { min: number; max: number }, fallback: number) =>
  z.number().refine(Number.isFinite).transform((n) => Math.min(lim.max, Math.max(lim.min, n))).catch(fallback);

const hostList = z
  .array(z.unknown())
  .transform((xs) => [...new Set(xs.filter((x): x is string => typeof x === 'string' && /^[a-z0-9.-]{1,253}$/i.test(x)).map((x) => x.toLowerCase()))])
  .catch([]);

const schema = z.object({
  font: z.enum(FONTS).catch(DEFAULT_SETTINGS.font),
  fontSize: clampTo(LIMITS.fontSize, DEFAULT_SETTINGS.fontSize).transform(Math.round),
  lineHeight: clampTo(LIMITS.lineHeight, DEFAULT_SETTINGS.lineHeight).transform((n) => Math.round(n * 10) / 10),
  contentWidth: clampTo(LIMITS.contentWidth, DEFAULT_SETTINGS.contentWidth).transform(Math.round),
  theme: z.enum(THEMES).catch(DEFAULT_SETTINGS.theme),
  autoOpenSites: hostList,
  launcherHiddenSites: hostList,
  markReadAtEnd: z.boolean().catch(DEFAULT_SETTINGS.markReadAtEnd),
  badgeUnreadCount: z.boolean().catch(DEFAULT_SETTINGS.badgeUnreadCount),
});

export interface Repaired {
  readonly settings: Settings;
  /** Field names that were missing or invalid and were set to their default. */
  readonly repairedFields: string[];
}

export function repairSettings(raw: unknown): Repaired {
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const filled = { ...DEFAULT_SETTINGS, ...obj };
  const settings = schema.parse(filled) as Settings;
  const repairedFields = (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).filter(
    (k) => JSON.stringify(obj[k]) !== JSON.stringify(settings[k]),
  );
  return { settings, repairedFields };
}
