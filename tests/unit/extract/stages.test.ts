// @vitest-environment node
// Each stage is exercised on a jsdom document built here (DOMPurify and Readability need a real DOM: jsdom).
import { describe, expect, it } from 'vitest';
import { cloneWithShadowRoots } from '../../../src/extract/clone-with-shadow-roots';
import { promoteLazyImages } from '../../../src/extract/lazy-images';
import { pruneNonContent } from '../../../src/extract/prune';
import { spaceBylineParts } from '../../../src/extract/byline-spacing';
import { stripBlocks, type BlockStripper } from '../../../src/cleanup/block-stripper';
import { runReadability } from '../../../src/extract/readability';
import { sanitizeInPlace, sanitizeToFragment } from '../../../src/extract/sanitize';
import { embedsToLinks } from '../../../src/extract/embeds-to-links';
import { dedupeFigureCaptions } from '../../../src/extract/figures';
import { readingStats } from '../../../src/extract/reading-time';
import { findDir, findPublishedTime, findSiteName } from '../../../src/extract/metadata';
import { dom, para } from './helpers';

describe('clone-with-shadow-roots', () => {
  it('includes open shadow root content, with slotted light children, and leaves the page untouched', () => {
    const { doc } = dom('<body><x-article id="h"><b slot="by">Ann Lee</b><i>ignored</i></x-article></body>');
    const host = doc.getElementById('h')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<h1>Shadow title</h1><p>By <slot name="by"></slot></p><p>Body in the shadow.</p>';
    const clone = cloneWithShadowRoots(doc);
    const text = clone.body.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('Shadow title');
    expect(text).toContain('By Ann Lee');
    expect(text).not.toContain('ignored');
    expect(doc.getElementById('h')!.children.length).toBe(2); // original unchanged
  });

  it('flattens nested open roots and unparsed declarative shadow roots', () => {
    const { doc } = dom('<body><x-outer><template shadowrootmode="open"><x-inner><template shadowrootmode="open"><p>Deep text</p></template></x-inner></template></x-outer></body>');
    const clone = cloneWithShadowRoots(doc);
    expect(clone.body.textContent).toContain('Deep text');
    expect(clone.querySelector('template')).toBeNull();
  });
});

describe('lazy-images', () => {
  it('promotes data-src, data-srcset, noscript fallbacks and picture sources, resolving relative URLs', () => {
    const { doc, url } = dom(`<body>
      <img id="a" src="data:image/gif;base64,R0lGOD" data-src="/img/a.jpg">
      <img id="b" data-lazy-src="b.jpg" src="https://s.yimg.com/g/images/spaceball.gif">
      <img id="c" src="/x.gif" data-srcset="/c-1x.jpg 1x, /c-2x.jpg 2x">
      <div><img class="ph" src="data:image/png;base64,AA"><noscript><img id="d" src="/d.jpg" alt="D"></noscript></div>
      <picture><source data-srcset="/e.webp"><img id="e"></picture>
      <a id="l" href="../other">link</a></body>`, 'https://news.example/section/story');
    promoteLazyImages(doc, url);
    expect(doc.getElementById('a')!.getAttribute('src')).toBe('https://news.example/img/a.jpg');
    expect(doc.getElementById('b')!.getAttribute('src')).toBe('https://news.example/section/b.jpg');
    expect(doc.getElementById('c')!.getAttribute('srcset')).toBe('https://news.example/c-1x.jpg 1x, https://news.example/c-2x.jpg 2x');
    expect(doc.getElementById('d')!.getAttribute('src')).toBe('https://news.example/d.jpg');
    expect(doc.querySelector('img.ph')).toBeNull();
    expect(doc.getElementById('e')!.getAttribute('src')).toBe('https://news.example/e.webp');
    expect(doc.getElementById('l')!.getAttribute('href')).toBe('https://news.example/other');
  });
});

describe('prune', () => {
  it('removes scripts, styles, hidden elements, site nav and small forms but keeps the article header', () => {
    const { doc } = dom(`<body><nav>Home News</nav><header><a>Logo</a></header>
      <script>evil()</script><script type="application/ld+json">{"@type":"NewsArticle"}</script><style>p{}</style>
      <div hidden>hidden text</div><div style="display:none">gone</div>
      <form><input name=q><button>Search</button></form>
      <article><header><h1>Title</h1></header>${para(3)}</article><footer>Footer links</footer></body>`);
    pruneNonContent(doc);
    const text = doc.body.textContent!;
    expect(text).toContain('Title');
    for (const gone of ['Home News', 'Logo', 'evil()', 'hidden text', 'gone', 'Search', 'Footer links']) expect(text).not.toContain(gone);
    expect(doc.querySelector('script[type="application/ld+json"]')).not.toBeNull();
  });
});

describe('byline-spacing', () => {
  it('inserts the space the markup forgot between byline parts', () => {
    const { doc } = dom('<body><div class="byline"><a>Angelique Chrisafis</a><span>in Paris and agencies</span></div><p><b>Bo</b>ld stays</p></body>');
    spaceBylineParts(doc);
    expect(doc.querySelector('.byline')!.textContent).toBe('Angelique Chrisafis in Paris and agencies');
    expect(doc.querySelector('p')!.textContent).toBe('Bold stays');
  });
});

describe('strip-upsells (extension point)', () => {
  it('removes what strippers choose and records each block with its reason and first words', () => {
    const { doc, url } = dom('<body><div id="gate">Sign up to read this article and get unlimited access to all of our journalism every day</div><p>Real text.</p></body>');
    const stripper: BlockStripper = { id: 't', find: (d) => [{ element: d.getElementById('gate')!, reason: 'upsell:gate' }] };
    const removed = stripBlocks(doc, { url }, [stripper]);
    expect(removed).toEqual([{ reason: 'upsell:gate', text: 'Sign up to read this article and get unlimited access to all…' }]);
    expect(doc.getElementById('gate')).toBeNull();
  });
});

describe('readability', () => {
  it('returns the content element and flags readerable pages', () => {
    const { doc } = dom(`<html lang="en"><head><title>River story</title></head><body><article><h1>River story</h1>${para(6)}</article></body></html>`);
    const out = runReadability(doc)!;
    expect(out.contentElement?.textContent).toContain('great flood');
    expect(out.probablyReaderable).toBe(true);
  });
});

describe('sanitize', () => {
  it('drops scripts, handlers, forms, iframes, javascript: URLs; links open in a new tab; ids namespaced', () => {
    const { doc, win } = dom('<body><div id="c"><p onclick="x()">Hi <a href="javascript:alert(1)">bad</a> <a href="https://a.example/">good</a> <a href="#fn1">1</a></p><p id="fn1">note</p><script>x()</script><form><input></form><iframe src="https://evil.example"></iframe><img src="x" onerror="x()"></div></body>');
    const el = doc.getElementById('c')!;
    sanitizeInPlace(el, win);
    const html = el.innerHTML;
    expect(html).not.toMatch(/onclick|onerror|<script|<form|<iframe|javascript:/i);
    const good = el.querySelector('a[href="https://a.example/"]')!;
    expect(good.getAttribute('target')).toBe('_blank');
    expect(good.getAttribute('rel')).toBe('noopener noreferrer');
    expect(el.querySelector('a[href="#user-content-fn1"]')).not.toBeNull();
    expect(el.querySelector('#user-content-fn1')).not.toBeNull();
    const frag = sanitizeToFragment('<p>ok</p><svg><script>x()</script></svg><math><mi>x</mi></math>', win);
    expect(frag.querySelector('svg, math, script')).toBeNull();
  });

  it('turns embeds into plain links before sanitising', () => {
    const { doc } = dom('<body><div id="c"><iframe src="https://www.youtube.com/embed/abc" title="Flood video"></iframe><video src="/v.mp4"></video></div></body>');
    const el = doc.getElementById('c')!;
    embedsToLinks(el, 'https://news.example/');
    const links = Array.from(el.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([['Embedded content: Flood video', 'https://www.youtube.com/embed/abc'], ['Video: news.example', 'https://news.example/v.mp4']]);
  });
});

describe('figures', () => {
  it('keeps one caption: an alt that repeats the caption is emptied, a repeated caption paragraph removed', () => {
    const { doc } = dom('<body><div id="c"><figure><img src="a.jpg" alt="Macron shakes hands with Tokayev."><figcaption>Macron shakes hands with Tokayev. Photograph: EPA</figcaption></figure><p>Macron shakes hands with Tokayev.</p><p>Body.</p></div></body>');
    const el = doc.getElementById('c')!;
    dedupeFigureCaptions(el);
    expect(el.querySelector('img')!.getAttribute('alt')).toBe('');
    expect(el.querySelectorAll('p').length).toBe(1);
  });
});

describe('metadata', () => {
  it('reading time is language-aware and counts CJK by characters', () => {
    const en = readingStats('word '.repeat(456), 'en');
    const de = readingStats('Wort '.repeat(456), 'de');
    expect(en).toEqual({ wordCount: 456, readingTimeMinutes: 2 });
    expect(de.readingTimeMinutes).toBe(3);
    const ja = readingStats('日本語の文章です。'.repeat(100), 'ja');
    expect(ja.wordCount).toBeGreaterThan(700);
    expect(ja.readingTimeMinutes).toBe(2); // 800 characters at 357 per minute
  });

  it('direction from markup, language, or the text itself', () => {
    const { doc } = dom('<html><body><p>x</p></body></html>');
    expect(findDir(doc, null, 'he-IL', '')).toBe('rtl');
    expect(findDir(doc, null, null, 'هذا نص عربي طويل بما يكفي لتحديد الاتجاه')).toBe('rtl');
    expect(findDir(doc, null, 'en', 'plain English text')).toBe('ltr');
  });

  it('published time and site name from meta, JSON-LD or the host', () => {
    const { doc, url } = dom('<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-02-03T10:00:00Z","publisher":{"name":"Daily Example"}}</script></head><body></body></html>');
    expect(findPublishedTime(doc, null)).toBe('2024-02-03T10:00:00.000Z');
    expect(findSiteName(doc, url, null)).toBe('Daily Example');
    const bare = dom('<html><body></body></html>', 'https://www.plain.example/a');
    expect(findSiteName(bare.doc, bare.url, null)).toBe('plain.example');
  });
});
