/**
 * Stage 3: remove what can never be article content, before Readability, so Readability has less to score.
 * Never removes the title, byline or body of an article: site chrome is only pruned outside `article`/`main`,
 * and a `header` that carries the headline stays.
 */

const NEVER_CONTENT = [
  'script:not([type="application/ld+json"])', 'style', 'link', 'template', 'noscript', 'object', 'embed',
  'applet', 'canvas', 'dialog', 'input', 'select', 'textarea', 'button', 'frame', 'frameset', 'portal',
  '[hidden]', '[aria-hidden="true"][role="presentation"]',
].join(',');

const CHROME = 'nav, [role="navigation"], [role="banner"], [role="contentinfo"], [role="search"], header, footer';

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i;

export function pruneNonContent(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  for (const el of Array.from(body.querySelectorAll(NEVER_CONTENT))) el.remove();

  for (const el of Array.from(body.querySelectorAll('[style]'))) {
    if (el.isConnected && HIDDEN_STYLE.test(el.getAttribute('style') ?? '')) el.remove();
  }

  for (const el of Array.from(body.querySelectorAll(CHROME))) {
    if (!el.isConnected) continue;
    if (el.closest('article, main, [role="main"], [itemprop="articleBody"]')) continue;
    if (el.querySelector('h1, time, [itemprop="headline"], [rel="author"], article')) continue;
    el.remove();
  }

  // A form that wraps the whole page (ASP.NET) holds the article; small forms are sign-in and search boxes.
  for (const form of Array.from(body.querySelectorAll('form'))) {
    if (!form.isConnected) continue;
    if ((form.textContent ?? '').trim().length < 400) form.remove();
    else form.replaceWith(...Array.from(form.childNodes));
  }

  // Icon SVGs inside links and buttons, or small ones, are decoration.
  for (const svg of Array.from(body.querySelectorAll('svg'))) {
    if (!svg.isConnected) continue;
    const w = Number.parseFloat(svg.getAttribute('width') ?? '');
    const small = Number.isFinite(w) && w <= 64;
    if (small || svg.closest('a, button') || !svg.getAttribute('role')) svg.remove();
  }
}
