/**
 * The validation set's check (bench/lib/validation.ts), on hand-made results (every check, pass and fail) and on
 * the three sample pages under fixtures/validation (written for this test; not part of tests/validation).
 */
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadValidationPages } from '../../../bench/lib/corpus';
import { checkValidationPage, parseValidationExpected, type ValidationExpected } from '../../../bench/lib/validation';
import { extractArticle, type Article, type ExtractResult } from '../../../src/extract/index';

const SAMPLES = join(import.meta.dirname, 'fixtures', 'validation');

const expected = (over: Partial<ValidationExpected> = {}): ValidationExpected => parseValidationExpected({
  url: 'https://news.example/story', aggregator: 'msn', verdict: 'article', title: 'Floods close the old bridge',
  publisher: 'The Daily Example', byline: 'Jane Doe in Lisbon and agencies', sourceUrl: null, teaser: false,
  leadCaption: 'The river at dawn. Photo: A. Lopes', keySentences: ['The river rose through the night.', 'The bridge stayed shut.'],
  mustExclude: ['Download the app'], mustKeep: ['Related work'], needsScripts: false, classes: [3], notes: 'test',
  ...over,
});

const article = (over: Partial<Article> = {}): ExtractResult => ({
  kind: 'article',
  verdict: { readable: true, kind: 'article', signals: [] },
  article: {
    url: 'https://news.example/story', title: 'Floods  close the old bridge', byline: 'Jane Doe in Lisbon and agencies',
    siteName: 'The Daily Example', publishedTime: null, lang: 'en', dir: 'ltr', excerpt: null, content: '',
    textContent: 'The river\u00a0rose through\n the night. The bridge stayed shut.\n\nRelated work\nThe river at dawn. Photo: A. Lopes',
    wordCount: 20, readingTimeMinutes: 1, leadImage: null, aggregator: 'msn', via: 'MSN', publisher: 'The Daily Example',
    sourceUrl: null, teaser: false, removed: [],
    ...over,
  },
});

const empty: ExtractResult = { kind: 'empty', url: 'https://news.example/story', reason: 'not-an-article', removed: [] };

describe('checkValidationPage: article pages', () => {
  it('passes when every check holds (whitespace-normalised)', () => {
    const c = checkValidationPage(expected(), article());
    expect(c.failures).toEqual([]);
    expect(c.pass).toBe(true);
    expect(c.notes).toContain('lead caption kept');
  });
  it('fails on the empty state or a stub, saying what came back', () => {
    expect(checkValidationPage(expected(), empty)).toEqual({ pass: false, failures: ['verdict: expected an article, got empty (not-an-article)'], notes: [] });
    const stub: ExtractResult = { kind: 'stub', stub: { url: 'u', aggregator: 'googlenews', via: 'Google News', destination: 'https://x.example/', title: null } };
    expect(checkValidationPage(expected(), stub).failures[0]).toMatch(/a stub pointing to https:\/\/x\.example\//);
  });
  it('compares the title case-sensitively', () => {
    const c = checkValidationPage(expected(), article({ title: 'Floods close the old Bridge' }));
    expect(c.pass).toBe(false);
    expect(c.failures).toEqual(['title: expected “Floods close the old bridge”, got “Floods close the old Bridge”']);
  });
  it('checks the publisher and byline only when expected gives them', () => {
    const wrong = article({ siteName: 'MSN', byline: 'Jane Doe' });
    expect(checkValidationPage(expected(), wrong).failures).toEqual([
      'publisher: expected “The Daily Example”, got “MSN”',
      'byline: expected “Jane Doe in Lisbon and agencies”, got “Jane Doe”',
    ]);
    expect(checkValidationPage(expected({ publisher: null, byline: null }), wrong).pass).toBe(true);
    expect(checkValidationPage(expected(), article({ byline: null })).failures).toEqual(['byline: expected “Jane Doe in Lisbon and agencies”, got none']);
  });
  it('needs at least 95 % of the key sentences in the body', () => {
    const many = Array.from({ length: 20 }, (_, i) => `Sentence number ${i} of the story.`);
    const text = many.slice(0, 19).join(' ');
    expect(checkValidationPage(expected({ keySentences: many, mustKeep: [], leadCaption: null }), article({ textContent: text })).pass).toBe(true); // 19/20 = 95 %
    const c = checkValidationPage(expected({ keySentences: many, mustKeep: [], leadCaption: null }), article({ textContent: many.slice(0, 18).join(' ') }));
    expect(c.pass).toBe(false);
    expect(c.failures[0]).toMatch(/^key sentences: 18 of 20 \(90 %\); missing “Sentence number 18 of the story\.”, “Sentence number 19 of the story\.”$/);
  });
  it('finds leaks anywhere the reader shows text, case-insensitively', () => {
    expect(checkValidationPage(expected(), article({ textContent: 'The river rose through the night. The bridge stayed shut. Related work. DOWNLOAD THE APP' })).failures).toEqual(['leak: “Download the app”']);
    expect(checkValidationPage(expected({ mustExclude: ['Daily Example'] }), article()).failures).toEqual(['leak: “Daily Example”']); // in the site line
  });
  it('fails when a mustKeep line is gone, and when the teaser flag differs', () => {
    const c = checkValidationPage(expected({ teaser: true }), article({ textContent: 'The river rose through the night. The bridge stayed shut.' }));
    expect(c.failures).toEqual(['lost: “Related work” (mustKeep)', 'teaser: expected true, got false']);
  });
  it('notes a dropped lead caption without failing', () => {
    const c = checkValidationPage(expected(), article({ textContent: 'The river rose through the night. The bridge stayed shut. Related work' }));
    expect(c.pass).toBe(true);
    expect(c.notes.some((n) => n.startsWith('lead caption not in the body'))).toBe(true);
  });
});

describe('checkValidationPage: not-article pages', () => {
  const na = expected({ verdict: 'not-article', title: null, publisher: null, byline: null, keySentences: [], mustExclude: [], mustKeep: [] });
  it('passes on the empty state (or a stub) and fails on an article', () => {
    expect(checkValidationPage(na, empty).pass).toBe(true);
    const c = checkValidationPage(na, article());
    expect(c.pass).toBe(false);
    expect(c.failures[0]).toMatch(/^verdict: expected the empty state \(not an article\), got an article titled/);
  });
});

describe('parseValidationExpected', () => {
  it('names every wrong field in one line', () => {
    expect(() => parseValidationExpected({ url: 'nope', verdict: 'maybe' }, 'x/expected.json')).toThrow(/^x\/expected\.json: url: .*verdict: /);
  });
  it('fills the optional lists', () => {
    const e = parseValidationExpected({ url: 'https://a.example/', aggregator: null, verdict: 'not-article', title: null, publisher: null, byline: null, sourceUrl: null });
    expect(e.keySentences).toEqual([]);
    expect(e.needsScripts).toBe(false);
  });
});

describe('sample pages through the real pipeline', () => {
  const pages = loadValidationPages(SAMPLES)!;
  const run = (id: string) => {
    const p = pages.find((x) => x.id === id)!;
    const exp = parseValidationExpected(p.expected, id);
    const d = new JSDOM(p.html, { url: exp.url });
    return checkValidationPage(exp, extractArticle(d.window.document, exp.url, { window: d.window as unknown as Window & typeof globalThis }));
  };
  it('loads the folder, reporting an unreadable page instead of throwing', () => {
    expect(pages.map((p) => p.id)).toEqual(['broken-expected', 'nonarticle-shop-grid', 'publisher-feature']);
    const broken = pages.find((p) => p.id === 'broken-expected')!;
    expect(() => parseValidationExpected(broken.expected, 'broken-expected/expected.json')).toThrow(/verdict.*keySentences|keySentences.*verdict/);
    expect(loadValidationPages(join(SAMPLES, 'no-such-folder'))).toBeNull();
  });
  it('a publisher feature passes: title, site name, key sentences, chrome outside, "Related work" kept', () => {
    expect(run('publisher-feature')).toMatchObject({ pass: true, failures: [] });
  });
  it('a shop grid gets the empty state', () => {
    expect(run('nonarticle-shop-grid')).toMatchObject({ pass: true, failures: [] });
  });
});
