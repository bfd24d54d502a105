/**
 * Word count and reading time, language-aware. Rates are silent-reading speeds for standardised texts
 * (Trauzettel-Klosinski & Dietz, IReST, 2012): words per minute, or characters per minute for languages
 * written without spaces, which are counted by characters.
 */
const WORDS_PER_MINUTE: Record<string, number> = {
  en: 228, de: 179, fr: 195, es: 218, it: 188, pt: 181, nl: 202, pl: 166, ru: 184, ar: 138, he: 187,
  tr: 166, fi: 161, sv: 218, da: 200, no: 200, nb: 200, cs: 180, hu: 180, el: 180, uk: 184, fa: 140,
};
const CHARS_PER_MINUTE: Record<string, number> = { zh: 255, ja: 357, ko: 280, th: 250 };
const DEFAULT_WPM = 200;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u0e00-\u0e7f]/g;

export interface ReadingStats {
  readonly wordCount: number;
  readonly readingTimeMinutes: number;
}

export function readingStats(text: string, lang: string | null): ReadingStats {
  const primary = (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  const cjkChars = (text.match(CJK) ?? []).length;
  const words = text.replace(CJK, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (cjkChars > words) {
    const cpm = CHARS_PER_MINUTE[primary] ?? guessCjkRate(text);
    const minutes = cjkChars / cpm + words / DEFAULT_WPM;
    return { wordCount: words + cjkChars, readingTimeMinutes: Math.max(1, Math.round(minutes)) };
  }
  const wpm = WORDS_PER_MINUTE[primary] ?? DEFAULT_WPM;
  return { wordCount: words, readingTimeMinutes: Math.max(1, Math.round(words / wpm)) };
}

function guessCjkRate(text: string): number {
  if (/[\u3040-\u30ff]/.test(text)) return CHARS_PER_MINUTE.ja!;
  if (/[\uac00-\ud7af]/.test(text)) return CHARS_PER_MINUTE.ko!;
  if (/[\u0e00-\u0e7f]/.test(text)) return CHARS_PER_MINUTE.th!;
  return CHARS_PER_MINUTE.zh!;
}
