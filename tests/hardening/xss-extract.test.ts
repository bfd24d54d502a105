/**
 * Issue 6, script injection (unit level): every payload of the corpus, placed in every part of an article page,
 * goes through `extractArticle` in jsdom; the body Unwrap would show (the stored HTML string and the live element
 * the overlay moves in) contains no script, handler, frame, style, javascript:/data: URL or clobbering id, also
 * after being serialised and parsed again (mutation XSS). The display-time sanitiser (stored and imported HTML)
 * gets every payload directly too.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../src/extract';
import { sanitizeInPlace, sanitizeToFragment, sanitizeToString } from '../../src/extract/sanitize';
import { PAYLOADS, renderPayload } from '../fixtures/hostile/xss-payloads';
import { singlePayloadPage } from '../fixtures/hostile/payload-pages';
import { scanForDanger, scanHtml } from './support/danger';

const ORIGIN = 'http://sentinel.test';
const URL = 'https://news.example/ferry';

// One window for the whole file; each page is parsed with its DOMParser (like a browser parses, without the cost
// of a new window per page). DOMPurify runs with this window.
const jsdom = new JSDOM('<!doctype html><body></body>', { url: URL });
const win = jsdom.window as unknown as Window & typeof globalThis;
const doc = win.document;
const parse = (html: string) => new win.DOMParser().parseFromString(html, 'text/html');

describe('XSS corpus', () => {
  it('has at least 150 payloads, each with a unique id, in every family the issue names', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(PAYLOADS.map((p) => p.id)).size).toBe(PAYLOADS.length);
    const families = new Set(PAYLOADS.map((p) => p.family));
    for (const f of ['script', 'handler', 'url', 'svg', 'mathml', 'srcdoc', 'meta', 'base', 'css', 'clobber', 'mxss']) expect(families).toContain(f);
    // Every payload that can run code carries its sentinel.
    for (const p of PAYLOADS) expect(renderPayload(p, ORIGIN)).not.toContain('{{JS');
  });

  it('the checker itself finds what it must (positive controls)', () => {
    for (const bad of ['<img src=x onerror=alert(1)>', '<a href="java\tscript:alert(1)">x</a>', '<svg></svg>', '<p style="color:red">x</p>', '<a id="x">x</a>', '<iframe srcdoc="x"></iframe>', '<img src="data:text/html,x">']) {
      expect(scanHtml(bad, doc), bad).not.toEqual([]);
    }
    expect(scanHtml('<p><a href="https://x.example/" target="_blank" rel="noopener noreferrer">ok</a><img src="https://x.example/a.png" alt="a"></p>', doc)).toEqual([]);
  });
});

describe('extractArticle on pages carrying a payload everywhere', () => {
  const outcomes = { article: 0, empty: 0, stub: 0, threw: 0 };
  const findings: string[] = [];

  it.each(PAYLOADS.map((p) => [p.id, p.family, p.name, p] as const))('#%i %s: %s', (_id, _family, _name, p) => {
    const page = parse(singlePayloadPage(p, ORIGIN));
    let result;
    try {
      result = extractArticle(page, URL, { window: win });
    } catch (err) {
      outcomes.threw++;
      throw err;
    }
    outcomes[result.kind]++;
    if (result.kind !== 'article') return;
    const a = result.article;
    const found = [...scanHtml(a.content, doc), ...(result.body ? scanForDanger(result.body) : [])];
    findings.push(...found.map((f) => `#${p.id}: ${f}`));
    expect(found).toEqual([]);
    // Metadata is plain text (shown as text nodes); URLs the reader links or loads are http(s) only.
    for (const v of [a.title, a.byline, a.siteName, a.excerpt, a.publishedTime]) expect(v === null || typeof v === 'string').toBe(true);
    for (const u of [a.leadImage, a.sourceUrl, a.url]) if (u) expect(u).toMatch(/^(?:https?:|data:image\/)/);
    expect(a.publishedTime === null || !Number.isNaN(Date.parse(a.publishedTime))).toBe(true);
  });

  it('summary: every page was read or refused cleanly, nothing dangerous came out', () => {
    console.log(`[hardening] extractArticle: ${PAYLOADS.length} payload pages → ${JSON.stringify(outcomes)}; dangerous findings: ${findings.length}`);
    expect(outcomes.threw).toBe(0);
    expect(findings).toEqual([]);
    // Most pages still produce the article (the payload did not break reading).
    expect(outcomes.article).toBeGreaterThan(PAYLOADS.length * 0.8);
  });
});

describe('the display-time sanitiser (stored and imported HTML) gets every payload directly', () => {
  const problems: string[] = [];

  it.each(PAYLOADS.map((p) => [p.id, p.name, p] as const))('#%i %s: string, fragment and in place', (_id, _name, p) => {
    const html = `<p>before</p>${renderPayload(p, ORIGIN)}<p>after</p>`;
    const found: string[] = [];
    const once = sanitizeToString(html, win);
    found.push(...scanHtml(once, doc).map((f) => `string: ${f}`));
    found.push(...scanForDanger(sanitizeToFragment(html, win)).map((f) => `fragment: ${f}`));
    const holder = doc.createElement('div');
    const t = doc.createElement('template');
    t.innerHTML = html;
    holder.append(t.content);
    sanitizeInPlace(holder, win);
    found.push(...scanForDanger(holder).map((f) => `in place: ${f}`));
    // Sanitising twice changes nothing (what is stored is shown as stored).
    if (sanitizeToString(once, win) !== once) found.push('not idempotent');
    problems.push(...found.map((f) => `#${p.id} ${f}`));
    expect(found).toEqual([]);
  });

  it('summary', () => {
    console.log(`[hardening] display sanitiser: ${PAYLOADS.length} payloads × 3 paths (string, fragment, in place), findings: ${problems.length}`);
    expect(problems).toEqual([]);
  });
});
