/** Formatting of dates and hosts for display (pure). */
export function formatDate(iso: string | null, locale: string | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(d);
  } catch {
    return d.toISOString().slice(0, 10); // unknown locale tag: ISO date is still readable
  }
}

/** Country-code domains that sites use for their letters, not their country (`.io`, `.tv`, `.me`…). */
const GENERIC_CCTLDS = new Set(['io', 'co', 'tv', 'me', 'ai', 'fm', 'ly', 'to', 'gg', 'cc', 'ws', 'so', 'sh', 'am', 'nu', 'tk', 'ac', 'la', 'im', 'vc', 'xyz']);

/**
 * The locale an article's dates are written in: its language with a region when one is known. A bare language
 * (`lang="en"`) takes the region of the site's country domain (`.co.uk` → en-GB, `.at` → de-AT), else the UI
 * locale's region when the UI speaks the same language, else stays bare. Null without a usable language.
 */
export function dateLocale(lang: string | null, siteUrl: string | null, uiLocale: string | null | undefined): string | undefined {
  const tag = canonical(lang);
  if (!tag) return canonical(uiLocale) ?? undefined;
  const loc = new Intl.Locale(tag);
  if (loc.region) return tag;
  const tld = hostOf(siteUrl)?.split('.').pop()?.toLowerCase();
  if (tld && /^[a-z]{2}$/.test(tld) && !GENERIC_CCTLDS.has(tld)) {
    const withRegion = canonical(`${loc.language}-${tld === 'uk' ? 'GB' : tld.toUpperCase()}`);
    if (withRegion && Intl.DateTimeFormat.supportedLocalesOf(withRegion).length > 0) return withRegion;
  }
  const ui = canonical(uiLocale);
  if (ui && new Intl.Locale(ui).language === loc.language && new Intl.Locale(ui).region) return ui;
  return tag;
}

function canonical(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
