/**
 * The individual signals the upsell scorer adds up (aggregators.md §5), each a small pure function over an element.
 * No computed styles: everything reads markup (attributes, inline styles, text, links), so it runs the same in jsdom.
 */
import { linkDensity } from '../dom/links';

export { linkDensity };

/**
 * Per-page memos of the signals: the same hrefs and class names recur in every block that holds them, and judging
 * them (parsing URLs, splitting tokens) is the costly part. One memo per scoring context; nothing outlives the page.
 */
export class SignalMemo {
  readonly hrefs = new Map<string, HrefKinds>();
  readonly tokens = new Map<string, TokenSignal>();
  readonly containerWords = new Map<Element, number>();
}

/** Path segments of sign-in, registration, plan and subscription pages (a whole segment, not part of a slug). */
const AUTH_SEGMENT =
  /^(sign-?in|sign-?up|log-?in|logon|register|registration|subscribe|subscriptions?|subscriber|plans|pricing|premium|membership|members|join|paywall|checkout|offers?|servicelogin|abonnement|abo|abonnieren|abbonati|abbonamenti|assine|assinatura|suscripcion|suscribete|suscribirse|inscription|connexion|anmelden|registrieren)(\.\w+)?$/i;
/** Hosts that only serve accounts and subscriptions (`login.yahoo.com`, `subscribe.washingtonpost.com`). */
const AUTH_HOST = /^(login|signin|accounts?|auth|sso|subscribe|subscriptions?|subscription|join|members?|checkout|abo|abonnement)\./i;
const AUTH_QUERY = /[?&](operation=register|source=(upgrade|paywall)[^&]*|action=(subscribe|register|login))/i;

/** App stores and app deep-link services (aggregators.md §4 shape 5). */
const APP_HOST =
  /^(?:apps\.apple\.com|itunes\.apple\.com|play\.google\.com|apps\.microsoft\.com|appgallery\.huawei\.com|[\w-]+\.app\.link|[\w-]+\.onelink\.me|aka\.ms|adj\.st|app\.adjust\.com|[\w-]+\.page\.link|smart\.link|apps\.samsung\.com)$/i;

/** Share endpoints: the link shares the page rather than going anywhere to read. */
const SHARE_HREF =
  /[?&]action=share\b|facebook\.com\/sharer|(?:twitter|x)\.com\/(?:intent\/|share)|linkedin\.com\/(?:shareArticle|sharing)|pinterest\.[a-z.]+\/pin\/create|api\.whatsapp\.com\/send|wa\.me\/\?text|reddit\.com\/submit|share\.flipboard\.com|bsky\.app\/intent|t\.me\/share|^mailto:\?(?:subject|body)=/i;

/** A link or button that shares the page (its own href). */
export function isShareLink(el: Element): boolean {
  const h = el.getAttribute('href') ?? el.getAttribute('data-href');
  return h !== null && SHARE_HREF.test(h);
}

/** Newsletter sign-up pages. */
const NEWSLETTER_HREF = /(?:[/?&=._-])(?:newsletters?|e-?mail-?sign-?up|email-?alerts?|lettres?-d-information)(?:[/?&=._#-]|$)/i;

/** Every `href`/`data-href` in the block, itself included (a plain walk: cheap on large pages). */
function hrefsOf(el: Element): string[] {
  const out: string[] = [];
  const visit = (e: Element): void => {
    const h = e.getAttribute('href') ?? e.getAttribute('data-href');
    if (h) out.push(h);
    for (let c = e.firstElementChild; c; c = c.nextElementSibling) visit(c);
  };
  visit(el);
  return out;
}

function someElement(el: Element, test: (e: Element) => boolean): boolean {
  if (test(el)) return true;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (someElement(c, test)) return true;
  return false;
}

function hostOf(href: string): string | null {
  try {
    return new URL(href, 'https://invalid.example/').hostname;
  } catch {
    return null;
  }
}

/** A sign-in / register / plans / subscribe link inside the block (by host, whole path segment or query). */
export function hasAuthHref(el: Element): boolean {
  return hrefKinds(el).auth;
}

export interface HrefKinds {
  readonly auth: boolean;
  readonly app: boolean;
  readonly newsletter: boolean;
}

const NO_HREFS: HrefKinds = { auth: false, app: false, newsletter: false };

/**
 * The three link signals of a block at once (one walk; each distinct href judged once per page through the memo).
 */
export function hrefKinds(el: Element, memo: SignalMemo = new SignalMemo()): HrefKinds {
  let auth = false;
  let app = false;
  let newsletter = false;
  for (const h of hrefsOf(el)) {
    let k = memo.hrefs.get(h);
    if (!k) {
      const host = hostOf(h);
      k = { auth: isAuthHref(h), app: host !== null && APP_HOST.test(host), newsletter: isNewsletterHref(h) };
      memo.hrefs.set(h, k);
    }
    auth ||= k.auth;
    app ||= k.app;
    newsletter ||= k.newsletter;
    if (auth && app && newsletter) break;
  }
  return auth || app || newsletter ? { auth, app, newsletter } : NO_HREFS;
}

export function isAuthHref(href: string): boolean {
  let u: URL;
  try {
    u = new URL(href, 'https://invalid.example/');
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (AUTH_HOST.test(u.hostname) || AUTH_QUERY.test(u.search)) return true;
  return u.pathname.split('/').some((seg) => AUTH_SEGMENT.test(seg));
}

/** An app-store or app deep-link inside the block. */
export function hasAppHref(el: Element): boolean {
  return hrefKinds(el).app;
}

/** A link to a newsletter sign-up page inside the block. */
export function hasNewsletterHref(el: Element): boolean {
  return hrefKinds(el).newsletter;
}

function isNewsletterHref(h: string): boolean {
  return NEWSLETTER_HREF.test(h.replace(/^https?:\/\/[^/]+/i, ''));
}

/** An e-mail field (usually pruned before the strippers run, so this only fires when a caller keeps forms). */
export function hasEmailInput(el: Element): boolean {
  return someElement(el, (e) => {
    if (e.tagName !== 'INPUT') return false;
    const type = (e.getAttribute('type') ?? '').toLowerCase();
    return type === 'email' || /email/i.test(e.getAttribute('name') ?? '') || e.getAttribute('autocomplete') === 'email';
  });
}

const FIXED_STYLE = /(?:^|;)\s*position\s*:\s*(?:fixed|sticky)\b/i;
const Z_INDEX = /(?:^|;)\s*z-index\s*:\s*(\d+)/i;

/** A dialog or a fixed/sticky layer, judged from markup alone: role, aria-modal, inline style. */
export function isOverlay(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role === 'dialog' || role === 'alertdialog') return true;
  if (el.getAttribute('aria-modal') === 'true') return true;
  if (el.tagName === 'DIALOG') return true;
  const style = el.getAttribute('style');
  if (style) {
    if (FIXED_STYLE.test(style)) return true;
    const z = Z_INDEX.exec(style);
    if (z && Number(z[1]) >= 1000) return true;
  }
  return false;
}

/** Split class names and ids into lowercase tokens: `Gate_box__pL9sD` → gate, box; `newsletterSignup` → newsletter, signup. */
export function classTokens(el: Element): string[] {
  return tokensOf(el.getAttribute('class'), el.getAttribute('id'));
}

function tokensOf(cls: string | null, id: string | null): string[] {
  const raw = `${cls ?? ''} ${id ?? ''}`;
  if (!raw.trim()) return [];
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1);
}

/** Tokens that on their own mark a block as an upsell or a consent layer (never `ads`: MSN puts it everywhere). */
const STRONG_TOKENS = new Map<string, TokenShape>([
  ['paywall', 'gate'], ['regwall', 'gate'], ['upsell', 'gate'], ['gate', 'gate'], ['meter', 'gate'], ['metered', 'gate'],
  ['piano', 'gate'], ['tp', 'gate'], ['subscribe', 'trial'], ['subscription', 'trial'], ['signup', 'newsletter'],
  ['newsletter', 'newsletter'], ['newsletters', 'newsletter'], ['smartbanner', 'app'], ['appbanner', 'app'],
  ['outbrain', 'rail'], ['taboola', 'rail'], ['trc', 'rail'], ['cookie', 'cookie'], ['cookies', 'cookie'],
  ['consent', 'cookie'], ['gdpr', 'cookie'],
]);

/** Tokens that add weight but are too common to decide alone. */
const WEAK_TOKENS = new Map<string, TokenShape>([
  ['promo', 'support'], ['promotion', 'support'], ['cta', 'support'], ['share', 'share'], ['sharing', 'share'],
  ['social', 'share'], ['related', 'rail'], ['recommended', 'rail'], ['recommendations', 'rail'], ['trending', 'rail'],
  ['rail', 'rail'], ['recirc', 'rail'], ['recirculation', 'rail'], ['popular', 'rail'], ['banner', 'app'],
  ['popup', 'support'], ['modal', 'support'], ['overlay', 'support'], ['toast', 'support'], ['snackbar', 'support'],
  ['interstitial', 'support'], ['login', 'gate'], ['signin', 'gate'], ['register', 'gate'], ['donate', 'support'],
  ['membership', 'support'], ['feedback', 'chrome'], ['comments', 'chrome'],
]);

export type TokenShape = 'gate' | 'trial' | 'newsletter' | 'app' | 'rail' | 'cookie' | 'support' | 'share' | 'chrome';

export interface TokenSignal {
  readonly strong: TokenShape | null;
  readonly weak: TokenShape | null;
}

/** Class/id token evidence on the element itself; compound names count too (`app-banner`, `intro-popup`). */
export function tokenSignal(el: Element, memo: SignalMemo = new SignalMemo()): TokenSignal {
  const cls = el.getAttribute('class');
  const id = el.getAttribute('id');
  if (!cls && !id) return NO_TOKENS;
  // Class names repeat across a page (every card, every link): judge each class/id pair once.
  const key = `${cls ?? ''}\u0000${id ?? ''}`;
  let signal = memo.tokens.get(key);
  if (!signal) {
    signal = judgeTokens(tokensOf(cls, id), cls);
    memo.tokens.set(key, signal);
  }
  return signal;
}

const NO_TOKENS: TokenSignal = { strong: null, weak: null };

function judgeTokens(tokens: readonly string[], cls: string | null): TokenSignal {
  if (tokens.length === 0) return { strong: null, weak: null };
  let strong: TokenShape | null = null;
  let weak: TokenShape | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const pair = i + 1 < tokens.length ? `${t}${tokens[i + 1]!}` : '';
    if (!strong) strong = STRONG_TOKENS.get(t) ?? (pair === 'appbanner' || pair === 'smartbanner' ? 'app' : null) ??
      (pair === 'intropopup' ? 'newsletter' : null) ?? (pair === 'signup' ? 'newsletter' : null);
    if (!weak) weak = WEAK_TOKENS.get(t) ?? null;
  }
  // `tp-` is Piano only when it starts a class (`tp-modal`, `tp-backdrop`), never as a fragment like `top`.
  if (strong === 'gate' && tokens.includes('tp') && !/(?:^|\s)tp-/.test(cls ?? '')) strong = null;
  return { strong, weak };
}

/** Text ends like a sentence and reads like one: the shape of running prose rather than a label or a button. */
export function isSentenceLike(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 8) return false;
  if (!/[.!?…"')\]»]$/.test(text)) return false;
  const lower = words.filter((w) => /^[a-zà-ÿ]/.test(w)).length;
  return lower / words.length >= 0.5;
}
