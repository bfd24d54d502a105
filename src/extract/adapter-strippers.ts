/**
 * An adapter's declarative rules (selector rules and text rules, `src/aggregators/<site>.ts`) as a stripper: each
 * match is removed with the reason `aggregator:<site>:<reason>`, never the article itself (a real share of the prose or
 * the headline), and text rules with `scope: 'block'` grow to their widget by the generic detector's climbing rules.
 */
import type { AggregatorAdapter } from '../aggregators/adapter';
import type { BlockStripper, BlockToRemove } from '../cleanup/block-stripper';
import { growToBlocks } from '../cleanup/climb';
import { linkDensity } from '../dom/links';
import { ProseMap } from '../dom/prose-map';
import { SelectorIndex } from '../dom/selector';
import { smallestMatching, textLines } from '../dom/text-lines';
import { allElements, depth } from '../dom/walk';

/** Share of the page's prose above which an element is the article: no rule may remove it. */
const ARTICLE_SHARE = 0.4;

export function adapterStrippers(adapter: AggregatorAdapter): BlockStripper[] {
  if ((adapter.strip ?? []).length === 0 && (adapter.stripText ?? []).length === 0) return [];
  const rules = adapter.strip ?? [];
  const index = new SelectorIndex(rules.map((r) => r.selector));
  return [
    {
      id: `aggregator:${adapter.id}`,
      find(doc) {
        const body = doc.body;
        if (!body) return [];
        const prose = new ProseMap(body);
        const elements = allElements(body);
        const headlines = elements.filter((e) => e.tagName === 'H1');
        const safe = (el: Element): boolean =>
          el !== body && prose.share(el) <= ARTICLE_SHARE && !headlines.some((h) => el.contains(h));
        const out: BlockToRemove[] = [];
        const reason = (r: string): string => `aggregator:${adapter.id}:${r}`;
        index.match(body, elements).forEach((found, i) => {
          const rule = rules[i]!;
          for (const f of found) {
            const el = rule.upTo ? closestOrNull(f, rule.upTo) : f;
            if (!el) continue; // `upTo` names a wrapper that is not there: leave the element to the other rules
            if (rule.minLinkDensity !== undefined && linkDensity(el) < rule.minLinkDensity) continue;
            if (safe(el)) out.push({ element: el, reason: reason(rule.reason) });
          }
        });
        const textRules = adapter.stripText ?? [];
        const lines = textRules.length > 0 ? textLines(body) : [];
        const grow: Element[] = [];
        const growReasons: string[] = [];
        for (const rule of textRules) {
          for (const el of smallestMatching(lines, rule.pattern)) {
            if (rule.scope === 'block') {
              grow.push(el);
              growReasons.push(rule.reason);
            } else if (safe(el)) out.push({ element: el, reason: reason(rule.reason) });
          }
        }
        growToBlocks(doc, grow).forEach((el, i) => {
          if (safe(el)) out.push({ element: el, reason: reason(growReasons[i]!) });
        });
        // Outermost first, so a block inside one already removed is skipped rather than recorded twice; empty
        // elements (ad slots) are removed without a record only when they hold nothing a reader would see.
        return out
          .filter((b) => (b.element.textContent ?? '').trim() !== '' || hasMedia(b.element))
          .sort((a, b) => depth(a.element) - depth(b.element));
      },
    },
  ];
}

function hasMedia(el: Element): boolean {
  return el.getElementsByTagName('img').length > 0 || el.getElementsByTagName('iframe').length > 0;
}

function closestOrNull(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}
