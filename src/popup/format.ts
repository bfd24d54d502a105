/** Display formats of the library page (pure). */
import { t } from '../i18n/t';
import type { IndexEntry } from '../library/schema';

export function savedDate(ms: number, now: number, locale: string | undefined): string {
  const d = new Date(ms);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  try {
    return new Intl.DateTimeFormat(locale, sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
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
