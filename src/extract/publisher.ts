/**
 * The original publisher of an aggregator page, wherever the page shows it to a reader. The adapter knows its site's
 * own markup and is asked first; then general page facts, in order of trust:
 *
 *  1. an attribution element near the headline (`provider`, `publisher`, `source`… in its class or id): its text or logo;
 *  2. JSON-LD: the article's `sourceOrganization`, `provider`, `isBasedOn.publisher`, then `publisher` (an aggregator
 *     names itself there, so a name that is the aggregator's own is skipped);
 *  3. state JSON in the page's scripts: a provider / source / publisher name;
 *  4. an attribution logo near the headline: an image whose `alt` (or `title`) names the publisher;
 *  5. the short label printed above the headline, then the page's own words: a "More from <publisher>" rail heading, a "Read the full article at <publisher>" link.
 *
 * Read before the chrome is stripped (a rail heading or a "read more" link is chrome). Never fetches anything.
 */
import type { AggregatorAdapter } from '../aggregators/adapter';
import { isControlLabel, labelBeforeHeadline } from '../aggregators/page-facts';
import { headlineOf } from '../dom/headline';
import { jsonLdObjects, scriptString, typesOf } from '../dom/json-in-script';
import { normaliseText } from '../dom/text';
import { allElements } from '../dom/walk';

/** Is `name` the aggregator itself ("MSN", "Microsoft Start", "Yahoo News", "msn.com")? */
function isAggregatorName(name: string, adapter: AggregatorAdapter): boolean {
  const n = name.toLowerCase();
  const label = adapter.label.toLowerCase();
  if (n === label || n.startsWith(`${label} `) || n.endsWith(` ${label}`)) return true;
  return adapter.hosts.some((h) => {
    const root = h.split('.')[0]!.toLowerCase();
    return n === h || n.includes(h) || n === root || n.startsWith(`${root} `) || n.startsWith(`${root}!`);
  });
}

function usable(raw: unknown, adapter: AggregatorAdapter): string | null {
  if (typeof raw !== 'string') return null;
  const name = normaliseText(raw).replace(/\s+logo$/i, '').replace(/^logo\s+(?:of\s+)?/i, '');
  if (name.length < 2 || name.length > 80 || /^https?:/i.test(name) || isControlLabel(name)) return null;
  return isAggregatorName(name, adapter) ? null : name;
}

const nameOf = (v: unknown): unknown => (v && typeof v === 'object' ? (v as { name?: unknown }).name : v);

function fromJsonLd(doc: Document, adapter: AggregatorAdapter): string | null {
  const objects = jsonLdObjects(doc).filter((o) => typesOf(o).some((t) => /Article|BlogPosting|Report|WebPage/i.test(t)));
  for (const key of ['sourceOrganization', 'provider'] as const) {
    for (const o of objects) {
      const name = usable(nameOf(o[key]), adapter);
      if (name) return name;
    }
  }
  for (const o of objects) {
    const based = o.isBasedOn;
    const name = usable(nameOf(based && typeof based === 'object' ? (based as { publisher?: unknown }).publisher : null), adapter);
    if (name) return name;
  }
  for (const o of objects) {
    const name = usable(nameOf(o.publisher), adapter);
    if (name) return name;
  }
  return null;
}

function fromState(doc: Document, adapter: AggregatorAdapter): string | null {
  const tries: Array<[string, string | undefined]> = [
    ['providerName', undefined], ['sourceName', undefined], ['publisherName', undefined], ['providerDisplayName', undefined],
    ['name', 'provider'], ['displayName', 'provider'], ['name', 'source'], ['name', 'publisher'],
  ];
  for (const [key, inside] of tries) {
    const name = usable(scriptString(doc, key, { inside, max: 80 }), adapter);
    if (name) return name;
  }
  return null;
}

const ATTRIBUTION = /provider|publisher|source|attribution|partner|brand|logo/i;

/** A logo next to the headline whose `alt`/`title` names the publisher (the attribution wordmark). */
function fromLogo(doc: Document, adapter: AggregatorAdapter): string | null {
  const body = doc.body;
  const headline = headlineOf(doc);
  if (!body || !headline) return null;
  const elements = allElements(body);
  const at = elements.indexOf(headline);
  for (let d = 1; d <= 40; d++) {
    for (const i of [at - d, at + d]) {
      const el = elements[i];
      if (!el || el.tagName !== 'IMG') continue;
      const alt = el.getAttribute('alt') ?? el.getAttribute('title');
      if (!alt) continue;
      const holder = el.closest('a, figure, div, span, header');
      const hint = `${el.getAttribute('class') ?? ''} ${holder?.getAttribute('class') ?? ''} ${holder?.getAttribute('aria-label') ?? ''} ${el.getAttribute('src') ?? ''}`;
      if (el.closest('figure') && !ATTRIBUTION.test(hint)) continue; // a photo's alt describes the photo
      if (!ATTRIBUTION.test(hint) && !/\blogo\b/i.test(alt)) continue;
      const name = usable(alt, adapter);
      if (name) return name;
    }
  }
  return null;
}

/** Class/id tokens of an attribution element: the box that names the story's source. */
const ATTRIBUTION_TOKEN = /^(provider|publisher|source|attribution|partner|outlet)$/;

function tokens(el: Element): string[] {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('data-testid') ?? ''}`
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Text of an attribution element without its date or age ("· 2d", "• 3h"). */
function nameText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Element): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1 && !/^(BUTTON|TIME|SCRIPT|STYLE)$/.test((c as Element).tagName) && (c as Element).getAttribute('role') !== 'button') {
        walk(c as Element);
      }
    }
  };
  walk(el);
  return normaliseText(parts.join(' '))
    .split(/\s*[•·|]\s*/)
    .map((p) => p.trim())
    .filter((p) => p && !/^\d+\s*[a-z]{0,5}\.?$/i.test(p) && !/\b(?:ago|min read)\b/i.test(p))[0] ?? '';
}

/**
 * An attribution element near the headline (class or id token `provider`, `publisher`, `source`, `attribution`…),
 * outside links to other stories: its text, else its logo's `alt` or `title`.
 */
function fromAttribution(doc: Document, adapter: AggregatorAdapter): string | null {
  const body = doc.body;
  const headline = headlineOf(doc);
  if (!body || !headline) return null;
  const elements = allElements(body);
  const at = elements.indexOf(headline);
  for (let d = 1; d <= 60; d++) {
    for (const i of [at - d, at + d]) {
      const el = elements[i];
      if (!el || !tokens(el).some((t) => ATTRIBUTION_TOKEN.test(t))) continue;
      const link = el.closest('a');
      if (link && link.querySelector('h2, h3, h4')) continue; // a story card in a rail credits its own source
      const text = nameText(el);
      const name = usable(text.length <= 60 ? text : null, adapter) ??
        usable(el.querySelector('img[alt]')?.getAttribute('alt') ?? el.querySelector('[title]')?.getAttribute('title') ?? null, adapter);
      if (name) return name;
    }
  }
  return null;
}

const MORE_FROM = /^more (?:from|by) (.{2,60}?)[\s:.!?…»>›→-]*$/i;
const FULL_ARTICLE_AT = /\bread (?:the )?(?:full|original|whole|complete) (?:article|story) (?:at|on) (.{2,60}?)[\s.!…»>›→-]*$/i;

function fromWords(doc: Document, adapter: AggregatorAdapter): string | null {
  const body = doc.body;
  if (!body) return null;
  for (const el of Array.from(body.querySelectorAll('h2, h3, h4, [role="heading"], a'))) {
    const t = normaliseText(el.textContent ?? '');
    if (t.length > 90) continue;
    const m = (el.tagName === 'A' ? FULL_ARTICLE_AT : MORE_FROM).exec(t);
    // A name, not "more from this author" / "more from our partners".
    const name = m?.[1] && /^[\p{Lu}\p{N}\p{Lo}]/u.test(m[1]) ? usable(m[1], adapter) : null;
    if (name) return name;
  }
  return null;
}

export function findPublisher(doc: Document, url: string, adapter: AggregatorAdapter): string | null {
  if (adapter.ownContent) return null; // the platform's own summaries or posts: there is no original publisher
  return (
    usable(adapter.publisher?.(doc, url) ?? null, adapter) ??
    fromAttribution(doc, adapter) ??
    fromJsonLd(doc, adapter) ??
    fromState(doc, adapter) ??
    fromLogo(doc, adapter) ??
    usable(labelBeforeHeadline(doc), adapter) ??
    fromWords(doc, adapter)
  );
}
