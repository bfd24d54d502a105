/**
 * inkl (inkl.com and its mirror d33gy59ovltp76.cloudfront.net): publisher articles inside inkl's subscription pitch.
 * No list rule or public selector exists for inkl (aggregators.md §2.1), so everything here works by text and
 * position: the header pitch, the publisher label shown twice above the headline, the sign-up footer and the rails.
 */
import { defineAdapter, type AggregatorAdapter, type AggregatorDetector, type TextRule } from './adapter';
import { leadingText } from './fingerprint';
import { findSourceUrl } from './source-url';
import { scriptString } from '../dom/json-in-script';
import { paragraphsBefore } from '../dom/paragraphs';
import { normaliseText } from '../dom/text';
import { smallestBlocksMatching } from '../dom/text-lines';

const HOSTS = ['inkl.com', 'd33gy59ovltp76.cloudfront.net'];

export const inklDetector: AggregatorDetector = {
  id: 'inkl',
  label: 'inkl',
  hosts: HOSTS,
  // The header pitch on any host (mirrors): "Get all your news in one place. 100's of premium titles. … Start reading".
  fingerprint: (doc) => {
    const top = leadingText(doc, 2000);
    return top.includes('get all your news in one place') && (top.includes('premium titles') || top.includes('start reading'));
  },
};

/** inkl's own chrome, line by line (§2.1). `block` grows a heading to its rail or a pitch line to its banner. */
const TEXT_RULES: readonly TextRule[] = [
  { pattern: /^get all your news in one place\.?$/i, reason: 'pitch', scope: 'block' },
  { pattern: /^100's of premium titles\.?$/i, reason: 'pitch', scope: 'block' },
  { pattern: /^one app\.?$/i, reason: 'pitch', scope: 'block' },
  { pattern: /^start reading$/i, reason: 'pitch', scope: 'block' },
  // On inkl the sign-up box follows full articles too, so it is not a paywall gate by itself (see isTeaser).
  { pattern: /^sign up to read this article\.?$/i, reason: 'signup-box', scope: 'block' },
  { pattern: /^read news from 100's of titles/i, reason: 'signup-box', scope: 'block' },
  { pattern: /^(start your )?free trial$/i, reason: 'signup-box', scope: 'block' },
  { pattern: /^already a member\? ?sign in( here)?\.?$/i, reason: 'signin', scope: 'block' },
  { pattern: /^related stories$/i, reason: 'rail', scope: 'block' },
  { pattern: /^top stories on inkl( right now)?$/i, reason: 'rail', scope: 'block' },
  { pattern: /^our picks$/i, reason: 'rail', scope: 'block' },
  { pattern: /^one subscription that gives you access to news from hundreds of sites\.?$/i, reason: 'pitch', scope: 'block' },
  { pattern: /^fourteen days free\.?$/i, reason: 'trial', scope: 'block' },
  { pattern: /^download the app\.?$/i, reason: 'app', scope: 'block' },
  { pattern: /^one app\. one membership\./i, reason: 'pitch', scope: 'block' },
  { pattern: /^100\+ trusted global sources\.?$/i, reason: 'pitch', scope: 'block' },
];

const PUBLISHER_LINK = /\/publishers\/[^/?#]+\/?$/;

/** Links to a publisher page (`/publishers/<slug>`), in document order, outside story cards. */
function publisherLinks(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('a[href*="/publishers/"]')).filter((a) => {
    const href = a.getAttribute('href') ?? '';
    let path: string;
    try {
      path = new URL(href, 'https://www.inkl.com/').pathname;
    } catch {
      return false;
    }
    const text = normaliseText(a.textContent ?? '');
    return PUBLISHER_LINK.test(path) && text.length > 1 && text.length <= 60;
  });
}

/** Before the headline: the label inkl prints twice ("The Guardian - UK"). */
function publisherLabel(doc: Document): string | null {
  const h1 = doc.querySelector('h1');
  const links = publisherLinks(doc).filter((a) => !h1 || (a.compareDocumentPosition(h1) & 4) !== 0);
  const first = links[0];
  if (first) return normaliseText(first.textContent ?? '');
  return repeatedLeadLine(doc) ?? stateName(doc);
}

/** Text position fallback: after the pitch, the first short line printed again within the next few lines. */
function repeatedLeadLine(doc: Document): string | null {
  const lines = leafLines(doc, 60);
  const pitchEnd = lines.findIndex((l) => /^start reading$/i.test(l));
  for (let i = pitchEnd + 1; i < lines.length && i <= pitchEnd + 12; i++) {
    const line = lines[i]!;
    if (line.length > 50 || /^(one app|start reading|get all your news)/i.test(line)) continue;
    if (lines.slice(i + 1, i + 4).includes(line)) return line;
  }
  return null;
}

/** Text of the first `max` leaf elements (no element children) in the body, in document order. */
function leafLines(doc: Document, max: number): string[] {
  const out: string[] = [];
  const walk = (el: Element): void => {
    for (let c = el.firstElementChild; c && out.length < max; c = c.nextElementSibling) {
      if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG)$/i.test(c.tagName)) continue;
      if (c.firstElementChild) walk(c);
      else {
        const t = normaliseText(c.textContent ?? '');
        if (t) out.push(t);
      }
    }
  };
  if (doc.body) walk(doc.body);
  return out;
}

/** The page state inkl embeds as JSON: `"publisher":{…"name":"The Independent"}`. */
function stateName(doc: Document): string | null {
  return scriptString(doc, 'name', { inside: 'publisher', max: 80 });
}

/** The author line: the parent of the first author link before the headline (the link alone when a date shares it). */
function bylineHint(doc: Document): Element | null {
  const h1 = doc.querySelector('h1');
  const author = Array.from(doc.querySelectorAll('a[href*="/authors/"]')).find(
    (a) => !h1 || (a.compareDocumentPosition(h1) & 4) !== 0,
  );
  if (!author) return null;
  const line = author.parentElement;
  if (!line || line === doc.body || line.querySelector('time') || normaliseText(line.textContent ?? '').length > 100) return author;
  return line;
}

const GATE = /^sign up to read this article\.?$/i;

/** A preview: the sign-up box comes after only a few paragraphs (on inkl it also follows full articles). */
function isTeaser(doc: Document): boolean {
  const gate = smallestBlocksMatching(doc, GATE)[0];
  return gate !== undefined && paragraphsBefore(doc, gate) < 5;
}

export const inkl: AggregatorAdapter = /* @__PURE__ */ defineAdapter(inklDetector, {
  stripText: TEXT_RULES,
  publisher: (doc) => publisherLabel(doc),
  sourceUrl: (doc, url) => findSourceUrl(doc, url, { aggregatorHosts: HOSTS }),
  isTeaser,
  bylineHint,
});
