/**
 * The reader shows title, byline and date in its own header, so the body should not repeat them: a leading block
 * that only restates the title, only the byline ("By Mara Lindqvist"), or the byline/date line ("Staff reporter ·
 * 20 November 2025, 09:12", "Updated 14 Mar 2025") is removed from the extracted body. A date-only line goes only
 * when the article has a published date of its own for the header.
 */
import { normaliseText } from '../dom/text';

const norm = (s: string | null | undefined): string =>
  normaliseText(s ?? '').toLowerCase().replace(/^(by|von|par|por|di|door)\s+/, '');

/** Blocks this long or longer are prose, never a byline/date line. */
const MAX_LINE = 140;

export function dropRepeatedHeader(root: Element, title: string, byline: string | null, publishedTime: string | null = null, lang: string | null = null): void {
  const t = norm(title);
  const b = norm(byline);
  const blocks = Array.from(root.querySelectorAll('h1, h2, p, div, span, address, time')).slice(0, 12);
  for (const el of blocks) {
    if (!root.contains(el) || el.querySelector('img, figure, table')) continue; // gone with an earlier block
    const text = norm(el.textContent);
    if (!text) continue;
    const extraWords = b && text.endsWith(b) ? text.slice(0, text.length - b.length).trim().split(/\s+/).filter(Boolean).length : Infinity;
    // "By Ann Lee", "بقلم ليلى حداد", "Texte : Ann Lee": the byline with at most two words before it.
    if ((t && text === t) || (b && extraWords <= 2)) {
      el.remove();
      continue;
    }
    if (text.length >= MAX_LINE) continue;
    const rest = b && text.includes(b) ? text.replace(b, ' ') : text;
    if (rest !== text ? isDateOnly(rest, lang, true) : publishedTime !== null && isDateOnly(rest, lang, false)) el.remove();
  }
}

const monthCache = new Map<string, Set<string>>();

/** Month and weekday names (long and short) in `lang` and English, lowercased without dots. */
function calendarWords(lang: string | null): Set<string> {
  const key = lang ?? '';
  let words = monthCache.get(key);
  if (words) return words;
  words = new Set<string>();
  for (const locale of new Set(['en', ...(lang ? [lang] : [])])) {
    try {
      for (const month of ['long', 'short'] as const) {
        const f = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
        for (let m = 0; m < 12; m++) words.add(f.format(Date.UTC(2001, m, 15)).toLowerCase().replace(/\./g, ''));
      }
      for (const weekday of ['long', 'short'] as const) {
        const f = new Intl.DateTimeFormat(locale, { weekday, timeZone: 'UTC' });
        for (let d = 0; d < 7; d++) words.add(f.format(Date.UTC(2001, 0, 1 + d)).toLowerCase().replace(/\./g, ''));
      }
    } catch {
      // an unknown language tag: English names still apply
    }
  }
  monthCache.set(key, words);
  return words;
}

/** Words a dateline carries besides the date itself. */
const DATELINE_WORDS = /^(updated|update|published|posted|last|modified|on|at|um|am|pm|a\.m|p\.m|gmt|utc|bst|cet|cest|est|edt|pst|pdt|uhr|le|à|el|de|del|min|mins|minute|minutes|read|lesezeit|aktualisiert|veröffentlicht|stand)$/;

/** True when the text is a date (and time) and nothing else: digits, month/weekday names, a few dateline words. */
function isDateOnly(text: string, lang: string | null, withByline: boolean): boolean {
  const tokens = text.replace(/[·•|,–—/:()[\]]+/g, ' ').replace(/(\d)\.(?=\s|$)/g, '$1').split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return withByline; // the byline and separators only
  if (!tokens.some((w) => /\d/.test(w))) return false;
  const names = calendarWords(lang);
  return tokens.every((w) => /^[\d.:-]+(st|nd|rd|th|h)?$/.test(w) || names.has(w.replace(/\./g, '')) || DATELINE_WORDS.test(w));
}
