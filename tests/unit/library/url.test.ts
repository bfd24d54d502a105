import { describe, expect, it } from 'vitest';
import { acceptedCanonical, dedupeKeys, isHttpUrl, normalizeUrl, PLAIN_HTTP_URL, sameDocumentUrl } from '../../../src/library/url';

describe('normalizeUrl', () => {
  it.each([
    ['https://www.example.com/a/b/', 'example.com/a/b'],
    ['http://example.com/a/b', 'example.com/a/b'],
    ['https://EXAMPLE.com/a/b#section-2', 'example.com/a/b'],
    ['https://example.com/a/b?utm_source=x&utm_medium=y&fbclid=abc&gclid=1&mc_cid=2&mc_eid=3&ref=hn', 'example.com/a/b'],
    ['https://example.com/a/b?b=2&a=1', 'example.com/a/b?a=1&b=2'],
    ['https://example.com/a/b/amp', 'example.com/a/b'],
    ['https://example.com/a/b/amp/', 'example.com/a/b'],
    ['https://example.com/amp/a/b', 'example.com/a/b'],
    ['https://example.com/a/b.amp.html', 'example.com/a/b.html'],
    ['https://example.com/a/b?amp=1', 'example.com/a/b'],
    ['https://example.com/a/b?amp', 'example.com/a/b'],
    ['https://example.com/a/b?outputType=amp', 'example.com/a/b'],
    ['https://amp.example.com/a/b', 'example.com/a/b'],
    ['https://m.example.com/a/b', 'example.com/a/b'],
    ['https://example.com:443/a', 'example.com/a'],
    ['https://example.com/', 'example.com'],
    ['https://example.com/index.html', 'example.com'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('keeps parameters that choose the document', () => {
    expect(normalizeUrl('https://news.example.com/story?id=42&page=2')).toBe('news.example.com/story?id=42&page=2');
    expect(normalizeUrl('https://example.com/a?amp=false')).toBe('example.com/a?amp=false');
  });

  it('keeps non-default ports and paths that only look similar', () => {
    expect(normalizeUrl('http://127.0.0.1:8080/a')).toBe('127.0.0.1:8080/a');
    expect(normalizeUrl('https://example.com/camp')).toBe('example.com/camp');
    expect(normalizeUrl('https://example.com/a/b')).not.toBe(normalizeUrl('https://example.com/a/c'));
  });

  it('refuses what is not an http(s) URL', () => {
    for (const u of ['javascript:alert(1)', 'chrome://settings', 'file:///etc/passwd', 'not a url', '']) expect(normalizeUrl(u)).toBeNull();
  });
});

describe('dedupe keys', () => {
  it('the aggregator page and the publisher page share a key through sourceUrl', () => {
    const fromAggregator = dedupeKeys({ url: 'https://www.msn.com/en-gb/news/ar-AA1xyz', sourceUrl: 'https://www.theguardian.com/world/2025/story?utm_source=msn' });
    const fromPublisher = dedupeKeys({ url: 'https://www.theguardian.com/world/2025/story#comments' });
    expect(fromAggregator.some((k) => fromPublisher.includes(k))).toBe(true);
  });

  it('counts a canonical URL only on the same site (a page cannot claim another site’s story)', () => {
    expect(acceptedCanonical('https://example.com/a?x=1', 'https://www.example.com/a')).toBe('https://www.example.com/a');
    expect(acceptedCanonical('https://evil.example.net/a', 'https://example.com/a')).toBeNull();
    expect(dedupeKeys({ url: 'https://evil.example.net/a', canonicalUrl: 'https://example.com/a' })).toEqual(['evil.example.net/a']);
    expect(dedupeKeys({ url: 'https://example.com/a/amp', canonicalUrl: 'https://example.com/a' })).toEqual(['example.com/a']);
  });

  it('same document ignores only the fragment', () => {
    expect(sameDocumentUrl('https://a.com/x#top', 'https://a.com/x')).toBe(true);
    expect(sameDocumentUrl('https://a.com/x?y=1', 'https://a.com/x')).toBe(false);
    expect(sameDocumentUrl(undefined, 'https://a.com/x')).toBe(false);
  });
});

/**
 * The URL parser's verdict (`new URL`, not `URL.canParse`: Node 20's optimised canParse misreads Latin-1 strings,
 * which would make this oracle flaky; browsers do not have that bug).
 */
const parses = (s: string): boolean => {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
};
/** What isHttpUrl meant before its fast path: the scheme written out, and the URL parser's verdict. */
const byParser = (s: string): boolean => /^https?:\/\//i.test(s) && parses(s);

// Strings near the edges of the fast path: IPv4-looking hosts, punycode, ports, user info, odd characters.
const TRICKY_URLS = [
  'https://example.com', 'https://example.com/', 'HTTP://EXAMPLE.COM/A?B#C', 'https://a/', 'https://localhost', 'https://example.com.',
  'https://example.com./x', 'https://-a-.example/', 'https://a--b.example/', 'https://1.2.3.4/', 'https://1.2.3.256/', 'https://999999999999/',
  'https://0x7f.1/', 'https://1.2.3.example/', 'https://example.0x1f/', 'https://example.123/', 'https://a.b1/', 'https://xn--/',
  'https://xn--a.com/', 'https://a.xn--/', 'https://XN--abc.example/', 'https://a.xn--p1ai/', 'https://xn--nxasmq6b.com/',
  'https://example.com:8080/', 'https://example.com:99999/', 'https://user:pw@example.com/', 'https://a.com@b.com/', 'https://example..com/',
  'https://.example.com/', 'https://example.com/a b', 'https://example.com/a\tb', 'https://example.com/a\\b', 'https://example.com\\a',
  'https://example.com/%zz', 'https://example.com/%', 'https://example.com/ü', 'https://exämple.com/', 'https://example.com/\u0000',
  'https://example.com/\u007f', ' https://example.com/', 'https://example.com/ ', 'https:/example.com', 'https:example.com', 'https://',
  'https:///', 'https://?', 'https://#', 'https://example.com?q', 'https://example.com#f', 'https://[::1]/', 'https://[bad/', 'http://[bad',
  'https://example.com/[x]', 'https://ex_ample.com/', 'https://example.com/"<>`{}|^', 'https://a.-/', 'https://-/', 'https://a.b-/',
  'ftp://example.com/', 'javascript:alert(1)', 'https://example.com/\ud800', 'https://exa%41mple.com/', 'https://example.com:/',
];

describe('isHttpUrl', () => {
  it.each(TRICKY_URLS)('%j: the fast path agrees with the URL parser', (s) => {
    if (PLAIN_HTTP_URL.test(s)) expect(parses(s)).toBe(true);
    expect(isHttpUrl(s)).toBe(byParser(s));
  });

  it('the fast path never accepts what the parser refuses (random strings)', () => {
    // A fixed-seed generator: the same strings every run.
    let seed = 42;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const alphabet = ['a', 'z', 'A', '0', '9', '-', '.', 'x', 'n', '/', '?', '#', ':', '@', '%', '[', ']', '\\', ' ', '_', '~', 'é', '\t'];
    for (let i = 0; i < 20_000; i++) {
      let host = '';
      for (let j = rand(14); j >= 0; j--) host += alphabet[rand(alphabet.length)];
      const s = `${rand(2) ? 'https' : 'http'}://${rand(4) === 0 ? 'xn--' : ''}${host}`;
      if (PLAIN_HTTP_URL.test(s) && !parses(s)) throw new Error(`fast path accepted ${JSON.stringify(s)}`);
    }
  });

  it('takes the fast path for ordinary article URLs', () => {
    for (const s of ['https://www.example.com/news/2024/05/a-story?id=1&utm_source=x#top', 'http://site42.example/news/9/%E2%80%99quoted'])
      expect(PLAIN_HTTP_URL.test(s)).toBe(true);
  });
});
