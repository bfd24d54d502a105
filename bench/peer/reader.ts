/**
 * The reference reader's content script: what Reader View or Just Read do on a press, and nothing more —
 * Readability on a clone of the document, DOMPurify on its HTML, a render into a shadow root with a small reader
 * stylesheet; Escape or another press closes it. No cleaning, no settings, no storage. Marks `peer:reader:*` on the
 * page's timeline like Unwrap's `unwrap:reader:*`.
 */
import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';

const TOGGLE = Symbol.for('peer.reader.toggle');
const CSS = `:host{all:initial}
.overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#fbfaf7;color:#1d1d1b;font:19px/1.6 Georgia,"Times New Roman",serif}
article{max-width:40rem;margin:0 auto;padding:3rem 1.5rem 6rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem}
.byline{color:#666;font-size:.85rem;margin-bottom:2rem}
img,video,figure{max-width:100%;height:auto}
pre{overflow:auto;font-size:.8em}
a{color:#0b5cad}
@media (prefers-color-scheme:dark){.overlay{background:#1b1b1d;color:#e6e4df}a{color:#8bb8f0}}`;

let current: { close(): void } | null = null;

function open(): 'opened' {
  performance.mark('peer:reader:start');
  const article = new Readability(document.cloneNode(true) as Document).parse();
  performance.mark('peer:reader:extracted');
  const host = document.createElement('peer-reader');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const overlay = document.createElement('div');
  overlay.className = 'overlay';
  if (article?.content) {
    const art = document.createElement('article');
    const h1 = document.createElement('h1');
    h1.textContent = article.title ?? '';
    const by = document.createElement('div');
    by.className = 'byline';
    by.textContent = [article.byline, article.siteName].filter(Boolean).join(' · ');
    const body = document.createElement('div');
    body.setAttribute('data-peer', 'body');
    body.innerHTML = DOMPurify.sanitize(article.content);
    art.append(h1, by, body);
    overlay.append(art);
  } else {
    const empty = document.createElement('p');
    empty.setAttribute('data-peer', 'empty');
    empty.textContent = 'No article found on this page.';
    overlay.append(empty);
  }
  root.append(style, overlay);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') current?.close();
  };
  document.documentElement.append(host);
  window.addEventListener('keydown', onKey, true);
  current = {
    close() {
      window.removeEventListener('keydown', onKey, true);
      host.remove();
      current = null;
    },
  };
  performance.mark('peer:reader:mounted');
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('peer:reader:painted')));
  return 'opened';
}

function toggle(): 'opened' | 'closed' {
  if (current) {
    current.close();
    return 'closed';
  }
  return open();
}

(globalThis as Record<symbol, unknown>)[TOGGLE] ??= toggle;
toggle();
