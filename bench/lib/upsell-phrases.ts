/**
 * The leakage counter for corpus pages without hand-written phrase lists: aggregators.md §4 patterns (gate,
 * member, trial, app, newsletter, rail), kept here independent of the product's own phrase tables so that the
 * bench does not grade the detector with its own answers. English plus the few other languages §4 lists.
 * Text is normalised as §4 says: collapse whitespace, fold ’ to ', case-insensitive.
 */
export const LEAK_PATTERNS: ReadonlyArray<readonly [shape: string, re: RegExp]> = [
  ['gate', /\bsign (?:up|in) to (?:read|continue|view)\b/i],
  ['gate', /\b(?:subscribe|register|log ?in) to (?:continue|keep) reading\b/i],
  ['gate', /\b(?:read|continue reading) (?:the full|this) (?:article|story)\b/i],
  ['gate', /\bsubscribe to (?:read|continue|unlock)\b/i],
  ['gate', /\bunlock (?:this|the full) article\b/i],
  ['gate', /\b(?:subscribers only|this article is for subscribers|create a free account)\b/i],
  ['member', /\balready (?:a )?(?:member|subscriber|have an account)\??\s*(?:sign|log) ?in\b/i],
  ['trial', /\b(?:\d+|one|two|seven|fourteen|thirty)[ -](?:day|days|week|weeks|month) (?:free|trial)\b/i],
  ['trial', /\b(?:start (?:your )?)?free trial\b/i],
  ['trial', /\bcancel anytime\b/i],
  ['trial', /\$\d+(?:\.\d\d)?\s*\/\s*(?:mo|month|week)\b/i],
  ['app', /\b(?:download (?:the|our) app|get the app|open in (?:the )?app|continue (?:reading )?in the app)\b/i],
  ['app', /\b(?:available|get it) on (?:the )?(?:app store|google play)\b/i],
  ['app', /\bscan (?:this|the) qr code\b/i],
  ['newsletter', /\bsign up (?:for|to) (?:our|the) [\w ]{0,40}newsletter\b/i],
  ['newsletter', /\b(?:subscribe to (?:our )?newsletter|enter your email|get (?:an|our) email)\b/i],
  ['value', /\ball (?:your|the) news in one place\b/i],
  ['value', /\bone (?:app|membership|subscription)\b/i],
];

/** Recirculation labels count only as a whole line (a heading), not inside prose. */
export const RAIL_LABELS = [
  'related stories', 'related articles', 'related', 'our picks', 'more from', 'recommended', 'recommended for you',
  'trending', 'trending now', 'read next', 'read more', 'you might also like', 'you may also like', 'more stories',
  'most popular', 'most read', 'top stories', 'more on this', 'up next',
];

export function normalisePhraseText(s: string): string {
  return s.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

export interface LeakHit {
  readonly shape: string;
  readonly text: string;
}

export function leakHits(text: string): LeakHit[] {
  const hits: LeakHit[] = [];
  const flat = normalisePhraseText(text);
  for (const [shape, re] of LEAK_PATTERNS) {
    const g = new RegExp(re.source, 'gi');
    for (const m of flat.matchAll(g)) hits.push({ shape, text: m[0] });
  }
  for (const line of text.split(/\n+/)) {
    const l = normalisePhraseText(line).replace(/[:.!?»›>\s]+$/, '');
    if (RAIL_LABELS.includes(l)) hits.push({ shape: 'rail', text: l });
  }
  return hits;
}

/** Phrase presence for the fixtures' mustInclude / mustExclude lists. */
export function containsPhrase(text: string, phrase: string): boolean {
  return normalisePhraseText(text).includes(normalisePhraseText(phrase));
}
