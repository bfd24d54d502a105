import { describe, expect, it } from 'vitest';
import { applenews } from '../../../src/aggregators/applenews';
import { googlenews } from '../../../src/aggregators/googlenews';
import { inkl } from '../../../src/aggregators/inkl';
import { medium } from '../../../src/aggregators/medium';
import { msn } from '../../../src/aggregators/msn';
import { newsnow } from '../../../src/aggregators/newsnow';
import { pressreader } from '../../../src/aggregators/pressreader';
import { substack } from '../../../src/aggregators/substack';
import { yahoo } from '../../../src/aggregators/yahoo';
import { loadDom } from './fixture-cases';

const docAt = (url: string, body: string, head = ''): Document =>
  loadDom(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, url).window.document;
const para = (n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}: officials said the proposal would raise spending on road repairs this year.</p>`).join('');

describe('inkl', () => {
  const url = 'https://www.inkl.com/news/a-story';
  const pitch = '<div>Get all your news in one place.</div><div>100’s of premium titles.</div><div>One app.</div><a href="/signup">Start reading</a>';

  it('reads the publisher label from the publisher link before the headline', () => {
    const doc = docAt(url, `${pitch}<a href="/publishers/the-guardian-uk"><span>The Guardian - UK</span></a><h1>Story</h1>
      <a href="/news/other"><span>Reuters</span> Other story</a>`);
    expect(inkl.publisher!(doc, url)).toBe('The Guardian - UK');
  });

  it('falls back to the label printed twice after the pitch, then to the page state', () => {
    const twice = docAt(url, `${pitch}<span>The Guardian - AU</span><span>The Guardian - AU</span><span>World</span><h1>Story</h1>`);
    expect(inkl.publisher!(twice, url)).toBe('The Guardian - AU');
    const state = docAt(url, `<h1>Story</h1><script type="application/json">{"article":{"publisher":{"id":3,"name":"The Atlantic"}}}</script>`);
    expect(inkl.publisher!(state, url)).toBe('The Atlantic');
  });

  it('is a teaser only when the sign-up box follows a few paragraphs', () => {
    const gate = '<section><h2>Sign up to read this article</h2></section>';
    expect(inkl.isTeaser!(docAt(url, `<h1>S</h1>${para(3)}${gate}`))).toBe(true);
    expect(inkl.isTeaser!(docAt(url, `<h1>S</h1>${para(12)}${gate}`))).toBe(false);
    expect(inkl.isTeaser!(docAt(url, `<h1>S</h1>${para(2)}`))).toBe(false);
  });

  it('hints the byline: the author line, or the author link alone when a date shares the line', () => {
    const line = docAt(url, `<div id="l"><a href="/authors/a">Angelique Chrisafis</a><span>in Paris</span></div><h1>S</h1>`);
    expect(inkl.bylineHint!(line)?.id).toBe('l');
    const dated = docAt(url, `<div><a id="a" href="/authors/m">Maya Ortega</a> <time>June 3</time></div><h1>S</h1>`);
    expect(inkl.bylineHint!(dated)?.id).toBe('a');
  });

  it('keeps the source URL empty when the canonical stays on inkl', () => {
    const doc = docAt(url, '<p>x</p>', '<link rel="canonical" href="https://www.inkl.com/news/a-story">');
    expect(inkl.sourceUrl!(doc, 'https://d33gy59ovltp76.cloudfront.net/news/a-story')).toBeNull();
  });
});

describe('msn', () => {
  const url = 'https://www.msn.com/en-us/news/ar-AAkm7Xj';

  it('reads the provider from the modern header, the legacy label or the partner logo', () => {
    expect(msn.publisher!(docAt(url, '<span class="providerName-DS-EntryPoint1-1 ads">Reuters</span>'), url)).toBe('Reuters');
    expect(msn.publisher!(docAt(url, '<div class="providername"> Tech Insider </div>'), url)).toBe('Tech Insider');
    expect(msn.publisher!(docAt(url, '<a class="partnerlogo-img"><img alt="Business Insider logo"></a>'), url)).toBe('Business Insider');
  });

  it('takes the canonical as the source URL, not og:url', () => {
    const doc = docAt(url, '<p>x</p>', `<link rel="canonical" href="http://www.businessinsider.com/super-mario-run-2016-11">
      <meta property="og:url" content="${url}">`);
    expect(msn.sourceUrl!(doc, url)).toBe('http://www.businessinsider.com/super-mario-run-2016-11');
  });

  it('calls a page a teaser when "Continue reading" follows only the first paragraphs', () => {
    const button = '<button class="articlePage_continueReadingButton-DS-EntryPoint1-1">Continue reading</button>';
    expect(msn.isTeaser!(docAt(url, `${para(2)}${button}`))).toBe(true);
    expect(msn.isTeaser!(docAt(url, `${para(10)}${button}`))).toBe(false);
  });
});

describe('yahoo', () => {
  const url = 'https://news.yahoo.com/a-story-123.html';

  it('reads the provider from the logo title, the provider link or the page state', () => {
    expect(yahoo.publisher!(docAt(url, '<a class="link caas-attr-provider-logo" title="Associated Press" href="https://apnews.com/">AP</a>'), url)).toBe('Associated Press');
    expect(yahoo.publisher!(docAt(url, '<span class="provider-link"><a href="http://www.ap.org/">Associated Press</a></span>'), url)).toBe('Associated Press');
    expect(yahoo.publisher!(docAt(url, '<script>window.__caasState__={"providerName":"dpa"}</script>'), url)).toBe('dpa');
  });

  it('takes the read-more link as the source and calls a "read the full article" stub a teaser', () => {
    const doc = docAt(url, '<div class="caas-readmore"><a href="https://fortune.com/2024/02/20/pilots/">Read the full article at Fortune</a></div>');
    expect(yahoo.sourceUrl!(doc, url)).toBe('https://fortune.com/2024/02/20/pilots/');
    expect(yahoo.isTeaser!(doc)).toBe(true);
    const full = docAt(url, '<div class="caas-readmore"><a href="https://apnews.com/article/x">Read more at Associated Press</a></div>');
    expect(yahoo.isTeaser!(full)).toBe(false);
    expect(yahoo.isTeaser!(docAt(url, '<script>window.__caasState__={"isStub":true}</script>'))).toBe(true);
  });

  it('never attributes to the Yahoo canonical', () => {
    const doc = docAt(url, '<p>x</p>', '<link rel="canonical" href="//us.yahoo.com/news/">');
    expect(yahoo.sourceUrl!(doc, url)).toBeNull();
  });
});

describe('stub pages', () => {
  it('Google News: the "Opening https://…" link, the noscript link, or a meta refresh', () => {
    const url = 'https://news.google.com/articles/CBMi';
    expect(googlenews.stubDestination!(docAt(url, '<c-wiz>Opening <a href="https://www.bbc.com/news/a-1">https://www.bbc.com/news/a-1</a></c-wiz>'), url)).toBe('https://www.bbc.com/news/a-1');
    expect(googlenews.stubDestination!(docAt(url, '<noscript><a href="https://www.bbc.com/news/a-2">Continue</a></noscript>'), url)).toBe('https://www.bbc.com/news/a-2');
    expect(googlenews.stubDestination!(docAt(url, '<p>x</p>', '<meta http-equiv="refresh" content="0;url=https://www.bbc.com/news/a-3">'), url)).toBe('https://www.bbc.com/news/a-3');
    expect(googlenews.stubDestination!(docAt(url, '<c-wiz>Opening <a href="https://news.google.com/x">here</a></c-wiz>'), url)).toBeNull();
  });

  it('Apple News: the "Click here" link or the redirect script', () => {
    const url = 'https://apple.news/AqR7';
    expect(applenews.stubDestination!(docAt(url, '<p>You are being taken. <a href="https://www.theatlantic.com/a/1/">Click here</a></p>'), url)).toBe('https://www.theatlantic.com/a/1/');
    expect(applenews.stubDestination!(docAt(url, '<script>redirectToUrlAfterTimeout("https://www.vox.com/a/2", 0);</script>'), url)).toBe('https://www.vox.com/a/2');
    expect(applenews.stubDestination!(docAt(url, '<a href="https://apps.apple.com/app/apple-news/id1">Open in Apple News</a>'), url)).toBeNull();
  });

  it('NewsNow: the retrieval message link, and the source name as publisher', () => {
    const url = 'https://c.newsnow.co.uk/A/1287654321';
    const doc = docAt(url, '<div id="js-retrieval-msg"><p>Retrieving article from <span class="src">The Guardian</span>…</p><a href="https://www.theguardian.com/uk-news/x">click here</a></div>');
    expect(newsnow.stubDestination!(doc, url)).toBe('https://www.theguardian.com/uk-news/x');
    expect(newsnow.publisher!(doc, url)).toBe('The Guardian');
    expect(newsnow.stubDestination!(docAt('https://www.newsnow.co.uk/h/', '<p>Latest news</p>'), 'https://www.newsnow.co.uk/h/')).toBeNull();
  });
});

describe('pressreader, medium, substack', () => {
  it('PressReader: the publication from the issue title or the URL', () => {
    const url = 'https://www.pressreader.com/canada/vancouver-sun/20240312/281500755612345';
    expect(pressreader.publisher!(docAt(url, '<span class="issue-title">Vancouver Sun</span>'), url)).toBe('Vancouver Sun');
    expect(pressreader.publisher!(docAt(url, '<p>x</p>'), url)).toBe('Vancouver Sun');
  });

  it('Medium: members-only stories are teasers', () => {
    const url = 'https://medium.com/@a/b';
    expect(medium.isTeaser!(docAt(url, '<p>Member-only story</p><p>The author made this story available to Medium members only.</p>'))).toBe(true);
    expect(medium.isTeaser!(docAt(url, para(5)))).toBe(false);
  });

  it('Substack: a paywall block makes a teaser', () => {
    const url = 'https://x.substack.com/p/y';
    expect(substack.isTeaser!(docAt(url, `${para(3)}<div class="paywall"><h2>This post is for paid subscribers</h2></div>`))).toBe(true);
    expect(substack.isTeaser!(docAt(url, para(3)))).toBe(false);
  });
});
