/**
 * Issue 6, "a page cannot make Unwrap do anything" at the background: the real server, sender policy and library
 * handlers, given messages from strangers (other extensions, web pages), malformed envelopes, and content scripts
 * that ask for more than their own page. Every refusal has a reason and changes nothing in storage.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../src/extract';
import { CONTENT_SCRIPT_MESSAGES, REQUESTS, type MessageName } from '../../src/messaging/protocol';
import { trustedSourceUrl } from '../../src/background/sender-policy';
import { articleParagraphs } from '../fixtures/hostile/bad-pages';
import { backgroundInABox, contentScript, ORIGIN, POPUP, READER_PAGE, type Box } from './support/background';

let box: Box;
beforeEach(() => {
  box = backgroundInABox();
});
afterEach(() => box.dispose());

const snapshot = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

function article(url: string, extra: Record<string, unknown> = {}) {
  const text = 'The ferry timetable changes in spring, and the island council agreed to a trial of late crossings. '.repeat(20);
  return {
    url, title: 'Ferry', byline: null, siteName: null, publishedTime: null, lang: 'en', dir: 'ltr', excerpt: null,
    content: `<p>${text}</p>`, textContent: text, wordCount: 340, readingTimeMinutes: 2, leadImage: null, aggregator: null,
    via: null, publisher: null, sourceUrl: null, teaser: false, removed: [], ...extra,
  };
}
const env = (name: string, payload: unknown) => ({ unwrap: 1, name, payload });

/** A valid payload for every message (so a refusal can only come from the sender check). */
function validPayload(name: MessageName): unknown {
  const own = 'https://news.example/a';
  switch (name) {
    case 'saveArticle': return { article: article(own), canonicalUrl: null };
    case 'isSaved': case 'unsaveUrl': return { url: own };
    case 'hideLauncher': return { host: 'news.example' };
    case 'saveLink': return { url: 'https://other.example/x', title: 'x' };
    case 'updateItems': return { ids: ['abc'], patch: { archived: true } };
    case 'deleteItems': case 'restoreItems': return { ids: ['abc'] };
    case 'getArticle': return { id: 'abc' };
    case 'keepImages': return { id: 'abc' };
    case 'setProgress': return { id: 'abc', progress: 0.5, markRead: false };
    case 'importItems': return { items: [{ url: 'https://other.example/y' }] };
    case 'savePageFromTab': case 'openReaderInTab': return { tabId: 1 };
    case 'openFallbackTab': return { article: article(own), canonicalUrl: null, reason: 'removed' };
    case 'getHandoff': return { id: 'abc' };
    default: return {};
  }
}

const figures = { refused: 0, allowed: 0 };

describe('who may send', () => {
  it('refuses every message from another extension or a page outside Unwrap, and changes nothing', async () => {
    const before = await snapshot();
    for (const name of Object.keys(REQUESTS) as MessageName[]) {
      for (const sender of [{ id: 'another-extension', url: 'chrome-extension://another-extension/x.html' }, { url: 'https://evil.example/' }, {}]) {
        const reply = await box.deliver(env(name, validPayload(name)), sender);
        expect(reply, `${name} from ${JSON.stringify(sender)}`).toEqual({ ok: false, error: 'refused: not from Unwrap' });
        figures.refused++;
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('a content script may send only the few messages meant for it; everything else is for Unwrap’s own pages', async () => {
    const before = await snapshot();
    const cs = contentScript('https://news.example/a');
    for (const name of Object.keys(REQUESTS) as MessageName[]) {
      const reply = await box.deliver(env(name, validPayload(name)), cs);
      if (CONTENT_SCRIPT_MESSAGES.has(name)) {
        if (name === 'saveArticle') expect(reply).toMatchObject({ ok: true });
        continue;
      }
      expect(reply, name).toEqual({ ok: false, error: `refused: ${name} is only for Unwrap's own pages` });
      figures.refused++;
    }
    // Only the allowed messages about its own page (saved, then unsaved again) touched the library.
    await box.library.whenIdle();
    expect(before).toBeDefined();
    expect((await box.library.status()).items).toBe(0);
  });

  it('the reader fallback: a content script hands over only its own page, only Unwrap’s pages read it back, nothing is saved', async () => {
    const created: string[] = [];
    const create = fakeBrowser.tabs.create.bind(fakeBrowser.tabs);
    fakeBrowser.tabs.create = async (props) => {
      created.push(props.url ?? '');
      return create(props);
    };
    const refused = await box.deliver(env('openFallbackTab', { article: article('https://victim.example/story'), canonicalUrl: null, reason: 'covered' }), contentScript('https://evil.example/page'));
    expect(refused?.ok).toBe(false);
    const ok = await box.deliver(env('openFallbackTab', { article: article('https://news.example/a'), canonicalUrl: null, reason: 'covered' }), contentScript('https://news.example/a'));
    expect(ok).toMatchObject({ ok: true });
    const id = (ok as { value: { id: string } }).value.id;
    expect(created).toEqual([`${ORIGIN}read.html?handoff=${id}`]);
    expect(await box.deliver(env('getHandoff', { id }), contentScript('https://news.example/a'))).toEqual({ ok: false, error: "refused: getHandoff is only for Unwrap's own pages" });
    const back = await box.deliver(env('getHandoff', { id }), READER_PAGE);
    expect(back).toMatchObject({ ok: true, value: { reason: 'covered', article: { url: 'https://news.example/a', title: 'Ferry' } } });
    expect(await box.deliver(env('getHandoff', { id: 'gone' }), READER_PAGE)).toEqual({ ok: true, value: null });
    // Kept in session storage only, a few at a time; the library is untouched.
    for (let i = 0; i < 6; i++) await box.deliver(env('openFallbackTab', { article: article('https://news.example/a'), canonicalUrl: null, reason: 'removed' }), contentScript('https://news.example/a'));
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).filter((k) => k.startsWith('handoff:')).length).toBeLessThanOrEqual(4);
    expect((await box.library.status()).items).toBe(0);
  });

  it('a content script can only save, query or remove its own page', async () => {
    const { id } = await box.library.saveArticle(article('https://victim.example/story') as never, null);
    await box.library.whenIdle();
    const cs = contentScript('https://evil.example/page');
    const before = await snapshot();
    const attempts = [
      env('saveArticle', { article: article('https://victim.example/story'), canonicalUrl: null }),
      env('isSaved', { url: 'https://victim.example/story' }),
      env('unsaveUrl', { url: 'https://victim.example/story' }),
    ];
    for (const a of attempts) {
      const reply = await box.deliver(a, cs);
      expect(reply?.ok, JSON.stringify(a).slice(0, 80)).toBe(false);
      expect((reply as { error: string }).error).toMatch(/refused|only hide/);
      figures.refused++;
    }
    expect(await snapshot()).toBe(before);
    expect((await box.library.isSaved({ url: 'https://victim.example/story' })).id).toBe(id);
  });

  it('a content script’s “this page is a copy of …” claim only counts on aggregator hosts', async () => {
    const { id } = await box.library.saveArticle(article('https://victim.example/story') as never, null);
    // Any page can look like an aggregator (fingerprints match on any host) and make the adapter claim a source URL.
    const evil = contentScript('https://evil.example/page');
    const probe = await box.deliver(env('isSaved', { url: 'https://evil.example/page', sourceUrl: 'https://victim.example/story' }), evil);
    expect(probe).toEqual({ ok: true, value: { id: null, linkOnly: false } }); // no probing of the library
    const remove = await box.deliver(env('unsaveUrl', { url: 'https://evil.example/page', sourceUrl: 'https://victim.example/story' }), evil);
    expect(remove).toEqual({ ok: true, value: { deleted: [] } }); // and no removing of another item
    await box.deliver(env('saveArticle', { article: article('https://evil.example/page', { sourceUrl: 'https://victim.example/story' }), canonicalUrl: null }), evil);
    expect((await box.library.isSaved({ url: 'https://victim.example/story' })).id).toBe(id); // not merged into the victim
    // On a listed aggregator host the claim works as designed (inkl copy ↔ publisher original).
    const inkl = contentScript('https://www.inkl.com/news/story');
    const onInkl = await box.deliver(env('isSaved', { url: 'https://www.inkl.com/news/story', sourceUrl: 'https://victim.example/story' }), inkl);
    expect(onInkl).toEqual({ ok: true, value: { id, linkOnly: false } });
    // Unwrap's own pages may name any URL.
    expect(trustedSourceUrl(POPUP, 'https://victim.example/story', ORIGIN)).toBe('https://victim.example/story');
  });

  it('the page-controlled claim comes from extraction: a page that fingerprints as an aggregator on any host', () => {
    // What the check above defends against, end to end: a Substack look-alike on its own host names a source URL.
    const html = `<!doctype html><html><head><title>Look-alike</title><link rel="stylesheet" href="https://substackcdn.com/x.css">
<link rel="canonical" href="https://victim.example/story"><meta property="og:url" content="https://victim.example/story"></head>
<body><article><h1>Look-alike</h1>${articleParagraphs(8)}</article></body></html>`;
    const dom = new JSDOM(html, { url: 'https://evil.example/page' });
    const r = extractArticle(dom.window.document, 'https://evil.example/page', { window: dom.window as unknown as Window & typeof globalThis });
    const claimed = r.kind === 'article' ? r.article.sourceUrl : null;
    // Whatever the adapter claims, the background keeps it only on aggregator hosts.
    expect(trustedSourceUrl(contentScript('https://evil.example/page'), claimed ?? 'https://victim.example/story', ORIGIN)).toBeNull();
  });

  it('Unwrap’s own pages (library, reader page) may send everything', async () => {
    for (const sender of [POPUP, READER_PAGE]) {
      const reply = await box.deliver(env('libraryStatus', {}), sender);
      expect(reply?.ok).toBe(true);
      figures.allowed++;
    }
  });
});

describe('what may be sent', () => {
  it('refuses malformed envelopes and payloads with a reason, and changes nothing', async () => {
    await box.library.whenIdle();
    const before = await snapshot();
    const big = 'x'.repeat(8_000_001);
    const bad: unknown[] = [
      null, undefined, 'deleteItems', 42, [], {}, { unwrap: 2, name: 'libraryStatus', payload: {} },
      { unwrap: 1, name: '__proto__', payload: {} }, { unwrap: 1, name: 'constructor', payload: {} },
      { unwrap: 1, name: 'toString', payload: {} }, { unwrap: 1, name: 'hasOwnProperty', payload: {} },
      { unwrap: 1, name: 'eval', payload: {} }, { unwrap: 1, name: 'libraryStatus' },
      env('libraryStatus', { extra: true }),
      env('deleteItems', { ids: [] }), env('deleteItems', { ids: ['../../etc'] }), env('deleteItems', { ids: 'abc' }),
      env('deleteItems', { ids: Array.from({ length: 100_001 }, (_, i) => `i${i}`) }),
      env('updateItems', { ids: ['abc'], patch: { archived: 'yes' } }), env('updateItems', { ids: ['abc'], patch: { url: 'https://x' } }),
      env('updateItems', { ids: ['abc'], patch: { tags: ['ok', 'bad\u0000tag'] } }),
      env('setProgress', { id: 'abc', progress: Number.NaN, markRead: false }), env('setProgress', { id: 'abc', progress: 7, markRead: false }),
      env('saveLink', { url: 'javascript:alert(1)', title: null }), env('saveLink', { url: 'data:text/html,x', title: null }),
      env('saveLink', { url: `https://x.example/${'a'.repeat(5000)}`, title: null }),
      env('saveArticle', { article: article('https://news.example/a', { content: big }), canonicalUrl: null }),
      env('saveArticle', { article: article('file:///etc/passwd'), canonicalUrl: null }),
      env('saveArticle', { article: { ...article('https://news.example/a'), wordCount: -1 }, canonicalUrl: null }),
      env('saveArticle', { article: { ...article('https://news.example/a'), evil: true }, canonicalUrl: null, more: 1 }),
      env('importItems', { items: [{ url: 'https://x.example/' }], quarantine: 'all' }),
      env('importItems', { items: Array.from({ length: 20_001 }, (_, i) => ({ url: `https://x.example/${i}` })) }),
      env('getArticle', { id: { $ne: null } }),
    ];
    for (const raw of bad) {
      const reply = await box.deliver(raw, POPUP);
      expect(reply?.ok, JSON.stringify(raw)?.slice(0, 100)).toBe(false);
      expect((reply as { error: string }).error.length).toBeGreaterThan(5);
      figures.refused++;
    }
    expect(await snapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(`[hardening] messages: ${figures.refused} refused (strangers, content scripts beyond their page, malformed), ${figures.allowed} own-page messages allowed`);
  });
});
