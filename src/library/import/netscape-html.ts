/**
 * Netscape bookmark HTML (every browser's bookmark export; Pocket's legacy `ril_export.html`; Unwrap's own HTML
 * export). Every `<a href>` is a row: `ADD_DATE` (Unix seconds) is the saved time, `TAGS` (comma-separated) the
 * tags, a following `<DD>` the excerpt. The enclosing folder or section heading gives the state: a name with
 * "archive" means archived, "read" (not "unread") means read. Parsed with the page's own DOMParser (passed in).
 */
import { cleanTags, nonEmpty, validateRow } from './row-item';
import { excerptOf, ImportFileError, unixSeconds, type ParsedImport, type RowProblem } from './types';

export function parseNetscapeHtml(html: string, parser: DOMParser): ParsedImport {
  const doc = parser.parseFromString(html, 'text/html');
  const links = Array.from(doc.querySelectorAll('a[href]'));
  if (links.length === 0) throw new ImportFileError('No links found: this does not look like a bookmark (Netscape HTML) file.');
  const items: ParsedImport['items'] = [];
  const invalid: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  links.forEach((a, i) => {
    const row = i + 1;
    const rowWarnings: RowProblem[] = [];
    const href = (a.getAttribute('href') ?? '').trim();
    const addDate = a.getAttribute('add_date') ?? a.getAttribute('time_added');
    let savedAt: number | undefined;
    if (addDate) {
      const ts = unixSeconds(addDate);
      if (ts === null) rowWarnings.push({ row, reason: `ADD_DATE "${excerptOf(addDate)}" is not a date: saved with the import date`, excerpt: excerptOf(href) });
      else savedAt = ts;
    }
    const section = sectionOf(a).toLowerCase();
    const archived = /archiv/.test(section);
    const read = archived || (/\bread\b/.test(section) && !/unread/.test(section));
    const raw = {
      url: href,
      title: nonEmpty(a.textContent?.replace(/\s+/g, ' ')),
      savedAt,
      tags: cleanTags(row, (a.getAttribute('tags') ?? '').split(','), rowWarnings),
      excerpt: descriptionOf(a)?.slice(0, 1000) ?? null,
      read,
      archived,
    };
    const outcome = validateRow(row, raw, href || a.textContent, rowWarnings);
    if (outcome.item) items.push(outcome.item);
    if (outcome.invalid) invalid.push({ ...outcome.invalid, reason: /^url:/.test(outcome.invalid.reason) ? `link ${row}: ${outcome.invalid.reason}` : outcome.invalid.reason });
    warnings.push(...outcome.warnings);
  });
  return { format: 'netscape-html', items, invalid, warnings, quarantine: [] };
}

/** The nearest folder name (`<DT><H3>` before the link's `<DL>`) or section heading (`<h1>` before a `<ul>`). */
function sectionOf(a: Element): string {
  for (let el: Element | null = a.parentElement; el; el = el.parentElement) {
    if (el.tagName === 'DL' || el.tagName === 'UL' || el.tagName === 'OL') {
      let prev = el.previousElementSibling;
      while (prev && !/^H[1-6]$/.test(prev.tagName) && prev.tagName !== 'DT' && prev.tagName !== 'P') prev = prev.previousElementSibling;
      if (prev && /^H[1-6]$/.test(prev.tagName)) return prev.textContent ?? '';
      const h = el.parentElement?.tagName === 'DT' ? el.parentElement.querySelector(':scope > h3, :scope > h2, :scope > h1') : null;
      if (h) return h.textContent ?? '';
    }
  }
  return '';
}

function descriptionOf(a: Element): string | undefined {
  const dt = a.closest('dt');
  let next = dt?.nextElementSibling ?? a.nextElementSibling;
  if (next?.tagName === 'DD') return nonEmpty(next.textContent?.replace(/\s+/g, ' '));
  next = a.parentElement?.querySelector(':scope > dd') ?? null;
  return next ? nonEmpty(next.textContent?.replace(/\s+/g, ' ')) : undefined;
}
