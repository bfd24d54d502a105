/**
 * Medium (medium.com and custom domains): detected on any domain by its DOM fingerprint (aggregators.md §2.15).
 * Classes are hashed, so the hooks are attributes (`data-testid`, `aria-describedby`, `role="dialog"`), link targets
 * (`operation=register`, `/plans?source=upgrade_membership`) and text. Members-only text is never unhidden.
 */
import { defineAdapter, type AggregatorAdapter, type AggregatorDetector } from './adapter';
import { headPrefix, loadsFrom } from './fingerprint';
import { normaliseText } from '../dom/text';

export const mediumDetector: AggregatorDetector = {
  id: 'medium',
  label: 'Medium',
  hosts: ['medium.com'],
  fingerprint: (doc) => headPrefix(doc, 'medium-com:') || loadsFrom(doc, 'cdn-client.medium.com'),
};

const MEMBER_GATE = /(create an account|sign up|become a member|sign in) to read the (full|rest of the|whole) story|made this story available to .{0,40}members only|^member-only story$/i;

export const medium: AggregatorAdapter = /* @__PURE__ */ defineAdapter(mediumDetector, {
  bodyRoot: ['article', '[data-testid="storyContent"]'],
  strip: [
    { selector: '[data-testid="storyReadTime"]', reason: 'meta' },
    { selector: '[aria-describedby="postFooterSocialMenu"], [data-testid="post-sidebar"], [data-testid="headerSocialShareButton"]', reason: 'share' },
    { selector: '[id*="ShowPostUnderUser-navbar-open-in-app-button"], .js-openInAppButton, a[href^="https://rsci.app.link"]', reason: 'app' },
    { selector: '.js-directEmailSignup', reason: 'newsletter' },
    { selector: 'div[role="dialog"]', reason: 'membership' },
    { selector: '[style*="bottom: 0px"], [style*="bottom:0px"]', reason: 'signup-banner' },
    { selector: 'a[href*="/m/signin?"][href*="operation=register"], a[href*="medium.com/m/signin"]', reason: 'signup' },
    { selector: 'a[href^="/plans?source=upgrade_membership"], a[href*="medium.com/plans"]', reason: 'membership' },
  ],
  stripText: [
    { pattern: /^sign up to discover human stories/i, reason: 'signup-banner', scope: 'block' },
    { pattern: /^get unlimited access to the best of medium/i, reason: 'membership', scope: 'block' },
    { pattern: /^responses \(\d+\)$/i, reason: 'responses', scope: 'block' },
    { pattern: /^recommended from medium$/i, reason: 'rail', scope: 'block' },
    { pattern: /^written by .{2,60}$/i, reason: 'author-box', scope: 'block' },
  ],
  publisher: () => null,
  sourceUrl: () => null, // a Medium post is the original
  isTeaser: (doc) =>
    Array.from(doc.querySelectorAll('h2, h3, p, span, div')).some((el) => {
      const t = normaliseText(el.textContent ?? '');
      return t.length < 200 && MEMBER_GATE.test(t);
    }),
});
