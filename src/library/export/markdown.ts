/** Markdown export: a readable list grouped by state, one line per item with its link, site, time and tags. */
import type { IndexEntry } from '../schema';
import { dayOf } from './types';

/** Escape Markdown link text and plain text so titles cannot inject links, images or HTML. */
const text = (s: string): string => s.replace(/\s+/g, ' ').replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1');
const url = (s: string): string => s.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

export function toMarkdown(entries: readonly IndexEntry[], now: number): string {
  const sections: [string, IndexEntry[]][] = [
    ['Unread', entries.filter((e) => !e.read && !e.archived)],
    ['Read', entries.filter((e) => e.read && !e.archived)],
    ['Archived', entries.filter((e) => e.archived)],
  ];
  const out = [`# Unwrap library`, '', `Exported ${dayOf(now)} · ${entries.length} item${entries.length === 1 ? '' : 's'}`, ''];
  for (const [title, list] of sections) {
    if (list.length === 0) continue;
    out.push(`## ${title}`, '');
    for (const e of list) {
      const meta = [
        e.siteName ? text(e.siteName) : null,
        e.readingTimeMinutes > 0 ? `${e.readingTimeMinutes} min` : null,
        `saved ${dayOf(e.savedAt)}`,
        e.favourite ? '★' : null,
        e.tags.length ? e.tags.map((t) => `#${text(t)}`).join(' ') : null,
      ].filter(Boolean).join(' · ');
      out.push(`- [${text(e.title)}](${url(e.url)}) — ${meta}`);
      if (e.excerpt) out.push(`  > ${text(e.excerpt)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
