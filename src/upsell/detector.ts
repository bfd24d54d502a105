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
 * Hard rules: never a block holding a real share of the article (prose share, headline, article body, byline), and
 * never the token `ads` as a signal. Every removal carries the reason `upsell:<shape>`.
 * Pure over the document: no computed styles, no layout, so it runs the same in the page and in jsdom.
 */
import type { BlockStripper, BlockToRemove } from '../extract/strip-upsells';
import { matchShapes, phraseLanguagesOf, SHAPES, type PhraseShape } from './phrases';
import {
  hasEmailInput, hrefKinds, isOverlay, isSentenceLike, isShareLink, linkDensity,
  tokenSignal,
} from './signals';
import { allElements, compileSimpleSelector, SelectorIndex } from './simple-selector';
import { blockOf, collapsedLength, countWords, isLinkish, normaliseText, ProseMap, textLengths, textOf } from './text-blocks';

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

const SEED_INDEX = new SelectorIndex(SEEDS.map(([selector]) => selector));

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const NOT_LINES = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'PATH', 'IMG', 'PICTURE', 'SOURCE', 'BR', 'HR', 'IFRAME', 'VIDEO',
  'AUDIO', 'TITLE', 'META', 'LINK', 'HTML', 'BODY', 'MAIN',
]);

const isArticleBody = compileSimpleSelector('[itemprop~="articleBody"]')!;
const isArticleContainer = compileSimpleSelector('article, [itemprop~="articleBody"], .caas-body')!;
/**
 * Article landmarks, found in one pass: article body, headline, `<main>`, and the article's own metadata (bylines and
 * dates: a block may not grow over them — a "23 comments" link sits in the byline line).
 */
const LANDMARKS = new SelectorIndex([
  '[itemprop~="articleBody"]',
  'h1, [itemprop~="headline"]',
  'main',
  '[rel~="author"], [itemprop~="author"], [class*="byline" i], [class*="author" i], time, address',
]);

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
  /** Every element under `<body>`, in document order. */
  readonly elements: readonly Element[];
  readonly prose: ProseMap;
  readonly lines: readonly UpsellLine[];
  /** Characters of text outside links and outside matched lines, per element (0 for lines and links). */
  readonly freeText: ReadonlyMap<Element, number>;
  /** The shape a §3 selector gives an element. */
  readonly seeds: ReadonlyMap<Element, BlockShape>;
  /** Elements that are or contain the headline or the article body (`h1`, `[itemprop=headline|articleBody]`). */
  readonly holdsCore: ReadonlySet<Element>;
  /** Elements that are or contain an `[itemprop=articleBody]`. */
  readonly holdsArticleBody: ReadonlySet<Element>;
  /** Elements that are or contain a headline. */
  readonly holdsHeadline: ReadonlySet<Element>;
  /** Elements that are or contain `<main>`. */
  readonly holdsMain: ReadonlySet<Element>;
  /** Byline and date elements outside links. */
  readonly bylines: readonly Element[];
  /** Link text over all text of an element (`linkDensity`), answered from sums made once. */
  readonly density: (el: Element) => number;
}

/**
 * Find the lines under `root`: the smallest elements per shape whose normalised text matches a phrase (of the page's
 * languages, `phraseLanguagesOf`).
 */
export function findLines(
  root: Element,
  elements: readonly Element[] = allElements(root),
  langs: readonly string[] = phraseLanguagesOf(root.ownerDocument),
): UpsellLine[] {
  const lengths = textLengths(root);
  const below = new Map<Element, Set<PhraseShape>>();
  const lines: UpsellLine[] = [];
  // Nested elements often carry the same text (a card, its link, the link's span): match each text once.
  const matched = new Map<string, ReturnType<typeof matchShapes>>();
  for (let i = elements.length - 1; i >= 0; i--) {
    const el = elements[i]!;
    if (NOT_LINES.has(el.tagName.toUpperCase())) continue;
    const rawLength = lengths.get(el) ?? 0;
    if (rawLength === 0 || rawLength > 2000) continue; // empty, or a container far longer than a line
    if (isWrapperOfOne(el)) continue; // same text as its only child, which was tested already
    const text = normaliseText(el.textContent ?? '');
    if (!text || text.length > 400) continue;
    const already = below.get(el);
    let all = matched.get(text);
    if (!all) matched.set(text, (all = matchShapes(text, langs)));
    const matches = all.filter((m) => !already?.has(m.shape));
    if (matches.length === 0) continue;
    const words = countWords(text);
    const covered = Math.min(1, matches.reduce((n, m) => n + m.match.length, 0) / text.length);
    if (words > LINE_MAX_WORDS && covered < 0.35) continue; // a phrase inside running prose
    const shapes = matches.map((m) => m.shape);
    lines.push({ element: el, shapes, coverage: covered, words });
    markAncestors(below, el, shapes, root);
  }
  return lines.reverse();
}

/** Share links with a short label ("Share Ledger Lines", "Post to X") count as share lines. */
function shareLinkLines(elements: readonly Element[]): UpsellLine[] {
  const out: UpsellLine[] = [];
  for (const el of elements) {
    if (!isLinkish(el) || !isShareLink(el)) continue;
    const text = normaliseText(el.textContent ?? '');
    const words = countWords(text);
    if (words === 0 || words > 6) continue;
    out.push({ element: el, shapes: ['share'], coverage: 1, words });
  }
  return out;
}

/**
 * Inline recirculation: a short list inside the article whose every item is one headline-like link to another page
 * on the same site (Yahoo's `caas-list`, "Related:" lists). Short (2–6 items) and small next to the article's prose,
 * so a link round-up that *is* the article keeps its lists.
 */
function recirculationLists(elements: readonly Element[], prose: ProseMap, pageUrl: string): Element[] {
  let host: string | null = null;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    host = null; // no usable document URL: same-site cannot be judged, so no list qualifies
  }
  if (!host) return [];
  const out: Element[] = [];
  for (const el of elements) {
    if (el.tagName !== 'UL' && el.tagName !== 'OL') continue;
    const items = Array.from(el.children).filter((c) => c.tagName === 'LI');
    if (items.length < 2 || items.length > 6 || items.length !== el.children.length) continue;
    const parent = el.parentElement;
    if (!parent || prose.share(parent) <= ARTICLE_SHARE) continue; // only lists inside the article
    const listText = textOf(el).length;
    if (listText > prose.of(parent) * 0.2) continue;
    const allSameSiteHeadlines = items.every((li) => {
      const links = li.getElementsByTagName('a');
      if (links.length !== 1) return false;
      const a = links[0]!;
      const text = normaliseText(a.textContent ?? '');
      if (text !== textOf(li) || countWords(text) < 4) return false;
      try {
        return new URL(a.getAttribute('href') ?? '', pageUrl).hostname === host;
      } catch {
        return false;
      }
    });
    if (allSameSiteHeadlines) out.push(el);
  }
  return out;
}

function isWrapperOfOne(el: Element): boolean {
  if (el.childElementCount !== 1) return false;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 && (n.nodeValue ?? '').trim()) return false;
  }
  return true;
}

function markAncestors(below: Map<Element, Set<PhraseShape>>, el: Element, shapes: readonly PhraseShape[], root: Element): void {
  for (let p: Element | null = el.parentElement; p; p = p.parentElement) {
    let set = below.get(p);
    if (!set) below.set(p, (set = new Set()));
    for (const s of shapes) set.add(s);
    if (p === root) break;
  }
}

/** `el` and all its ancestors up to `root`, added to `set`. */
function addWithAncestors(set: Set<Element>, el: Element, root: Element): void {
  for (let p: Element | null = el; p && !set.has(p); p = p.parentElement) {
    set.add(p);
    if (p === root) break;
  }
}

/**
 * Build the scoring context: prose map, lines, free text, selector seeds, article landmarks. `extraLines` are
 * elements a caller already knows to be chrome (an adapter's text rules): they count as matched lines when blocks grow.
 */
export function createScoringContext(doc: Document, extraLines: readonly Element[] = []): ScoringContext | null {
  const body = doc.body;
  if (!body) return null;
  const elements = allElements(body);
  const prose = new ProseMap(body);
  const lines = [...findLines(body, elements), ...shareLinkLines(elements)];
  const lineSet = new Set([...lines.map((l) => l.element), ...extraLines]);
  const freeText = new Map<Element, number>();
  const allText = new Map<Element, number>();
  const linkText = new Map<Element, number>();
  // One walk: text outside links and outside matched lines, all text, and link text, summed per element.
  const walk = (el: Element): number => {
    let n = 0;
    let all = 0;
    let link = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const len = collapsedLength(c.nodeValue ?? '');
        n += len;
        all += len;
      } else if (c.nodeType === 1 && !NOT_TEXT.has((c as Element).tagName.toUpperCase())) {
        const child = c as Element;
        n += walk(child);
        const childAll = allText.get(child)!;
        all += childAll;
        link += isLinkish(child) ? childAll : linkText.get(child)!;
      }
    }
    allText.set(el, all);
    linkText.set(el, link);
    // A line or a link contributes nothing to its ancestors' free text (and records none of its own).
    const excluded = lineSet.has(el) || isLinkish(el);
    freeText.set(el, excluded ? 0 : n);
    return excluded ? 0 : n;
  };
  walk(body);
  /** `linkDensity(el)` from the sums above (the detector asks for it on every climb step). */
  const density = (el: Element): number => {
    const all = allText.get(el);
    if (all === undefined || isLinkish(el)) return linkDensity(el);
    return all > 0 ? Math.min(1, linkText.get(el)! / all) : 0;
  };

  const seeds = new Map<Element, BlockShape>();
  SEED_INDEX.match(body, elements).forEach((matched, i) => {
    const shape = SEEDS[i]![1];
    for (const el of matched) if (!seeds.has(el)) seeds.set(el, shape);
  });
  for (const el of recirculationLists(elements, prose, doc.URL)) if (!seeds.has(el)) seeds.set(el, 'rail');
  const [articleBodies = [], headlines = [], mains = [], bylineLike = []] = LANDMARKS.match(body, elements);
  const holdsArticleBody = new Set<Element>();
  const holdsHeadline = new Set<Element>();
  const holdsMain = new Set<Element>();
  for (const el of articleBodies) addWithAncestors(holdsArticleBody, el, body);
  for (const el of headlines) addWithAncestors(holdsHeadline, el, body);
  for (const el of mains) addWithAncestors(holdsMain, el, body);
  const holdsCore = new Set<Element>([...holdsArticleBody, ...holdsHeadline]);
  // Outermost only: a byline wrapper and the <time> inside it are one metadata line.
  const unlinked = bylineLike.filter((el) => !insideLink(el, body));
  const bylines = unlinked.filter((el) => !unlinked.some((o) => o !== el && o.contains(el)));
  return { body, elements, prose, lines, freeText, seeds, holdsCore, holdsArticleBody, holdsHeadline, holdsMain, bylines, density };
}

function insideLink(el: Element, root: Element): boolean {
  for (let p: Element | null = el; p && p !== root; p = p.parentElement) if (isLinkish(p)) return true;
  return false;
}

const free = (ctx: ScoringContext, el: Element): number => ctx.freeText.get(el) ?? 0;

/** May the block grow from `current` to its parent `parent`? */
function canClimb(ctx: ScoringContext, current: Element, parent: Element): boolean {
  if (parent === ctx.body || parent.tagName === 'HTML' || parent.tagName === 'MAIN') return false;
  if (parent.getAttribute('role') === 'main') return false;
  if (ctx.prose.share(parent) > ARTICLE_SHARE) return false;
  if (ctx.holdsCore.has(parent) && !ctx.holdsCore.has(current)) return false;
  if (isArticleBody(parent)) return false;
  if (absorbsByline(ctx, current, parent)) return false;
  const added = free(ctx, parent) - free(ctx, current);
  if (added <= CLIMB_FREE_TEXT) return true;
  const addedProse = ctx.prose.of(parent) - ctx.prose.of(current);
  return added <= CLIMB_FREE_TEXT_LINKY && addedProse <= 160 && ctx.density(parent) >= 0.5;
}

/**
 * Would growing to `parent` take in the article's byline or date (outside links)? One such element is the article's
 * own metadata line; several, in a block of links, are the dates of a list of story cards.
 */
function absorbsByline(ctx: ScoringContext, current: Element, parent: Element): boolean {
  let found = 0;
  for (const el of ctx.bylines) {
    if (parent.contains(el) && !current.contains(el)) found++;
  }
  if (found === 0) return false;
  return found === 1 || ctx.density(parent) < 0.5;
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

/** The article's flow: an element holding much of the page's prose with paragraphs among its own children. */
function isArticleFlow(ctx: ScoringContext, el: Element): boolean {
  if (ctx.prose.share(el) <= ARTICLE_SHARE) return false;
  let paragraphs = 0;
  for (let c = el.firstElementChild; c && paragraphs < 2; c = c.nextElementSibling) if (ctx.prose.isParagraph(c)) paragraphs++;
  return paragraphs >= 2;
}

/** Why a block may never be removed, or null. */
function vetoOf(ctx: ScoringContext, block: Element, overlay: boolean, lines: readonly UpsellLine[]): string | null {
  if (block === ctx.body || block.tagName === 'HTML' || ctx.holdsMain.has(block)) return 'page';
  if (ctx.prose.share(block) > ARTICLE_SHARE) return 'article-share';
  if (ctx.holdsArticleBody.has(block)) return 'article-body';
  if (!overlay && ctx.holdsHeadline.has(block)) return 'headline';
  // Running prose the phrases do not explain: a real share of some article.
  let inLines = 0;
  for (const l of lines) inLines += ctx.prose.of(l.element);
  const unexplained = Math.max(0, ctx.prose.of(block) - inLines);
  if (unexplained > (overlay ? 1200 : 400)) return 'prose';
  return null;
}

function closestContainer(el: Element, root: Element): Element | null {
  for (let p = el.parentElement; p && p !== root; p = p.parentElement) if (isArticleContainer(p)) return p;
  return null;
}

const containerWords = new WeakMap<Element, number>();

function wordsOfContainer(el: Element): number {
  let n = containerWords.get(el);
  if (n === undefined) {
    n = countWords(textOf(el));
    containerWords.set(el, n);
  }
  return n;
}

const linesByElement = new WeakMap<ScoringContext, Map<Element, UpsellLine[]>>();

/** Per element, the lines it holds (itself included), in page order: built once per context. */
function linesUnder(ctx: ScoringContext): Map<Element, UpsellLine[]> {
  let map = linesByElement.get(ctx);
  if (!map) {
    map = new Map();
    for (const l of ctx.lines) {
      for (let p: Element | null = l.element; p; p = p.parentElement) {
        const list = map.get(p);
        if (list) list.push(l);
        else map.set(p, [l]);
        if (p === ctx.body) break;
      }
    }
    linesByElement.set(ctx, map);
  }
  return map;
}

/** Score one block (aggregators.md §5.2–5.3). */
export function scoreBlock(ctx: ScoringContext, block: Element): BlockScore {
  const signals: Record<string, number> = {};
  const add = (name: string, v: number): void => {
    if (v !== 0) signals[name] = (signals[name] ?? 0) + v;
  };
  const lines = outermostLines(linesUnder(ctx).get(block) ?? []);
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
  const density = ctx.density(block);
  if (density >= 0.5) add('links', 1);

  let hrefs = 0;
  const kinds = hrefKinds(block);
  if (kinds.auth) hrefs += 1.5;
  if (kinds.app) hrefs += 1.5;
  if (kinds.newsletter) hrefs += 1;
  add('hrefs', Math.min(2, hrefs));
  if (hasEmailInput(block)) add('email-input', 1.5);
  if (overlay) add('overlay', 1.5);

  const tokens = tokenSignal(block);
  add('tokens', tokens.strong ? 2 : tokens.weak ? 1 : 0);

  // Subtract: running prose, and being part of a long article.
  const coverage = lineCoverage(lines, text.length);
  if (!overlay && coverage < 0.5 && density < 0.25 && isSentenceLike(text)) add('prose', -3);
  const container = closestContainer(block, ctx.body);
  // Penalties protect prose; a block that is all links (inline recirculation) is not prose.
  const protectable = !overlay && !labelExact && density < 0.8;
  if (protectable && container && wordsOfContainer(container) > 150) add('in-article', -1.5);
  const parent = block.parentElement;
  const inFlow = parent !== null && isArticleFlow(ctx, parent);
  if (protectable && inFlow) add('in-flow', -1);

  let veto = vetoOf(ctx, block, overlay, lines);
  // Part of a sentence: a link or a span inside a paragraph of prose is the paragraph's, never chrome on its own.
  if (!veto && blockOf(block) !== block && ctx.prose.isParagraph(blockOf(block))) veto = 'inside-paragraph';
  // Between the article's own paragraphs a block must be mostly phrase or mostly links, or carry a list selector.
  if (!veto && inFlow && !seed && !tokens.strong && coverage < 0.5 && density < 0.5) veto = 'in-flow-prose';

  const score = Object.values(signals).reduce((a, b) => a + b, 0);
  const shape: BlockShape = strongestShape(shapes) ?? seed ?? tokens.strong ?? (overlay ? 'overlay' : 'chrome');
  return { score, shape, signals, veto };
}

/** Lines not inside another of the given lines (a line's parts are not counted twice). */
function outermostLines(lines: readonly UpsellLine[]): UpsellLine[] {
  return lines.filter((l) => !lines.some((o) => o !== l && o.element.contains(l.element)));
}

function lineCoverage(lines: readonly UpsellLine[], total: number): number {
  if (total === 0) return 0;
  let covered = 0;
  for (const l of lines) covered += textOf(l.element).length;
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
  for (const el of ctx.elements) {
    if (!NOT_LINES.has(el.tagName.toUpperCase()) && tokenSignal(el).strong) blocks.add(el);
  }
  const out = Array.from(blocks, (element) => ({ element, score: scoreBlock(ctx, element) }));
  out.sort((a, b) => depth(a.element) - depth(b.element));
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
    if (!element.textContent?.trim()) continue; // nothing a reader would see
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

