import { describe, expect, it } from 'vitest';
import { acceptedCanonical, dedupeKeys, normalizeUrl, sameDocumentUrl } from '../../../src/library/url';

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
