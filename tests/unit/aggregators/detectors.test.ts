import { describe, expect, it } from 'vitest';
import { hostMatches, matchesDetector } from '../../../src/aggregators/adapter';
import { detectAggregator, DETECTORS } from '../../../src/aggregators/detectors';
import { ADAPTERS, findAdapter } from '../../../src/aggregators/registry';
import { loadDom } from './fixture-cases';

const docAt = (url: string, body = '<p>Hello</p>', head = ''): Document =>
  loadDom(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, url).window.document;

const detect = (url: string, body?: string, head?: string): string | null => detectAggregator(docAt(url, body, head), url)?.id ?? null;

describe('DETECTORS and ADAPTERS', () => {
  it('list the same aggregators in the same order, with unique ids', () => {
    expect(ADAPTERS.map((a) => a.id)).toEqual(DETECTORS.map((d) => d.id));
    expect(new Set(DETECTORS.map((d) => d.id)).size).toBe(DETECTORS.length);
  });

  it('each adapter carries its detector unchanged', () => {
    for (const [i, d] of DETECTORS.entries()) {
      const a = ADAPTERS[i]!;
      expect(a.hosts).toEqual(d.hosts);
      expect(a.label).toBe(d.label);
      expect(a.path).toBe(d.path);
      expect(a.fingerprint).toBe(d.fingerprint);
      expect(a.stubOnly).toBe(d.stubOnly);
    }
  });
});

describe('detectAggregator by host', () => {
  const cases: Array<[string, string | null]> = [
    ['https://www.inkl.com/news/emmanuel-macron-vows-to-boost-french-cooperation', 'inkl'],
    ['https://inkl.com/weekly-wraps/2024-05-01', 'inkl'],
    ['https://d33gy59ovltp76.cloudfront.net/news/village-bakeries', 'inkl'],
    ['https://www.msn.com/en-us/money/markets/chile-copper/ar-AA1nQk7Z', 'msn'],
    ['https://news.yahoo.com/volunteers-count-monarch-butterflies-183412057.html', 'yahoo'],
    ['https://www.yahoo.com/news/regional-airlines-140512883.html', 'yahoo'],
    ['https://finance.yahoo.com/news/best-psvr-games-170003443.html', 'yahoo'],
    ['https://de.nachrichten.yahoo.com/niedersachsen-091512344.html', 'yahoo'],
    ['https://www.yahoo.com/', null],
    ['https://flipboard.com/article/the-last-lighthouse/f-9a1c3e5b7d', 'flipboard'],
    ['https://www.newsbreak.com/des-moines-ia/3412908761234-parking', 'newsbreak'],
    ['https://ground.news/article/canada-unveils-plan', 'groundnews'],
    ['https://www.smartnews.com/news/us/article/8d2f0c91a4b3', 'smartnews'],
    ['https://www.pressreader.com/canada/vancouver-sun/20240312/281500755612345', 'pressreader'],
    ['https://news.google.com/articles/CBMiQmh0dHBzOi8v?hl=en-US', 'googlenews'],
    ['https://news.google.com/rss/articles/CBMiQmh0dHBzOi8v', 'googlenews'],
    ['https://news.google.com/home?hl=en-US', null],
    ['https://apple.news/AqR7x2Lm9TnK4pWc0s1vBzQ', 'applenews'],
    ['https://c.newsnow.co.uk/A/1287654321?-43286:12', 'newsnow'],
    ['https://www.newsnow.com/us/', 'newsnow'],
    ['https://medium.com/@someone/a-post-4b2c9e1f7a3d', 'medium'],
    ['https://towardsdatascience.medium.com/a-post', 'medium'],
    ['https://platformer.substack.com/p/some-post', 'substack'],
    ['https://www.example.com/news/story.html', null],
    ['https://notinkl.com/news/x', null],
    ['https://inkl.com.evil.example/news/x', null],
  ];
  for (const [url, id] of cases) {
    it(`${url} → ${id}`, () => {
      expect(detect(url)).toBe(id);
    });
  }

  it('a URL that does not parse is no aggregator', () => {
    expect(detectAggregator(docAt('https://example.com/'), 'not a url')).toBeNull();
  });

  it('hostMatches is exact or subdomain, never a suffix of another name', () => {
    expect(hostMatches('www.inkl.com', 'inkl.com')).toBe(true);
    expect(hostMatches('inkl.com', 'inkl.com')).toBe(true);
    expect(hostMatches('notinkl.com', 'inkl.com')).toBe(false);
  });
});

describe('detectAggregator by fingerprint (any host)', () => {
  const pitch = `<header><div>Get all your news in one place.</div><div>100’s of premium titles.</div><div>One app.</div>
    <a href="/signup">Start reading</a></header><main><p>The Guardian - UK</p><p>The Guardian - UK</p><h1>Story</h1></main>`;

  it('recognises inkl’s header pitch on a mirror host', () => {
    expect(detect('https://mirror.example.net/news/some-story', pitch)).toBe('inkl');
  });

  it('looks only at the top of the page for the inkl pitch', () => {
    const filler = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(60)}</p>`;
    expect(detect('https://blog.example.net/post', filler + pitch)).toBeNull();
  });

  it('does not take a quotation of the tagline for inkl', () => {
    expect(detect('https://blog.example.net/post', '<p>Their slogan, "Get all your news in one place", is everywhere.</p>')).toBeNull();
  });

  it('recognises Medium on a custom domain by head prefix or client script', () => {
    expect(detect('https://blog.example-eng.io/post-4b2c', '<article><p>x</p></article>', '')).toBeNull();
    const byPrefix = loadDom(
      '<!doctype html><html><head prefix="og: http://ogp.me/ns# medium-com: http://ogp.me/ns/fb/medium-com#"></head><body><p>x</p></body></html>',
      'https://blog.example-eng.io/post',
    ).window.document;
    expect(detectAggregator(byPrefix, 'https://blog.example-eng.io/post')?.id).toBe('medium');
    expect(detect('https://blog.example-eng.io/post', '<p>x</p><script src="https://cdn-client.medium.com/lite/static/js/main.js"></script>')).toBe('medium');
  });

  it('recognises Substack on a custom domain, but not a page that merely shows a Substack image', () => {
    expect(detect('https://www.platformer.news/p/x', '<div class="pencraft pc-display-flex">x</div>')).toBe('substack');
    expect(detect('https://www.platformer.news/p/x', '<p>x</p>', '<link rel="preconnect" href="https://substackcdn.com">')).toBe('substack');
    expect(detect('https://blog.example.org/a', '<img src="https://substackcdn.com/image/fetch/x.jpg"><p>quote</p>')).toBeNull();
  });

  it('prefers a host match over any fingerprint', () => {
    expect(detect('https://www.inkl.com/news/x', '<div class="pencraft">x</div>')).toBe('inkl');
  });
});

describe('findAdapter and matchesDetector agree with detectAggregator', () => {
  it('returns the adapter of the detected aggregator', () => {
    const url = 'https://news.yahoo.com/story-123.html';
    expect(findAdapter(docAt(url), url)?.id).toBe('yahoo');
    expect(findAdapter(docAt('https://example.com/'), 'https://example.com/')).toBeNull();
  });

  it('matchesDetector applies host, path and fingerprint', () => {
    const yahoo = DETECTORS.find((d) => d.id === 'yahoo')!;
    expect(matchesDetector(yahoo, docAt('https://news.yahoo.com/a.html'), 'https://news.yahoo.com/a.html')).toBe(true);
    expect(matchesDetector(yahoo, docAt('https://aol.com/x'), 'https://aol.com/x')).toBe(false);
    expect(matchesDetector(yahoo, docAt('https://aol.com/x', '<div class="caas-body">x</div>'), 'https://aol.com/x')).toBe(true);
  });
});

describe('detector cost', () => {
  it('stays cheap on a large non-aggregator page (every fingerprint runs)', () => {
    const big = Array.from({ length: 3000 }, (_, i) => `<div class="c${i}"><p>Paragraph ${i} of a very long page.</p></div>`).join('');
    const doc = docAt('https://www.example.com/long', big);
    detectAggregator(doc, 'https://www.example.com/long'); // warm up
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) expect(detectAggregator(doc, 'https://www.example.com/long')).toBeNull();
    const perCall = (performance.now() - t0) / 5;
    // Browsers are one to two orders of magnitude faster than jsdom; this bounds the work, not the wall clock.
    expect(perCall).toBeLessThan(250);
  });

  it('ships small: detectors bundle under 12 KB minified (content-script budget 15 KB with the launcher)', async () => {
    let esbuild: typeof import('esbuild') | null = null;
    try {
      esbuild = await import('esbuild');
    } catch {
      esbuild = null; // esbuild comes with Vite; without it the size check cannot run
    }
    if (!esbuild) return;
    const { fileURLToPath } = await import('node:url');
    const entry = fileURLToPath(new URL('../../../src/aggregators/detectors.ts', import.meta.url));
    const out = await esbuild.build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent' });
    const bytes = out.outputFiles[0]!.contents.byteLength;
    expect(bytes).toBeLessThan(12 * 1024);
  });
});
