/**
 * Attributes Unwrap sets on its working copy (never on the page) so later stages can read earlier findings from the
 * tree itself: the article body an adapter located, for instance.
 */

/** On the element an aggregator adapter identified as the article body. Generic stages protect it like `articleBody`. */
export const BODY_MARK = 'data-unwrap-body';

/** Selector for article bodies by markup: schema.org `articleBody`, or the body an adapter located. */
export const ARTICLE_BODY_SELECTOR = `[itemprop~="articleBody"], [${BODY_MARK}]`;
