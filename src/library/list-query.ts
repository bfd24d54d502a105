/** The popup's view of the list: filter, then sort (pure; search is applied by search.ts). */
import type { IndexEntry } from './schema';

export const FILTERS = ['unread', 'favourites', 'archived', 'all'] as const;
export const SORTS = ['newest', 'oldest', 'site', 'readingTime'] as const;
export type ListFilter = (typeof FILTERS)[number];
export type ListSort = (typeof SORTS)[number];

export function matchesFilter(e: IndexEntry, filter: ListFilter): boolean {
  switch (filter) {
    case 'unread': return !e.read && !e.archived;
    case 'favourites': return e.favourite;
    case 'archived': return e.archived;
    case 'all': return true;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function siteLabel(e: IndexEntry): string {
  if (e.siteName) return e.siteName;
  try {
    return new URL(e.url).hostname.replace(/^www\./, '');
  } catch {
    return e.url;
  }
}

export function sortEntries(entries: readonly IndexEntry[], sort: ListSort): IndexEntry[] {
  const out = [...entries];
  switch (sort) {
    case 'newest': return out.sort((a, b) => b.savedAt - a.savedAt || collator.compare(a.title, b.title));
    case 'oldest': return out.sort((a, b) => a.savedAt - b.savedAt || collator.compare(a.title, b.title));
    case 'site': {
      const labels = new Map(out.map((e) => [e.id, siteLabel(e)]));
      return out.sort((a, b) => collator.compare(labels.get(a.id)!, labels.get(b.id)!) || b.savedAt - a.savedAt);
    }
    case 'readingTime': return out.sort((a, b) => (a.linkOnly ? 1 : 0) - (b.linkOnly ? 1 : 0) || a.readingTimeMinutes - b.readingTimeMinutes || b.savedAt - a.savedAt);
  }
}

export function countByFilter(entries: readonly IndexEntry[]): Record<ListFilter, number> {
  const counts = { unread: 0, favourites: 0, archived: 0, all: entries.length };
  for (const e of entries) {
    if (!e.read && !e.archived) counts.unread++;
    if (e.favourite) counts.favourites++;
    if (e.archived) counts.archived++;
  }
  return counts;
}
