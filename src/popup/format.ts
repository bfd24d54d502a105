/** Display formats of the library page (pure). */
import { t } from '../i18n/t';
import type { IndexEntry } from '../library/schema';

// One formatter per locale and style, made once: building an Intl.DateTimeFormat costs far more than using one,
// and every row of the list shows a date (the first screen alone builds twenty).
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string | undefined, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${withYear}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, withYear ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' });
    dateFormats.set(key, f);
  }
  return f;
}

export function savedDate(ms: number, now: number, locale: string | undefined): string {
  const d = new Date(ms);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  try {
    return dateFormat(locale, !sameYear).format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

export function readingTimeLabel(e: IndexEntry): string {
  return e.linkOnly ? t('linkOnly') : t('readingTime', Math.max(1, e.readingTimeMinutes));
}

export function parseTags(input: string): string[] {
  return [...new Set(input.split(',').map((s) => s.trim()).filter((s) => s.length > 0 && s.length <= 64))].slice(0, 50);
}

// The first strong character decides (as `dir="auto"` does): Hebrew, Arabic, Syriac, Thaana, N'Ko… are right to left.
const RTL_FIRST = /^[^A-Za-z\u00C0-\u02B8\u0370-\u058F\u0900-\u1FFF\u2C00-\uFB1C\uFE00-\uFE6F\uFF00-\uFFFF]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;

/** The direction of a row: its title's, so title and meta line sit on the same side (an Arabic title and its site). */
export function textDir(text: string): 'rtl' | 'ltr' {
  return RTL_FIRST.test(text) ? 'rtl' : 'ltr';
}
