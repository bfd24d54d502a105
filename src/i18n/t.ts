/**
 * UI strings through the browser's i18n (`public/_locales/<lang>/messages.json`; English complete, German too).
 * `MessageKey` is checked against the English catalogue at compile time.
 */
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const msg = browser.i18n?.getMessage(key, subs.map(String));
  // An empty answer means the catalogue lacks the key: show the key so the gap is visible, never a blank.
  return msg || key;
}

/** The direction of the browser's UI language: Unwrap's own chrome follows it, not the page's. */
export function uiDir(): 'ltr' | 'rtl' {
  return browser.i18n?.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}

/** The browser's UI locale (e.g. `en-GB`), or undefined where the browser does not tell. */
export function uiLocale(): string | undefined {
  try {
    return browser.i18n?.getUILanguage?.() || undefined;
  } catch {
    return undefined; // test doubles without i18n: formatting falls back to the runtime's default locale
  }
}
