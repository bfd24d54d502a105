/** What exports are made from: each index entry with its article body (null for links and missing texts). */
import type { ArticleBody, IndexEntry } from '../schema';

export interface ExportItem extends IndexEntry {
  readonly body: ArticleBody | null;
}

export const isoDate = (ms: number): string => new Date(ms).toISOString();
export const dayOf = (ms: number): string => isoDate(ms).slice(0, 10);
export const statusOf = (e: IndexEntry): 'unread' | 'read' | 'archive' => (e.archived ? 'archive' : e.read ? 'read' : 'unread');
