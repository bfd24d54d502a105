/**
 * Detector step 4 — score: phrase weight by shape, short text, link density, sign-in/plans/app-store links, e-mail
 * fields, dialogs and fixed layers, class/id tokens; minus running prose and in-article position (aggregators.md
 * §5.2–5.3). The token `ads` is never a signal.
 */
import { blockOf } from '../dom/inline';
import { countWords, textOf } from '../dom/text';
import { isArticleContainer, type ScoringContext } from './context';
import type { UpsellLine } from './lines';
import { SHAPES, type PhraseShape } from './phrases';
import type { BlockShape } from './shape';
import { hasEmailInput, hrefKinds, isOverlay, isSentenceLike, tokenSignal } from './signals';
import { LABEL_SHAPES, LONG_CONTAINER_WORDS, SHAPE_WEIGHT } from './thresholds';
import { isArticleFlow, vetoOf } from './veto';

export interface BlockScore {
  readonly score: number;
  readonly shape: BlockShape;
  /** Signal name → contribution, for debugging and tests. */
  readonly signals: Readonly<Record<string, number>>;
  /** Why the block may never be removed, when it may not. */
  readonly veto: string | null;
}

export function strongestShape(shapes: Iterable<PhraseShape>): PhraseShape | null {
  let best: PhraseShape | null = null;
  for (const s of shapes) {
    if (!best || SHAPE_WEIGHT[s] > SHAPE_WEIGHT[best] || (SHAPE_WEIGHT[s] === SHAPE_WEIGHT[best] && SHAPES.indexOf(s) < SHAPES.indexOf(best))) best = s;
  }
  return best;
}

function closestContainer(el: Element, root: Element): Element | null {
  for (let p = el.parentElement; p && p !== root; p = p.parentElement) if (isArticleContainer(p)) return p;
  return null;
}

function wordsOfContainer(ctx: ScoringContext, el: Element): number {
  let n = ctx.memo.containerWords.get(el);
  if (n === undefined) {
    n = countWords(textOf(el));
    ctx.memo.containerWords.set(el, n);
  }
  return n;
}

/** Lines not inside another of the given lines (a line's parts are not counted twice). */
function outermostLines(lines: readonly UpsellLine[]): UpsellLine[] {
  return lines.filter((l) => !lines.some((o) => o !== l && o.element.contains(l.element)));
}

function lineCoverage(lines: readonly UpsellLine[], total: number): number {
  if (total === 0) return 0;
  let covered = 0;
  for (const l of lines) covered += textOf(l.element).length;
  return Math.min(1, covered / total);
}

/** Score one block. */
export function scoreBlock(ctx: ScoringContext, block: Element): BlockScore {
  const signals: Record<string, number> = {};
  const add = (name: string, v: number): void => {
    if (v !== 0) signals[name] = (signals[name] ?? 0) + v;
  };
  const lines = outermostLines(ctx.linesUnder.get(block) ?? []);
  const seed = ctx.seeds.get(block) ?? null;
  const overlay = isOverlay(block) || seed === 'overlay';
  const text = textOf(block);
  const words = countWords(text);

  // Phrases: the strongest shape of each line, summed over lines, capped.
  let phrase = 0;
  let exact = false;
  let labelExact = false;
  const shapes = new Set<PhraseShape>();
  for (const l of lines) {
    const s = strongestShape(l.shapes);
    if (!s) continue;
    for (const x of l.shapes) shapes.add(x);
    phrase += SHAPE_WEIGHT[s];
    if (l.coverage >= 0.8) {
      exact = true;
      if (LABEL_SHAPES.has(s)) labelExact = true;
    }
  }
  add('phrase', Math.min(7, phrase));
  if (exact) add('exact-line', labelExact ? 1.5 : 1);
  if (seed) add('selector', 5);

  if (words <= 60) add('short', 1);
  else if (words > 200) add('long', -1);
  const density = ctx.density(block);
  if (density >= 0.5) add('links', 1);

  let hrefs = 0;
  const kinds = hrefKinds(block, ctx.memo);
  if (kinds.auth) hrefs += 1.5;
  if (kinds.app) hrefs += 1.5;
  if (kinds.newsletter) hrefs += 1;
  add('hrefs', Math.min(2, hrefs));
  if (hasEmailInput(block)) add('email-input', 1.5);
  if (overlay) add('overlay', 1.5);

  const tokens = tokenSignal(block, ctx.memo);
  add('tokens', tokens.strong ? 2 : tokens.weak ? 1 : 0);

  // Subtract: running prose, and being part of a long article.
  const coverage = lineCoverage(lines, text.length);
  if (!overlay && coverage < 0.5 && density < 0.25 && isSentenceLike(text)) add('prose', -3);
  const container = closestContainer(block, ctx.body);
  // Penalties protect prose; a block that is all links (inline recirculation) is not prose.
  const protectable = !overlay && !labelExact && density < 0.8;
  if (protectable && container && wordsOfContainer(ctx, container) > LONG_CONTAINER_WORDS) add('in-article', -1.5);
  const parent = block.parentElement;
  const inFlow = parent !== null && isArticleFlow(ctx, parent);
  if (protectable && inFlow) add('in-flow', -1);

  let veto = vetoOf(ctx, block, overlay, lines);
  // Part of a sentence: a link or a span inside a paragraph of prose is the paragraph's, never chrome on its own.
  if (!veto && blockOf(block) !== block && ctx.prose.isParagraph(blockOf(block))) veto = 'inside-paragraph';
  // Between the article's own paragraphs a block must be mostly phrase or mostly links, or carry a list selector.
  if (!veto && inFlow && !seed && !tokens.strong && coverage < 0.5 && density < 0.5) veto = 'in-flow-prose';

  const score = Object.values(signals).reduce((a, b) => a + b, 0);
  const shape: BlockShape = strongestShape(shapes) ?? seed ?? tokens.strong ?? (overlay ? 'overlay' : 'chrome');
  return { score, shape, signals, veto };
}
