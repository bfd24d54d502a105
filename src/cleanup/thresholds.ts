/**
 * Every threshold of the generic detector in one place (aggregators.md §5). Tune them only on the tune half of the
 * corpora; a change stays only when the validate half improves too.
 */
import type { PhraseShape } from './phrases';

/** Phrase weight per shape: gate and member highest, rail and support lowest (§5.2). */
export const SHAPE_WEIGHT: Readonly<Record<PhraseShape, number>> = {
  gate: 4, member: 4, value: 3, trial: 3, app: 3, newsletter: 3, cookie: 3, chrome: 3, share: 2.5, support: 2, rail: 2,
};

/** Shapes whose phrases are whole-line labels ("Related Stories", "Share", "Advertisement"). */
export const LABEL_SHAPES: ReadonlySet<PhraseShape> = new Set(['rail', 'share', 'chrome']);

export const REMOVE_THRESHOLD = 5;

/** Share of the page's prose above which an element is "the article" and never a candidate. */
export const ARTICLE_SHARE = 0.4;
/** Lines longer than this many words count only when the phrase covers a good part of them. */
export const LINE_MAX_WORDS = 30;
/** Text a block may add around its lines while climbing (characters outside links and matched lines). */
export const CLIMB_FREE_TEXT = 120;
export const CLIMB_FREE_TEXT_LINKY = 400;
/** Between paragraphs of the article, a block with more unexplained prose than this is part of it. */
export const MAX_UNEXPLAINED_PROSE = 400;
export const MAX_UNEXPLAINED_PROSE_OVERLAY = 1200;
/** A container of more words than this is "a long article" (the in-article penalty). */
export const LONG_CONTAINER_WORDS = 150;
