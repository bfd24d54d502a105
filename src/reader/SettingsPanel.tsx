/** Reading settings: font, size, line height, width, theme. Changes apply at once and persist. Its own file: issue 15 loads it after first paint. */
import { FONTS, LIMITS, THEMES, type FontChoice, type Settings, type ThemeChoice } from '../settings/schema';
import { t, type MessageKey } from '../i18n/t';

const FONT_LABEL: Record<FontChoice, MessageKey> = { serif: 'fontSerif', sans: 'fontSans', legible: 'fontLegible' };
const THEME_LABEL: Record<ThemeChoice, MessageKey> = { auto: 'themeAuto', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark' };

export interface SiteToggle {
  readonly enabled: boolean;
  readonly onToggle: (enabled: boolean) => void;
}

/**
 * "Keep images for offline reading": only where the optional host permission can be asked for (an extension page;
 * a content script cannot), so the reader page offers it. `onToggle` runs in the click, where the browser allows
 * the permission request; `note` is the one-line outcome ("Access was not granted…", "Images kept: 4").
 */
export interface OfflineImagesToggle {
  readonly enabled: boolean;
  readonly onToggle: (enabled: boolean) => void;
  readonly note?: string | null;
}

export function SettingsPanel({ settings, onChange, autoOpen, offlineImages }: { settings: Settings; onChange: (p: Partial<Settings>) => void; autoOpen?: SiteToggle; offlineImages?: OfflineImagesToggle }) {
  return (
    <div class="u-panel" role="group" aria-label={t('settings')} data-unwrap="settings-panel">
      <fieldset>
        <legend>{t('font')}</legend>
        <div class="u-seg">
          {FONTS.map((f) => (
            <button type="button" key={f} aria-pressed={settings.font === f} data-unwrap-font={f} onClick={() => onChange({ font: f })}>
              {t(FONT_LABEL[f])}
            </button>
          ))}
        </div>
      </fieldset>
      <Range label={t('fontSize')} name="fontSize" value={settings.fontSize} lim={LIMITS.fontSize} unit="px" onInput={(v) => onChange({ fontSize: v })} />
      <Range label={t('lineHeight')} name="lineHeight" value={settings.lineHeight} lim={LIMITS.lineHeight} unit="" onInput={(v) => onChange({ lineHeight: v })} />
      <Range label={t('contentWidth')} name="contentWidth" value={settings.contentWidth} lim={LIMITS.contentWidth} unit="px" onInput={(v) => onChange({ contentWidth: v })} />
      <fieldset>
        <legend>{t('theme')}</legend>
        <div class="u-seg">
          {THEMES.map((th) => (
            <button type="button" key={th} aria-pressed={settings.theme === th} data-unwrap-theme={th} onClick={() => onChange({ theme: th })}>
              {t(THEME_LABEL[th])}
            </button>
          ))}
        </div>
      </fieldset>
      {autoOpen && (
        <label class="u-check">
          <input type="checkbox" checked={autoOpen.enabled} data-unwrap-setting="autoOpen" onChange={(e) => autoOpen.onToggle((e.currentTarget as HTMLInputElement).checked)} />
          {t('autoOpen')}
        </label>
      )}
      {offlineImages && (
        <div class="u-offline">
          <label class="u-check">
            <input type="checkbox" checked={offlineImages.enabled} data-unwrap-setting="offlineImages" onChange={(e) => offlineImages.onToggle((e.currentTarget as HTMLInputElement).checked)} />
            {t('offlineImages')}
          </label>
          <p class="u-hint">{t('offlineImagesWhy')}</p>
          {offlineImages.note && <p class="u-hint" role="status" data-unwrap="offline-images-note">{offlineImages.note}</p>}
        </div>
      )}
    </div>
  );
}

function Range({ label, name, value, lim, unit, onInput }: { label: string; name: string; value: number; lim: { min: number; max: number; step: number }; unit: string; onInput: (v: number) => void }) {
  const id = `u-range-${name}`;
  return (
    <fieldset>
      <legend id={`${id}-l`}>{label}</legend>
      <div class="u-range">
        <input id={id} type="range" min={lim.min} max={lim.max} step={lim.step} value={value} aria-labelledby={`${id}-l`} data-unwrap-setting={name}
          onInput={(e) => onInput(Number((e.currentTarget as HTMLInputElement).value))} />
        <output for={id}>{unit ? `${value}${unit}` : value.toFixed(1)}</output>
      </div>
    </fieldset>
  );
}
