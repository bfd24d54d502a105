import { describe, expect, it } from 'vitest';
import { findSourceUrl, publisherUrl, readMoreLink } from '../../../src/aggregators/source-url';
import { loadDom } from './fixture-cases';

const PAGE = 'https://www.msn.com/en-us/money/ar-AA1';
const docOf = (head: string, body = '<p>x</p>'): Document =>
  loadDom(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, PAGE).window.document;

describe('publisherUrl', () => {
  it('accepts http(s) URLs on another host', () => {
    expect(publisherUrl('https://www.reuters.com/markets/a-story-2024', PAGE)).toBe('https://www.reuters.com/markets/a-story-2024');
  });

  it('rejects the page host, the aggregator hosts, other schemes, home pages and social or store links', () => {
    expect(publisherUrl('https://www.msn.com/en-us/other', PAGE)).toBeNull();
    expect(publisherUrl('https://www.inkl.com/news/x', 'https://d33gy59ovltp76.cloudfront.net/news/x', ['inkl.com'])).toBeNull();
    expect(publisherUrl('javascript:alert(1)', PAGE)).toBeNull();
    expect(publisherUrl('mailto:a@b.c', PAGE)).toBeNull();
    expect(publisherUrl('https://apnews.com/', PAGE)).toBeNull();
    expect(publisherUrl('https://www.facebook.com/sharer/sharer.php?u=x', PAGE)).toBeNull();
    expect(publisherUrl('https://apps.apple.com/app/id1', PAGE)).toBeNull();
    expect(publisherUrl('not a url at all', PAGE)).toBeNull();
    expect(publisherUrl(null, PAGE)).toBeNull();
  });

  it('resolves protocol-relative URLs against the page', () => {
    expect(publisherUrl('//www.businessinsider.com/a-story', PAGE)).toBe('https://www.businessinsider.com/a-story');
  });
});

describe('findSourceUrl', () => {
  it('reads the canonical first', () => {
    const doc = docOf('<link rel="canonical" href="https://www.reuters.com/a"><meta property="og:url" content="https://www.cnn.com/b">');
    expect(findSourceUrl(doc, PAGE)).toBe('https://www.reuters.com/a');
  });

  it('skips a canonical on the aggregator itself and falls back to og:url, then JSON-LD', () => {
    const doc = docOf(`<link rel="canonical" href="https://www.msn.com/x">
      <script type="application/ld+json">{"@type":"NewsArticle","mainEntityOfPage":{"@id":"https://www.nbcnews.com/story"}}</script>`);
    expect(findSourceUrl(doc, PAGE)).toBe('https://www.nbcnews.com/story');
    const og = docOf('<link rel="canonical" href="https://www.msn.com/x"><meta property="og:url" content="https://www.cnn.com/b">');
    expect(findSourceUrl(og, PAGE)).toBe('https://www.cnn.com/b');
  });

  it('survives malformed JSON-LD', () => {
    expect(findSourceUrl(docOf('<script type="application/ld+json">{not json</script>'), PAGE)).toBeNull();
  });

  it('finds "Read the full article at …" and "Read more at …" links, in several languages', () => {
    const en = docOf('', '<p><a href="https://fortune.com/2024/02/20/pilots/">Read the full article at Fortune</a></p>');
    expect(readMoreLink(en, PAGE)).toBe('https://fortune.com/2024/02/20/pilots/');
    const de = docOf('', '<p><a href="https://www.spiegel.de/a-1">Weiterlesen auf spiegel.de</a></p>');
    expect(findSourceUrl(de, PAGE)).toBe('https://www.spiegel.de/a-1');
    const plain = docOf('', '<p><a href="https://www.spiegel.de/a-1">Ein Artikel</a></p>');
    expect(findSourceUrl(plain, PAGE)).toBeNull();
  });

  it('consults only the requested sources', () => {
    const doc = docOf('<link rel="canonical" href="https://www.reuters.com/a">', '<a href="https://apnews.com/x">Read more at AP</a>');
    expect(findSourceUrl(doc, PAGE, { from: ['readmore'] })).toBe('https://apnews.com/x');
    expect(findSourceUrl(doc, PAGE, { from: ['og'] })).toBeNull();
  });
});
