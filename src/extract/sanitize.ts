/**
 * Stage 6: DOMPurify. Extracted HTML is hostile: no scripts, handlers, forms, frames, styles or `javascript:`
 * URLs; ids are namespaced against DOM clobbering (and in-page links follow them); links open in a new tab with
 * `rel="noopener noreferrer"`. Used by the pipeline (in place, on the working copy) and again on display.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'form', 'input', 'button', 'select', 'textarea', 'option', 'iframe', 'frame', 'frameset', 'object', 'embed',
    'style', 'link', 'meta', 'base', 'dialog', 'template', 'noscript', 'video', 'audio', 'source', 'track', 'math', 'svg',
  ],
  FORBID_ATTR: ['style', 'class', 'srcdoc', 'formaction', 'ping', 'action', 'background', 'autofocus', 'tabindex',
    'contenteditable', 'draggable', 'accesskey', 'target', 'rel', 'loading', 'sizes', 'usemap', 'ismap'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: true,
  SANITIZE_NAMED_PROPS: true,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|#)/i,
};

const purifiers = new WeakMap<object, DOMPurify>();

function purifierFor(win: Window & typeof globalThis): DOMPurify {
  let p = purifiers.get(win);
  if (!p) {
    p = createDOMPurify(win);
    p.addHook('afterSanitizeAttributes', (node) => {
      const el = node as Element;
      if (el.tagName === 'A') {
        const href = el.getAttribute('href');
        if (href?.startsWith('#')) {
          if (href.length > 1 && !href.startsWith('#user-content-')) el.setAttribute('href', `#user-content-${href.slice(1)}`);
        } else if (href) {
          el.setAttribute('target', '_blank');
          el.setAttribute('rel', 'noopener noreferrer');
        }
      } else if (el.tagName === 'IMG') {
        el.setAttribute('loading', 'lazy');
        el.setAttribute('decoding', 'async');
      }
    });
    purifiers.set(win, p);
  }
  return p;
}

/** Sanitise an element of the working copy in place. */
export function sanitizeInPlace(el: Element, win: Window & typeof globalThis): void {
  purifierFor(win).sanitize(el, { ...CONFIG, IN_PLACE: true });
}

/** Sanitise stored or extracted HTML into a fragment ready for `replaceChildren`. */
export function sanitizeToFragment(html: string, win: Window & typeof globalThis): DocumentFragment {
  return purifierFor(win).sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}

/**
 * A fresh element holding the sanitised `html`, owned by the sanitiser's inert document (nothing in it has loaded
 * or run); moving its children into a live document is the first time they touch one.
 */
export function sanitizedCopy(html: string, win: Window & typeof globalThis): Element {
  const frag = sanitizeToFragment(html, win);
  const holder = frag.ownerDocument!.createElement('div');
  holder.append(frag);
  return holder;
}

/** Sanitise to a string (storage, CLI). */
export function sanitizeToString(html: string, win: Window & typeof globalThis): string {
  return purifierFor(win).sanitize(html, CONFIG);
}
