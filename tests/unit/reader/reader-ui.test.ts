// The reader's pure pieces: removed-block labels, date locale, keys, toolbar placement, the page report.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../../public/_locales/en/messages.json';
import de from '../../../public/_locales/de/messages.json';
import { removedLabel, removedLabelKey } from '../../../src/reader/removed-labels';
import { dateLocale, formatDate } from '../../../src/reader/format';
import { readerKeyAction } from '../../../src/reader/reader-keys';
import { barHiddenAfter, toolbarPlacement } from '../../../src/reader/toolbar-placement';
import { pageDiagnostic } from '../../../src/reader/diagnostic';

const catalogue = (m: Record<string, { message: string }>) => (key: string) => m[key]?.message ?? '';

describe('removed-block labels', () => {
  it('maps every reason vocabulary by its last segment, with a fallback', () => {
    expect(removedLabelKey('aggregator:inkl:signup-box')).toBe('removedKindSignupBox');
    expect(removedLabelKey('upsell:rail')).toBe('removedKindRelated');
    expect(removedLabelKey('upsell:app')).toBe('removedKindApp');
    expect(removedLabelKey('aggregator:msn:consent')).toBe('removedKindCookie');
    expect(removedLabelKey('upsell:cookie')).toBe('removedKindCookie');
    expect(removedLabelKey('upsell:newsletter')).toBe('removedKindNewsletter');
    expect(removedLabelKey('aggregator:yahoo:share')).toBe('removedKindShare');
    expect(removedLabelKey('prune:nav')).toBe('removedKindNav');
    expect(removedLabelKey('aggregator:x:something-new')).toBe('removedKindChrome');
    expect(removedLabelKey('')).toBe('removedKindChrome');
  });

  it('reads in English and German, never as a code', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(catalogue(en as never) as never);
    expect(['upsell:gate', 'aggregator:inkl:signup-box', 'upsell:rail', 'upsell:app', 'upsell:newsletter', 'upsell:cookie', 'upsell:share', 'prune:whatever'].map(removedLabel))
      .toEqual(['Sign-up wall', 'Sign-up box', 'Related stories', 'App banner', 'Newsletter', 'Cookie notice', 'Share buttons', 'Other page chrome']);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(catalogue(de as never) as never);
    expect(removedLabel('aggregator:inkl:signup-box')).toBe('Anmeldefeld');
    for (const key of Object.keys(en).filter((k) => k.startsWith('removedKind'))) expect((de as Record<string, unknown>)[key], key).toBeTruthy();
  });
});

describe('dates in the article language and region', () => {
  const iso = '2025-11-20T09:12:00Z';
  it('uses the page region, the site country domain, then the UI region', () => {
    expect(dateLocale('en-GB', 'https://x.com/a', 'en-US')).toBe('en-GB');
    expect(dateLocale('en', 'https://www.courier.co.uk/a', 'en-US')).toBe('en-GB');
    expect(dateLocale('de', 'https://zeitung.at/a', 'en-US')).toBe('de-AT');
    expect(dateLocale('en', 'https://blog.io/a', 'en-GB')).toBe('en-GB'); // .io is not a country here
    expect(dateLocale('en', 'https://x.com/a', 'de-DE')).toBe('en');
    expect(dateLocale('en_AU', null, null)).toBe('en-AU');
    expect(dateLocale(null, null, 'fr-FR')).toBe('fr-FR');
    expect(dateLocale('not a tag!', null, undefined)).toBeUndefined();
  });
  it('British pages get day-month order', () => {
    expect(formatDate(iso, dateLocale('en', 'https://www.courier.co.uk/a', 'en-US'))).toBe('20 November 2025');
    expect(formatDate(iso, 'en-US')).toBe('November 20, 2025');
  });
});

describe('reader keys', () => {
  const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, altKey: false, metaKey: false, ...extra });
  it('Esc closes the innermost layer first, then falls through to closing the reader', () => {
    expect(readerKeyAction(key('Escape'), { help: true, panel: false })).toBe('close-help');
    expect(readerKeyAction(key('Escape'), { help: false, panel: true })).toBe('close-panel');
    expect(readerKeyAction(key('Escape'), { help: false, panel: false })).toBeNull();
  });
  it('? toggles the keys, except in a form control or with a modifier', () => {
    expect(readerKeyAction(key('?'), { help: false, panel: false })).toBe('toggle-help');
    expect(readerKeyAction(key('?', { ctrlKey: true }), { help: false, panel: false })).toBeNull();
    expect(readerKeyAction({ ...key('?'), composedPath: () => [{ tagName: 'INPUT' } as unknown as EventTarget] }, { help: false, panel: false })).toBeNull();
  });
});

describe('toolbar placement', () => {
  it('uses the margin when there is room, else a bar', () => {
    expect(toolbarPlacement(1920, 680)).toBe('rail');
    expect(toolbarPlacement(1009, 680)).toBe('rail'); // 1024 minus a scrollbar
    expect(toolbarPlacement(785, 680)).toBe('bar');
    expect(toolbarPlacement(390, 680)).toBe('bar');
  });
  it('the bar hides going down past it and shows going up', () => {
    expect(barHiddenAfter(false, 0, 30, 52)).toBe(false);
    expect(barHiddenAfter(false, 100, 400, 52)).toBe(true);
    expect(barHiddenAfter(true, 400, 380, 52)).toBe(false);
    expect(barHiddenAfter(true, 400, 401, 52)).toBe(true);
  });
});

describe('page report', () => {
  it('describes URL, verdict and removed blocks as plain text', () => {
    const text = pageDiagnostic({ url: 'https://x.example/login', reason: 'not-an-article', verdict: { readable: false, kind: 'service', signals: ['words:12', 'form:1'] }, removed: [{ reason: 'upsell:gate', text: 'Sign in to\n read' }] });
    expect(text).toContain('URL: https://x.example/login');
    expect(text).toContain('Verdict: not readable, service (words:12, form:1)');
    expect(text).toContain('- upsell:gate: Sign in to read');
  });
});
