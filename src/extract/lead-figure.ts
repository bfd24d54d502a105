/**
 * The lead image's figure: pages often put the hero image, with its caption and credit, above or beside the
 * headline, outside the container Readability keeps as the body, so the caption and credit were lost. This stage
 * finds that figure on the working copy before Readability (the figure holding the page's lead image, else the
 * first figure before the article's first paragraph), and reads its caption and credit as text. After
 * Readability, a body that kept the image but not its caption gets the caption back (`restoreLeadCaption`).
 */
import { countWords } from '../dom/text';
import type { LeadFigure } from './types';
import { resolveUrl } from './resolve-url';

/** Whitespace collapsed only: captions are shown as the page wrote them (normaliseText would fold their quotes). */
const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Elements that hold a photo credit: microdata, or a class/id token that says so. */
const CREDIT_SELECTOR = '[itemprop~="copyrightHolder"], [itemprop~="creator"], [itemprop~="copyrightNotice"]';
const CREDIT_TOKEN = /(^|[\s_-])(credit|credits|copyright|photographer|photo-?credit|image-?credit|source)([\s_-]|$)/i;
/** A credit written into the caption text: "Photograph: Ann Lee/Agency", "Foto: dpa", "© Agency". */
const CREDIT_TEXT = /\s*((?:photograph|photo|picture|image|credit|illustration|foto|bild|quelle|crédit|fotografía)s?\s*:\s*[^.]{2,120}|©\s*[^.]{2,120}|\((?:photo|foto)[^)]{2,120}\))\s*\.?$/i;

const fileOf = (src: string | null | undefined): string | null => {
  if (!src) return null;
  try {
    return new URL(src, 'https://x.invalid/').pathname.split('/').filter(Boolean).pop() ?? null;
  } catch {
    return null;
  }
};

function imageSrc(img: Element, base: string): string | null {
  const srcset = img.getAttribute('srcset');
  const fromSet = srcset?.split(',').map((s) => s.trim().split(/\s+/)[0]).filter(Boolean).pop();
  return resolveUrl(img.getAttribute('src') || fromSet || null, base);
}

function sameImage(img: Element, leadImage: string): boolean {
  const lead = fileOf(leadImage);
  if (!lead) return false;
  const srcs = [img.getAttribute('src'), ...(img.getAttribute('srcset') ?? '').split(',').map((s) => s.trim().split(/\s+/)[0])];
  return srcs.some((s) => fileOf(s) === lead);
}

export function findLeadFigure(doc: Document, url: string, leadImage: string | null): LeadFigure | null {
  const figures = Array.from(doc.querySelectorAll('figure')).filter((f) => f.querySelector('img') && !f.closest('nav, aside, footer'));
  let figure = leadImage ? figures.find((f) => Array.from(f.querySelectorAll('img')).some((img) => sameImage(img, leadImage))) : undefined;
  if (!figure) {
    // The first figure before the article's first real paragraph (the hero above or beside the headline).
    const firstPara = Array.from(doc.querySelectorAll('p')).find((p) => countWords(p.textContent ?? '') >= 20);
    // 4 = Node.DOCUMENT_POSITION_FOLLOWING (no `Node` global in the CLI).
    figure = figures.find((f) => !firstPara || (f.compareDocumentPosition(firstPara) & 4) !== 0);
  }
  if (!figure) return null;
  const img = figure.querySelector('img')!;
  const src = imageSrc(img, doc.baseURI || url);
  if (!src) return null;
  const { caption, credit } = captionAndCredit(figure);
  return { src, alt: clean(img.getAttribute('alt')), caption, credit };
}

function captionAndCredit(figure: Element): { caption: string | null; credit: string | null } {
  const cap = figure.querySelector('figcaption');
  const creditEl = Array.from(figure.querySelectorAll(`${CREDIT_SELECTOR}, [class], [id]`)).find(
    (el) => el !== cap && !(cap && el.contains(cap)) && (el.matches(CREDIT_SELECTOR) || CREDIT_TOKEN.test(`${el.getAttribute('class') ?? ''} ${el.id}`)),
  );
  let credit = creditEl && !creditEl.querySelector('img') ? clean(creditEl.textContent) : '';
  let caption = '';
  if (cap) {
    const copy = cap.cloneNode(true) as Element;
    if (creditEl && cap.contains(creditEl)) {
      const path = Array.from(cap.querySelectorAll('*')).indexOf(creditEl);
      copy.querySelectorAll('*')[path]?.remove();
    }
    caption = clean(copy.textContent);
  }
  if (!credit) {
    const m = caption.match(CREDIT_TEXT);
    if (m && m.index !== undefined && m.index > 0) {
      credit = clean(m[1]);
      caption = clean(caption.slice(0, m.index));
    }
  }
  if (credit && caption.endsWith(credit)) caption = clean(caption.slice(0, -credit.length));
  return { caption: caption || null, credit: credit || null };
}

/** The body kept the lead image but not its caption: put the caption (and credit) back under it as a figcaption. */
export function restoreLeadCaption(body: Element, lead: LeadFigure | null): void {
  if (!lead || (!lead.caption && !lead.credit)) return;
  const img = Array.from(body.querySelectorAll('img')).find((i) => sameImage(i, lead.src));
  if (!img) return;
  const doc = body.ownerDocument;
  const existing = img.closest('figure');
  if (existing?.querySelector('figcaption')) return;
  let figure = existing;
  if (!figure) {
    figure = doc.createElement('figure');
    const holder = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : img;
    holder.replaceWith(figure);
    figure.append(holder);
  }
  const caption = doc.createElement('figcaption');
  caption.textContent = [lead.caption, lead.credit].filter(Boolean).join(' ');
  figure.append(caption);
  if (img.getAttribute('alt') === '' && lead.alt) img.setAttribute('alt', lead.alt);
}
