/**
 * The generic upsell detector (aggregators.md §5): scores blocks, never the page.
 *
 *  1. Lines: the smallest elements whose text matches a §4 phrase (any shipped language), when they read like a
 *     label or a pitch rather than running prose.
 *  2. Blocks: each line climbs to the largest ancestor that adds almost no text of its own (outside links and other
 *     matched lines) and holds at most ~40% of the page's prose; §3 selectors and strong class tokens seed more blocks.
 *  3. Score: phrase weight by shape, short text, link density, sign-in/plans/app-store links, e-mail fields,
 *     dialogs and fixed layers, class/id tokens; minus running prose and in-article position. Remove above a threshold.
 *
 * Hard rules: never a block holding a real share of the article (prose share, headline, article body), and never
 * the token `ads` as a signal. Every removal carries the reason `upsell:<shape>`.
 */
import type { BlockStripper, BlockToRemove } from '../extract/strip-upsells';
import { matchShapes, SHAPES, type PhraseShape } from './phrases';
import {
  hasAppHref, hasAuthHref, hasEmailInput, hasNewsletterHref, isOverlay, isSentenceLike, linkDensity, tokenSignal, wordsIn,
} from './signals';
import { countWords, normaliseText, ProseMap, textOf } from './text-blocks';

export type BlockShape = PhraseShape | 'overlay';

/** Phrase weight per shape: gate and member highest, rail and support lowest (§5.2). */
export const SHAPE_WEIGHT: Readonly<Record<PhraseShape, number>> = {
  gate: 4, member: 4, value: 3, trial: 3, app: 3, newsletter: 3, cookie: 3, chrome: 3, share: 2.5, support: 2, rail: 2,
};

/** Shapes whose phrases are whole-line labels ("Related Stories", "Share", "Advertisement"). */
const LABEL_SHAPES: ReadonlySet<PhraseShape> = new Set(['rail', 'share', 'chrome']);

export const REMOVE_THRESHOLD = 5;

/** Share of the page's prose above which an element is "the article" and never a candidate. */
const ARTICLE_SHARE = 0.4;
/** Lines longer than this many words count only when the phrase covers a good part of them. */
const LINE_MAX_WORDS = 30;
/** Text a block may add around its lines while climbing (characters outside links and matched lines). */
const CLIMB_FREE_TEXT = 120;
const CLIMB_FREE_TEXT_LINKY = 400;

/** Maintained-list selectors (aggregators.md §3) with the shape they imply. */
const SEEDS: ReadonlyArray<readonly [string, BlockShape]> = [
  [
    'amp-app-banner, .smartbanner, .smartbanner-container, .smartbanner--ios, .smartbanner--android, #smartbanner, ' +
      '.mobile-app-banner, .open-app-banner, .native-app-banner, .app-banner, .app-banner-container, .app-banner-header, ' +
      '.header-app-banner, .gh-app-banner, .mobile-download-app-tout, .footer__download-app-container, .p-webtoapp-banner, ' +
      '[class^="adjust-smart-banner"], #app-promo-overlay, #aside-app-banner, #mn-app-banner, #amp-smart-banner-download, ' +
      '.android-smart-banner, .app-promo, #app-promo',
    'app',
  ],
  [
    '.notification-upsell-push, #push-subscription-prompt, .push-subscription-prompt, #pushSubscribeModal, ' +
      '#subscribeToWebPush, .PushSubscription-block, #notificationPopup',
    'support',
  ],
  [
    '.jetpack_subscription_widget, .Sailthru_Subscribe, .wp-block-xwp-newsletter-subscription, .w-newsletter-in_article, ' +
      '.smartmag-widget-newsletter, .newsletter-slice, .newsletter-inbodyContent-slice, .skinny-signup, ' +
      '.mailpoet_form_popup_overlay, .mailpoet_form, .sqs-popup-overlay, .followit--follow-form-container, ' +
      '.widget_blog_subscription, #mc_embed_signup, .piano-inline-promo, .piano-newsletter, .piano--sidebar, ' +
      '#piano-article-newsletter, #piano-newsletter-inline, [data-module="newsletter-signup"], ' +
      '[data-testid="NewsletterSubscribeFormWrapper"], .inline-newsletter-subscribe, .newsletter-signup-overlay, ' +
      '#signup_interstitial, #signup_interstitial_overlay, .subscription-widget-wrap, .subscribe-widget, .email-signup',
    'newsletter',
  ],
  [
    '#piano_bottom_ribbon_wrapper, #piano-infobar-container, #wall-bottom-drawer, .regwall-overlay, .tp-modal, ' +
      '.tp-backdrop, .Mg2-connext, .connext-modal-backdrop, .tnc-overlay',
    'gate',
  ],
  [
    '#credential_picker_container, #credential_picker_iframe, .tmblr-iframe--follow-teaser, #wbounce-modal, ' +
      '#trd-exitintentbox, .gs-subscribe, .exit-intent-popup, .intro-popup, .default-intro-popup, .bx-impress, ' +
      '.gnt_mol_oy, .mntl-dialog--campaign, .pum-overlay, #boxzilla-overlay, .boxzilla-container, .mfp-wrap, .mfp-bg, ' +
      '.fancybox-overlay, .swal2-container, .modal-backdrop, .ReactModalPortal, .ReactModal__Overlay, ' +
      '.elementor-popup-modal, .hustle-popup, .marketing-bar',
    'overlay',
  ],
  [
    '.td-more-articles-box, .OUTBRAIN, .ob-widget, [id^="taboola-"], .trc_related_container, .trc_rbox_container, ' +
      '[class*="trc_rbox"]',
    'rail',
  ],
  [
    '#onetrust-consent-sdk, #onetrust-banner-sdk, #CybotCookiebotDialog, .cc-window, .cookie-banner, .cookie-notice, ' +
      '#cookie-notice, #cookie-law-info-bar, .qc-cmp2-container, #qc-cmp2-container, [id^="sp_message_container"], ' +
      '.fc-consent-root, #didomi-host, .didomi-popup, #usercentrics-root, .osano-cm-window, #truste-consent-track, ' +
      '.truste_box_overlay, .upsell-gdpr-banner-container',
    'cookie',
  ],
];

const NOT_LINES = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'PATH', 'IMG', 'PICTURE', 'SOURCE', 'BR', 'HR', 'IFRAME', 'VIDEO',
  'AUDIO', 'TITLE', 'META', 'LINK', 'HTML', 'BODY', 'MAIN',
]);
const ARTICLE_CORE = 'h1, [itemprop~="headline"], [itemprop~="articleBody"]';
const ARTICLE_CONTAINER = 'article, [itemprop~="articleBody"], .caas-body';
const LINKISH = 'a, button, [role="button"], [role="link"]';

/** One matched line: the tightest element whose text carries a phrase. */
export interface UpsellLine {
  readonly element: Element;
  readonly shapes: readonly PhraseShape[];
  /** Matched characters over the line's characters (0..1). */
  readonly coverage: number;
  readonly words: number;
}

export interface BlockScore {
  readonly score: number;
  readonly shape: BlockShape;
  /** Signal name → contribution, for debugging and tests. */
  readonly signals: Readonly<Record<string, number>>;
  /** Why the block may never be removed, when it may not. */
  readonly veto: string | null;
}

/** Everything the scorer needs about one document, computed once. */
export interface ScoringContext {
  readonly body: Element;
  readonly prose: ProseMap;
  readonly lines: readonly UpsellLine[];
  /** Characters of text outside links and outside matched lines, per element. */
  readonly freeText: ReadonlyMap<Element, number>;
  /** The shape a §3 selector gives an element. */
  readonly seeds: ReadonlyMap<Element, BlockShape>;
}

/** Find the lines of a document: the smallest elements per shape whose normalised text matches. */
export function findLines(root: Element): UpsellLine[] {
  const all = Array.from(root.querySelectorAll('*'));
  const below = new Map<Element, Set<PhraseShape>>();
  const lines: UpsellLine[] = [];
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    if (NOT_LINES.has(el.tagName.toUpperCase())) continue;
    if (isWrapperOfOne(el)) continue; // same text as its only child, which was tested already
    const raw = el.textContent ?? '';
    if (raw.length > 2000) continue;
    const text = normaliseText(raw);
    if (!text || text.length > 400) continue;
    const already = below.get(el);
    const matches = matchShapes(text).filter((m) => !already?.has(m.shape));
    if (matches.length === 0) continue;
    const words = countWords(text);
    const covered = Math.min(1, matches.reduce((n, m) => n + m.match.length, 0) / text.length);
    if (words > LINE_MAX_WORDS && covered < 0.35) continue; // a phrase inside running prose
    const shapes = matches.map((m) => m.shape);
    lines.push({ element: el, shapes, coverage: covered, words });
    markAncestors(below, el, new Set(shapes), root);
  }
  return lines.reverse();
}

function isWrapperOfOne(el: Element): boolean {
  if (el.childElementCount !== 1) return false;
  for (const n of Array.from(el.childNodes)) {
    if (n.nodeType === 3 && (n.nodeValue ?? '').trim()) return false;
  }
  return true;
}

function markAncestors(below: Map<Element, Set<PhraseShape>>, el: Element, shapes: ReadonlySet<PhraseShape>, root: Element): void {
  for (let p: Element | null = el.parentElement; p; p = p.parentElement) {
    let set = below.get(p);
    if (!set) below.set(p, (set = new Set()));
    for (const s of shapes) set.add(s);
    if (p === root) break;
  }
}

/**
 * Build the scoring context: prose map, lines, free text, selector seeds. `extraLines` are elements a caller already
 * knows to be chrome (an adapter's text rules): they count as matched lines when blocks grow.
 */
export function createScoringContext(doc: Document, extraLines: readonly Element[] = []): ScoringContext | null {
  const body = doc.body;
  if (!body) return null;
  const prose = new ProseMap(body);
  const lines = findLines(body);
  const lineSet = new Set([...lines.map((l) => l.element), ...extraLines]);
  const freeText = new Map<Element, number>();
  const walker = doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent) continue;
    const len = (n.nodeValue ?? '').replace(/\s+/g, ' ').trim().length;
    if (len === 0 || parent.closest(LINKISH)) continue;
    let inLine = false;
    for (let e: Element | null = parent; e && e !== body; e = e.parentElement) {
      if (lineSet.has(e)) {
        inLine = true;
        break;
      }
    }
    if (inLine) continue;
    for (let e: Element | null = parent; e; e = e.parentElement) {
      freeText.set(e, (freeText.get(e) ?? 0) + len);
      if (e === body) break;
    }
  }
  const seeds = new Map<Element, BlockShape>();
  for (const [selector, shape] of SEEDS) {
    for (const el of safeQueryAll(body, selector)) if (!seeds.has(el)) seeds.set(el, shape);
  }
  return { body, prose, lines, freeText, seeds };
}

function safeQueryAll(root: Element, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return []; // a selector the DOM implementation cannot parse: skip that group
  }
}

const free = (ctx: ScoringContext, el: Element): number => ctx.freeText.get(el) ?? 0;

/** May the block grow from `current` to its parent `parent`? */
function canClimb(ctx: ScoringContext, current: Element, parent: Element): boolean {
  if (parent === ctx.body || parent.tagName === 'HTML' || parent.tagName === 'MAIN') return false;
  if (parent.getAttribute('role') === 'main') return false;
  if (ctx.prose.share(parent) > ARTICLE_SHARE) return false;
  if (!current.matches(ARTICLE_CORE) && parent.querySelector(ARTICLE_CORE) && !current.querySelector(ARTICLE_CORE)) return false;
  if (parent.matches('[itemprop~="articleBody"]')) return false;
  const added = free(ctx, parent) - free(ctx, current);
  if (added <= CLIMB_FREE_TEXT) return true;
  const addedProse = ctx.prose.of(parent) - ctx.prose.of(current);
  return added <= CLIMB_FREE_TEXT_LINKY && addedProse <= 160 && linkDensity(parent) >= 0.5;
}

/** The block a line belongs to: the highest ancestor it can climb to. */
export function blockForLine(ctx: ScoringContext, line: Element): Element {
  let block = line;
  for (let p = line.parentElement; p && canClimb(ctx, block, p); p = p.parentElement) block = p;
  return block;
}

/**
 * Grow each known chrome line (an adapter's text-rule match) to its widget: the heading with its cards, the pitch
 * with its button. The same climbing rules as the detector's, so the article is never reached.
 */
export function growToBlocks(doc: Document, lines: readonly Element[]): Element[] {
  if (lines.length === 0) return [];
  const ctx = createScoringContext(doc, lines);
  if (!ctx) return [...lines];
  return lines.map((l) => blockForLine(ctx, l));
}

function strongestShape(shapes: Iterable<PhraseShape>): PhraseShape | null {
  let best: PhraseShape | null = null;
  for (const s of shapes) {
    if (!best || SHAPE_WEIGHT[s] > SHAPE_WEIGHT[best] || (SHAPE_WEIGHT[s] === SHAPE_WEIGHT[best] && SHAPES.indexOf(s) < SHAPES.indexOf(best))) best = s;
  }
  return best;
}

/** Why a block may never be removed, or null. */
function vetoOf(ctx: ScoringContext, block: Element, overlay: boolean): string | null {
  if (block === ctx.body || block.tagName === 'HTML' || block.tagName === 'MAIN' || block.querySelector('main')) return 'page';
  if (ctx.prose.share(block) > ARTICLE_SHARE) return 'article-share';
  if (block.matches('[itemprop~="articleBody"]') || block.querySelector('[itemprop~="articleBody"]')) return 'article-body';
  if (!overlay && (block.matches('h1') || block.querySelector('h1, [itemprop~="headline"]'))) return 'headline';
  // Running prose the phrases do not explain: a real share of some article.
  const unexplained = unexplainedProse(ctx, block);
  if (unexplained > (overlay ? 1200 : 400)) return 'prose';
  return null;
}

/** Prose characters in the block outside matched lines. */
function unexplainedProse(ctx: ScoringContext, block: Element): number {
  let inLines = 0;
  for (const l of ctx.lines) if (block.contains(l.element)) inLines += ctx.prose.of(l.element);
  return Math.max(0, ctx.prose.of(block) - inLines);
}

/** Score one block (aggregators.md §5.2–5.3). */
export function scoreBlock(ctx: ScoringContext, block: Element): BlockScore {
  const signals: Record<string, number> = {};
  const add = (name: string, v: number): void => {
    if (v !== 0) signals[name] = (signals[name] ?? 0) + v;
  };
  const lines = ctx.lines.filter((l) => block.contains(l.element));
  const seed = ctx.seeds.get(block) ?? null;
  const overlay = isOverlay(block) || seed === 'overlay';
  const text = textOf(block);
  const words = countWords(text);

  // Phrases: the strongest shape of each line, summed over lines, capped.
  let phrase = 0;
  let exact = false;
  let labelExact = false;
  const shapes = new Set<PhraseShape>();
  for (const l of lines) {
    const s = strongestShape(l.shapes);
    if (!s) continue;
    for (const x of l.shapes) shapes.add(x);
    phrase += SHAPE_WEIGHT[s];
    if (l.coverage >= 0.8) {
      exact = true;
      if (LABEL_SHAPES.has(s)) labelExact = true;
    }
  }
  add('phrase', Math.min(7, phrase));
  if (exact) add('exact-line', labelExact ? 1.5 : 1);
  if (seed) add('selector', 5);

  if (words <= 60) add('short', 1);
  else if (words > 200) add('long', -1);
  const density = linkDensity(block);
  if (density >= 0.5) add('links', 1);

  let hrefs = 0;
  if (hasAuthHref(block)) hrefs += 1.5;
  if (hasAppHref(block)) hrefs += 1.5;
  if (hasNewsletterHref(block)) hrefs += 1;
  add('hrefs', Math.min(2, hrefs));
  if (hasEmailInput(block)) add('email-input', 1.5);
  if (overlay) add('overlay', 1.5);

  const tokens = tokenSignal(block);
  add('tokens', tokens.strong ? 2 : tokens.weak ? 1 : 0);

  // Subtract: running prose, and being part of a long article.
  const coverage = lineCoverage(lines, text.length);
  if (!overlay && coverage < 0.5 && density < 0.25 && isSentenceLike(text)) add('prose', -3);
  const container = block.parentElement?.closest(ARTICLE_CONTAINER);
  if (!overlay && !labelExact && container && wordsIn(container) > 150) add('in-article', -1.5);
  const parent = block.parentElement;
  const inFlow = parent !== null && ctx.prose.share(parent) > ARTICLE_SHARE;
  if (!overlay && inFlow && !labelExact) add('in-flow', -1);

  let veto = vetoOf(ctx, block, overlay);
  // Between the article's own paragraphs a block must be mostly phrase or mostly links, or carry a list selector.
  if (!veto && inFlow && !seed && !tokens.strong && coverage < 0.5 && density < 0.5) veto = 'in-flow-prose';

  const score = Object.values(signals).reduce((a, b) => a + b, 0);
  const shape: BlockShape = strongestShape(shapes) ?? seed ?? tokens.strong ?? (overlay ? 'overlay' : 'chrome');
  return { score, shape, signals, veto };
}

function lineCoverage(lines: readonly UpsellLine[], total: number): number {
  if (total === 0) return 0;
  let covered = 0;
  const counted: Element[] = [];
  for (const l of lines) {
    if (counted.some((c) => c.contains(l.element))) continue;
    counted.push(l.element);
    covered += textOf(l.element).length;
  }
  return Math.min(1, covered / total);
}

export interface UpsellBlock {
  readonly element: Element;
  readonly score: BlockScore;
}

/** Every candidate block with its score, outermost first. */
export function scoreCandidates(doc: Document): UpsellBlock[] {
  const ctx = createScoringContext(doc);
  if (!ctx) return [];
  const blocks = new Set<Element>();
  for (const l of ctx.lines) blocks.add(blockForLine(ctx, l.element));
  for (const el of ctx.seeds.keys()) blocks.add(el);
  for (const el of tokenCandidates(ctx.body)) blocks.add(el);
  const out = Array.from(blocks, (element) => ({ element, score: scoreBlock(ctx, element) }));
  out.sort((a, b) => depth(a.element) - depth(b.element));
  return out;
}

/** Elements whose own class/id says paywall, newsletter, consent… (strong tokens only). */
function tokenCandidates(body: Element): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(body.querySelectorAll('[class], [id]'))) {
    if (NOT_LINES.has(el.tagName.toUpperCase())) continue;
    if (tokenSignal(el).strong) out.push(el);
  }
  return out;
}

function depth(el: Element): number {
  let d = 0;
  for (let p = el.parentElement; p; p = p.parentElement) d++;
  return d;
}

/** The blocks the generic detector removes, outermost first, each with its `upsell:<shape>` reason. */
export function findUpsellBlocks(doc: Document): BlockToRemove[] {
  const out: BlockToRemove[] = [];
  const chosen: Element[] = [];
  for (const { element, score } of scoreCandidates(doc)) {
    if (score.veto || score.score < REMOVE_THRESHOLD) continue;
    if (!element.textContent?.trim() && !element.querySelector('img, iframe, input')) continue; // nothing to show anyway
    if (chosen.some((c) => c.contains(element))) continue;
    chosen.push(element);
    out.push({ element, reason: `upsell:${score.shape}` });
  }
  return out;
}

export const genericUpsellStripper: BlockStripper = {
  id: 'upsell',
  find: (doc) => findUpsellBlocks(doc),
};
