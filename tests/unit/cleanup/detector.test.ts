import { describe, expect, it } from 'vitest';
import {
  findUpsellBlocks, genericUpsellStripper, scoreCandidates,
} from '../../../src/cleanup/detector';
import { growToBlocks } from '../../../src/cleanup/climb';
import { createScoringContext } from '../../../src/cleanup/context';
import { findLines } from '../../../src/cleanup/lines';
import { scoreBlock } from '../../../src/cleanup/score';
import { REMOVE_THRESHOLD } from '../../../src/cleanup/thresholds';
import { bodyText, docOf, prose, strip } from './dom';

const removeUpsells = (doc: Document): string[] => strip(doc, findUpsellBlocks);

describe('generic upsell detector: removes chrome', () => {
  it('removes a sign-up gate after a short article, as upsell:gate', () => {
    const doc = docOf(`
      <main><article><h1>Water board limits wells</h1>${prose(3)}</article>
      <section class="box">
        <h2>Sign up to read this article</h2>
        <p>Read news from 100's of titles, curated specifically for you.</p>
        <a href="/signup?source=gate">Start your free trial</a>
        <p><a href="/signin">Already a member? Sign in here</a></p>
      </section></main>`);
    const reasons = removeUpsells(doc);
    expect(reasons).toContain('upsell:gate');
    expect(bodyText(doc)).not.toContain('Sign up to read');
    expect(bodyText(doc)).not.toContain('Already a member');
    expect(bodyText(doc)).toContain('1. The council met');
    expect(bodyText(doc)).toContain('3. Several residents');
  });

  it('removes a "Related Stories" rail with its cards, as upsell:rail', () => {
    const doc = docOf(`
      <main><article><h1>Headline</h1>${prose(6)}</article>
      <section><h2>Related Stories</h2><div>
        <a href="/news/one"><span>Reuters</span> Uzbekistan courts European investors</a>
        <a href="/news/two"><span>FT</span> Rare-earth race puts the steppe in the spotlight</a>
      </div></section></main>`);
    expect(removeUpsells(doc)).toContain('upsell:rail');
    expect(bodyText(doc)).not.toContain('Uzbekistan courts');
    expect(bodyText(doc)).toContain('6. Critics argued');
  });

  it('removes a cookie dialog and a newsletter box with an e-mail field', () => {
    const doc = docOf(`
      <main><article><h1>Headline</h1>${prose(5)}</article></main>
      <aside class="signup"><h3>Get our free 7-day meal plan</h3>
        <p>Join 40,000 home cooks and get new recipes in your inbox every week.</p>
        <form><input type="email" name="email"></form></aside>
      <div role="dialog" aria-label="Consent"><span>We use cookies to personalise content.</span></div>`);
    const reasons = removeUpsells(doc);
    expect(reasons).toEqual(expect.arrayContaining(['upsell:newsletter', 'upsell:cookie']));
    expect(bodyText(doc)).not.toContain('in your inbox');
    expect(bodyText(doc)).not.toContain('We use cookies');
  });

  it('removes app banners found by maintained-list selectors', () => {
    const doc = docOf(`<div class="smartbanner"><strong>News</strong> <a href="https://apps.apple.com/app/id1">View</a></div>
      <article><h1>Headline</h1>${prose(4)}</article>`);
    expect(removeUpsells(doc)).toEqual(['upsell:app']);
  });

  it('removes upsells in other languages', () => {
    const doc = docOf(`
      <article><h1>Trinkbrunnen</h1>${prose(5)}</article>
      <div class="box"><h3>Newsletter abonnieren</h3><p>Die wichtigsten Nachrichten jeden Morgen in Ihrem Postfach.</p></div>
      <div class="box2"><p>Cet article est réservé aux abonnés.</p><a href="/abonnement">Je m'abonne</a></div>`);
    const reasons = removeUpsells(doc);
    expect(reasons).toEqual(expect.arrayContaining(['upsell:newsletter', 'upsell:gate']));
    expect(bodyText(doc)).not.toContain('Newsletter abonnieren');
    expect(bodyText(doc)).not.toContain('réservé aux abonnés');
  });

  it('removes ad labels and share links between paragraphs, keeping the paragraphs', () => {
    const doc = docOf(`<article><h1>Headline</h1><div class="body">${prose(3)}
      <div class="slot"><span>Advertisement</span></div>${prose(3, 'b')}
      <p class="button-wrapper"><a href="https://example.com/p/x?action=share"><span>Share Ledger Lines</span></a></p>
      </div></article>`);
    const reasons = removeUpsells(doc);
    expect(reasons).toEqual(expect.arrayContaining(['upsell:chrome', 'upsell:share']));
    expect(bodyText(doc)).not.toContain('Advertisement');
    expect(bodyText(doc)).not.toContain('Share Ledger Lines');
    expect(doc.querySelectorAll('p').length).toBe(6);
  });

  it('removes a short inline list of links to other stories on the same site', () => {
    const url = 'https://news.example.com/monarchs.html';
    const doc = docOf(`<article><h1>Monarchs</h1><div class="body">${prose(4)}
      <ul><li><a href="/monarchs-rebound-in-mexico-1.html">Monarchs rebound in Mexico's mountain forests</a></li>
          <li><a href="https://news.example.com/milkweed-2.html">Milkweed gardens spread across the West</a></li></ul>
      ${prose(4, 'b')}</div></article>`, url);
    expect(removeUpsells(doc)).toEqual(['upsell:rail']);
    expect(bodyText(doc)).not.toContain('Milkweed gardens');
  });
});

describe('generic upsell detector: never removes the article (false positives)', () => {
  it('keeps a "Related work" section of a scholarly article', () => {
    const doc = docOf(`<article><h1>Street tree canopy</h1>
      <section id="introduction"><h2>Introduction</h2>${prose(2)}</section>
      <section id="related-work"><h2>Related work</h2>
        <p>Early studies estimated the green view index, the share of vegetation pixels in a street-level image, using colour thresholds.</p>
        <p>Subsequent work replaced colour thresholds with semantic segmentation networks trained on urban scene datasets.</p></section>
      <section id="method"><h2>Method</h2>${prose(2, 'm')}</section></article>`);
    removeUpsells(doc);
    expect(bodyText(doc)).toContain('Related work');
    expect(bodyText(doc)).toContain('Early studies estimated');
    expect(bodyText(doc)).toContain('Subsequent work replaced');
  });

  it('keeps prose saying residents were asked to sign up for the new bus service', () => {
    const doc = docOf(`<article><h1>New bus service</h1>${prose(3)}
      <p>Residents were asked to sign up for the new bus service before the end of the month, the council said.</p>
      <p>Sign up for the service is free.</p>${prose(3, 'b')}</article>`);
    removeUpsells(doc);
    expect(bodyText(doc)).toContain('Residents were asked to sign up for the new bus service');
    expect(bodyText(doc)).toContain('Sign up for the service is free.');
  });

  it('keeps a review that says "Download the app from the App Store" in running prose, link included', () => {
    const doc = docOf(`<article><h1>Review: the smart scale</h1>${prose(3)}
      <p>Setting it up is painless: download the app from the <a href="https://apps.apple.com/app/id42">App Store</a>,
      create an account and pair the scale over Bluetooth, which took me under five minutes.</p>
      <p>Download the app from the App Store, and the scale walks you through calibration in a couple of steps.</p>
      ${prose(3, 'b')}</article>`);
    removeUpsells(doc);
    expect(bodyText(doc)).toContain('download the app from the App Store, create an account');
    expect(bodyText(doc)).toContain('Download the app from the App Store, and the scale walks you');
  });

  it('keeps an article whose container carries a paywall or newsletter class', () => {
    const doc = docOf(`<main><article class="paywall newsletter-post"><h1>Headline</h1>${prose(8)}</article></main>`);
    expect(findUpsellBlocks(doc)).toEqual([]);
  });

  it('does not treat the token "ads" as a signal (MSN puts it on everything)', () => {
    const doc = docOf(`<div class="content ads"><div class="body ads"><h1 class="ads">Headline</h1>
      <div class="text ads">${prose(6)}</div><div class="footer ads"><span class="ads">Copyright 2024</span></div></div></div>`);
    expect(findUpsellBlocks(doc)).toEqual([]);
  });

  it('keeps the byline line when a "23 comments" link sits in it', () => {
    const doc = docOf(`<article><header><h1>Squash salad</h1>
      <div class="entry-meta">By <span class="author">Hannah Lowe</span> · <time datetime="2024-10-08">October 8</time> ·
      <a href="#comments">23 comments</a></div></header><div class="entry-content">${prose(6)}</div></article>`);
    removeUpsells(doc);
    expect(bodyText(doc)).toContain('Hannah Lowe');
    expect(bodyText(doc)).toContain('October 8');
  });

  it('keeps a link round-up whose lists are the article', () => {
    const items = (p: string): string =>
      Array.from({ length: 6 }, (_, i) => `<li><a href="/story-${p}${i}.html">Story number ${i} about the ${p} budget talks</a></li>`).join('');
    const doc = docOf(`<article><h1>Morning briefing</h1><p>Here is what you need to know this morning about the city.</p>
      <ul>${items('a')}</ul><ul>${items('b')}</ul><ul>${items('c')}</ul></article>`, 'https://news.example.com/briefing.html');
    removeUpsells(doc);
    expect(doc.querySelectorAll('li').length).toBe(18);
  });
});

describe('lines and blocks', () => {
  it('finds the smallest element carrying each phrase', () => {
    const doc = docOf(`<div><p><span>Already a member?</span> <a href="/signin">Sign in here</a></p></div>`);
    const lines = findLines(doc.body);
    expect(lines.map((l) => l.element.tagName)).toContain('SPAN');
    expect(lines.find((l) => l.element.tagName === 'SPAN')?.shapes).toContain('member');
  });

  it('ignores a phrase buried in a long paragraph', () => {
    const doc = docOf(`<p>${'The committee heard from residents about the plan for several hours on Tuesday. '.repeat(4)}
      Many of them said they would subscribe to our newsletter, one said, though few of them actually did so later.</p>`);
    expect(findLines(doc.body)).toEqual([]);
  });

  it('grows a rail heading to its cards but stops before the article', () => {
    const doc = docOf(`<main><article><h1>H</h1>${prose(5)}</article>
      <section id="rail"><h2>Our Picks</h2><ul><li><a href="/a">A story about the ocean floor</a></li></ul></section></main>`);
    const h2 = doc.querySelector('h2')!;
    expect(growToBlocks(doc, [h2])).toEqual([doc.getElementById('rail')]);
  });

  it('scores a block with named signals', () => {
    const doc = docOf(`<article><h1>H</h1>${prose(4)}</article>
      <div id="promo" role="dialog"><h2>Get unlimited access</h2><a href="/plans">See plans</a></div>`);
    const ctx = createScoringContext(doc)!;
    const score = scoreBlock(ctx, doc.getElementById('promo')!);
    expect(score.score).toBeGreaterThanOrEqual(REMOVE_THRESHOLD);
    expect(score.veto).toBeNull();
    expect(score.signals).toMatchObject({ overlay: 1.5 });
    expect(score.signals.phrase).toBeGreaterThan(0);
  });

  it('vetoes the block holding the article', () => {
    const doc = docOf(`<div id="wrap" class="paywall"><h1>H</h1>${prose(6)}<p>Subscribe now</p></div>`);
    const candidates = scoreCandidates(doc);
    const wrap = candidates.find((c) => c.element.id === 'wrap');
    expect(wrap?.score.veto).not.toBeNull();
  });

  it('is a BlockStripper with id "upsell"', () => {
    const doc = docOf(`<article><h1>H</h1>${prose(4)}</article><div class="cookie-bar"><p>We use cookies to improve the site.</p></div>`);
    expect(genericUpsellStripper.id).toBe('upsell');
    expect(genericUpsellStripper.find(doc, { url: doc.URL }).map((b) => b.reason)).toEqual(['upsell:cookie']);
  });

  it('stays fast on a large page', () => {
    const doc = docOf(`<article><h1>Long read</h1>${prose(400)}</article>
      ${Array.from({ length: 50 }, (_, i) => `<aside><h3>Related Stories</h3><a href="/s${i}">Story ${i} headline here</a></aside>`).join('')}`);
    findUpsellBlocks(doc); // warm up: regex compilation and JIT
    const t0 = performance.now();
    const found = findUpsellBlocks(doc);
    const ms = performance.now() - t0;
    expect(found.length).toBe(50);
    expect(ms).toBeLessThan(3000); // jsdom is slow; browsers run this in a fraction of it
  });
});
