import { describe, expect, it } from 'vitest';
import {
  classTokens, hasAppHref, hasAuthHref, hasEmailInput, hasNewsletterHref, isOverlay, isSentenceLike, isShareLink, tokenSignal,
} from '../../../src/cleanup/signals';
import { docOf } from './dom';

const el = (html: string): Element => docOf(html).body.firstElementChild!;

describe('signals', () => {
  it('recognises sign-in, plans and subscribe links on any host', () => {
    expect(hasAuthHref(el('<div><a href="https://www.inkl.com/signin?return_to=%2Fnews">x</a></div>'))).toBe(true);
    expect(hasAuthHref(el('<div><a href="https://medium.com/m/signin?operation=register">x</a></div>'))).toBe(true);
    expect(hasAuthHref(el('<div><a href="/plans?source=upgrade_membership">x</a></div>'))).toBe(true);
    expect(hasAuthHref(el('<div><a href="/news/subscription-boxes-are-booming">x</a></div>'))).toBe(false);
  });

  it('recognises app stores and deep-link services', () => {
    expect(hasAppHref(el('<div><a href="https://apps.apple.com/app/id1">x</a></div>'))).toBe(true);
    expect(hasAppHref(el('<div><button data-href="https://newsbreak.onelink.me/4Gj2/a">x</button></div>'))).toBe(true);
    expect(hasAppHref(el('<div><a href="https://yahoonews.app.link/open">x</a></div>'))).toBe(true);
    expect(hasAppHref(el('<div><a href="https://www.apple.com/newsroom/">x</a></div>'))).toBe(false);
  });

  it('recognises newsletter pages, e-mail fields and share endpoints', () => {
    expect(hasNewsletterHref(el('<div><a href="/newsletters/morning">x</a></div>'))).toBe(true);
    expect(hasEmailInput(el('<form><input type="email"></form>'))).toBe(true);
    expect(hasEmailInput(el('<form><input type="search"></form>'))).toBe(false);
    expect(isShareLink(el('<a href="https://www.facebook.com/sharer/sharer.php?u=x">f</a>'))).toBe(true);
    expect(isShareLink(el('<a href="https://example.com/p/x?utm_content=share&action=share">s</a>'))).toBe(true);
    expect(isShareLink(el('<a href="https://example.com/share-prices-fall">s</a>'))).toBe(false);
  });

  it('sees dialogs and fixed layers from markup alone', () => {
    expect(isOverlay(el('<div role="dialog"></div>'))).toBe(true);
    expect(isOverlay(el('<div aria-modal="true"></div>'))).toBe(true);
    expect(isOverlay(el('<div style="position: fixed; bottom: 0"></div>'))).toBe(true);
    expect(isOverlay(el('<div style="z-index: 9999"></div>'))).toBe(true);
    expect(isOverlay(el('<div style="position: relative"></div>'))).toBe(false);
  });

  it('splits class and id names into tokens, hashed CSS modules included', () => {
    expect(classTokens(el('<div class="Gate_box__pL9sD newsletterSignup" id="app-banner"></div>'))).toEqual(
      expect.arrayContaining(['gate', 'box', 'newsletter', 'signup', 'app', 'banner']),
    );
  });

  it('weighs tokens: strong, weak, and never "ads"', () => {
    expect(tokenSignal(el('<div class="paywall-prompt"></div>')).strong).toBe('gate');
    expect(tokenSignal(el('<div class="app-banner"></div>')).strong).toBe('app');
    expect(tokenSignal(el('<div class="tp-modal"></div>')).strong).toBe('gate');
    expect(tokenSignal(el('<div class="related-links"></div>'))).toEqual({ strong: null, weak: 'rail' });
    expect(tokenSignal(el('<div class="content ads"></div>'))).toEqual({ strong: null, weak: null });
    expect(tokenSignal(el('<div class="top navigate"></div>'))).toEqual({ strong: null, weak: null });
  });

  it('tells sentences from labels', () => {
    expect(isSentenceLike('Residents were asked to sign up for the new bus service before the end of the month.')).toBe(true);
    expect(isSentenceLike('Sign up for free')).toBe(false);
    expect(isSentenceLike('GET THE APP NOW AND READ ALL THE NEWS YOU WANT TODAY.')).toBe(false);
  });
});
