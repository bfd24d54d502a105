/**
 * Issue 14, the invariant at unit level: page-derived markup is only ever parsed, cloned or instantiated in an inert
 * document (no browsing context: a Document clone, DOMParser's, a `<template>`'s content) until DOMPurify has cleaned
 * it, and what the overlay receives is a fresh copy of the sanitised tree. The live page here is a jsdom window's
 * document with every shape of page markup the pipeline reads (open shadow roots, nested and clonable ones,
 * declarative shadow roots left as templates, plain templates, `<noscript>` images, lazy images, embeds, `srcdoc`,
 * SVG in shadow roots); every DOM API that makes a node is watched on that window, and any node made in the live
 * document while Unwrap reads it fails the test with the call that made it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle, type ExtractResult } from '../../src/extract';
import { extractForSaving } from '../../src/content/extract-for-saving';
import { articleParagraphs } from '../fixtures/hostile/bad-pages';

const URL = 'https://news.example/inert';
const H = 'onerror="self.__ran=(self.__ran||0)+1" onload="self.__ran=(self.__ran||0)+1"';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inert working copy</title>
<meta name="description" content="A page with every shape of markup the reader reads."></head><body>
<article>
<h1>Inert working copy</h1>
${articleParagraphs(4, 'the light DOM')}
<x-open id="open"><b slot="by">Ann Lee</b></x-open>
<div id="nested"></div>
<div id="clonable"></div>
<x-decl><template shadowrootmode="open"><p>Declarative text with an image <img src="x:decl" ${H}> and more words about the harbour.</p><x-inner><template shadowrootmode="open"><p>Nested declarative text <svg onload="self.__ran=1"><image href="x:svg" ${H}/></svg></p></template></x-inner></template></x-decl>
<template><p>Plain template <img src="x:tpl" ${H}></p></template>
<p>Lazy <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/lazy.jpg" ${H}> image.</p>
<div><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><noscript><img src="/img/noscript.jpg" ${H}></noscript></div>
<p>An embed: <iframe src="https://video.example/embed/1" srcdoc="<img src=x:srcdoc ${H}>" ${H}></iframe></p>
<p>A video: <video src="https://video.example/v.mp4" ${H}><source src="https://video.example/v.webm" ${H}></video></p>
${articleParagraphs(4, 'the end of the page')}
</article></body></html>`;

type Made = { api: string; node: string; at: string };

/** Watch every node-making API of `win`; `made` collects nodes owned by `live` made while `watching.on` is set. */
function watch(win: Window & typeof globalThis, live: Document): { made: Made[]; watching: { on: boolean }; restore: () => void } {
  const made: Made[] = [];
  const watching = { on: false };
  const restores: (() => void)[] = [];
  const describeNode = (n: unknown) => (n && typeof n === 'object' && 'nodeName' in n ? String((n as Node).nodeName) : String(n));
  const record = (api: string, node: unknown) => {
    if (!watching.on) return;
    const owner = node && typeof node === 'object' && 'ownerDocument' in node ? (node as Node).ownerDocument : null;
    if (owner !== live) return;
    // An empty <template> of the live document holds nothing of the page (DOMPurify makes one to find an inert
    // document); its content is inert by definition.
    if ((node as Node).nodeName === 'TEMPLATE' && (node as HTMLTemplateElement).childNodes.length === 0) return;
    const at = (new Error().stack ?? '').split('\n').slice(3, 7).map((l) => l.trim()).join(' < ');
    made.push({ api, node: describeNode(node), at });
  };
  const wrap = <T extends object>(proto: T, name: string) => {
    const original = (proto as Record<string, unknown>)[name] as ((...a: unknown[]) => unknown) | undefined;
    if (typeof original !== 'function') return;
    (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      const out = original.apply(this, args);
      record(name, out);
      return out;
    };
    restores.push(() => { (proto as Record<string, unknown>)[name] = original; });
  };
  const wrapSetter = <T extends object>(proto: T, name: string) => {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (!d?.set) return;
    Object.defineProperty(proto, name, {
      ...d,
      set(this: Element, v: unknown) {
        // Markup parsed into a live element (a template's innerHTML parses into its inert content: allowed).
        if (this.ownerDocument === live && this.localName !== 'template') record(`${name}=`, this);
        d.set!.call(this, v);
      },
    });
    restores.push(() => Object.defineProperty(proto, name, d));
  };
  for (const m of ['createElement', 'createElementNS', 'createDocumentFragment', 'createTextNode', 'createComment', 'importNode', 'adoptNode']) wrap(win.Document.prototype, m);
  wrap(win.Node.prototype, 'cloneNode');
  wrap(win.Range.prototype, 'createContextualFragment');
  for (const m of ['insertAdjacentHTML', 'setHTMLUnsafe']) {
    const original = (win.Element.prototype as unknown as Record<string, unknown>)[m] as ((...a: unknown[]) => unknown) | undefined;
    if (typeof original !== 'function') continue;
    (win.Element.prototype as unknown as Record<string, unknown>)[m] = function (this: Element, ...args: unknown[]) {
      if (this.ownerDocument === live) record(m, this);
      return original.apply(this, args);
    };
    restores.push(() => { (win.Element.prototype as unknown as Record<string, unknown>)[m] = original; });
  }
  wrapSetter(win.Element.prototype, 'innerHTML');
  wrapSetter(win.Element.prototype, 'outerHTML');
  wrapSetter(win.ShadowRoot.prototype, 'innerHTML');
  return { made, watching, restore: () => restores.reverse().forEach((r) => r()) };
}

/** The page, with its script-made shadow roots (jsdom parses no declarative ones: those stay templates, as in saved HTML). */
function livePage(): { dom: JSDOM; win: Window & typeof globalThis; doc: Document } {
  const dom = new JSDOM(PAGE, { url: URL });
  const win = dom.window as unknown as Window & typeof globalThis;
  const doc = win.document;
  doc.getElementById('open')!.attachShadow({ mode: 'open' }).innerHTML =
    `<p>Shadow text by <slot name="by"></slot>, with an image <img src="x:open" ${H}> and an SVG <svg onload="self.__ran=1"><animate onbegin="self.__ran=1"/></svg>, about the ferry.</p>`;
  const outer = doc.getElementById('nested')!.attachShadow({ mode: 'open' });
  outer.innerHTML = `<p>Outer shadow text, long enough to be read as part of the story about the ferry.</p><x-deep></x-deep>`;
  outer.querySelector('x-deep')!.attachShadow({ mode: 'open' }).innerHTML = `<p>Deep shadow text <img src="x:deep" ${H}> <iframe srcdoc="<img src=x ${H}>"></iframe></p>`;
  try {
    doc.getElementById('clonable')!.attachShadow({ mode: 'open', clonable: true } as ShadowRootInit).innerHTML = `<p>Clonable shadow text <img src="x:clonable" ${H}></p>`;
  } catch {
    doc.getElementById('clonable')!.attachShadow({ mode: 'open' }).innerHTML = `<p>Clonable shadow text <img src="x:clonable" ${H}></p>`;
  }
  return { dom, win, doc };
}

/** Every node of `root` (shadow roots included) and the documents that own them. */
function owners(root: Node): Set<Document | null> {
  const out = new Set<Document | null>();
  const visit = (n: Node) => {
    out.add(n.ownerDocument);
    const sr = (n as Element).shadowRoot;
    if (sr) visit(sr);
    for (const c of Array.from(n.childNodes)) visit(c);
  };
  visit(root);
  return out;
}

describe('no stage makes a node of the live document', () => {
  let page: ReturnType<typeof livePage>;
  let w: ReturnType<typeof watch>;
  beforeEach(() => {
    page = livePage();
    w = watch(page.win, page.doc);
  });
  afterEach(() => {
    w.restore();
    page.dom.window.close();
  });

  const read = (fn: () => ExtractResult | unknown) => {
    w.watching.on = true;
    try {
      return fn();
    } finally {
      w.watching.on = false;
    }
  };

  it('the watch sees a live node being made (positive control)', () => {
    read(() => page.doc.createElement('img'));
    read(() => page.doc.body.cloneNode(false));
    read(() => { page.doc.createElement('template').innerHTML = '<img src=x>'; });
    expect(w.made.map((m) => `${m.api} ${m.node}`)).toEqual(['createElement IMG', 'cloneNode BODY']);
  });

  it.each([
    ['cleaned', { clean: true }],
    ['uncleaned ("Show uncleaned")', { clean: false }],
    ['narrowed to the main region (element budget)', { maxElements: 40 }],
  ] as const)('extractArticle, %s: every node in an inert document, the body a fresh sanitised copy', (_name, opts) => {
    const r = read(() => extractArticle(page.doc, URL, opts)) as ExtractResult;
    expect(w.made).toEqual([]);
    expect(r.kind).toBe('article');
    if (r.kind !== 'article' || !r.body) throw new Error('no article body');
    const body = r.body;
    const text = body.textContent ?? '';
    if (!('maxElements' in opts)) {
      // The shadow trees were read (the copy is not the light DOM only) …
      for (const t of ['Shadow text by Ann Lee', 'Outer shadow text', 'Deep shadow text', 'Declarative text', 'Nested declarative text']) expect(text).toContain(t);
    }
    // … and a plain template's content is not rendered by a browser, so it is not read.
    expect(text).not.toContain('Plain template');
    // Nothing of the body belongs to the live page, and every document it does belong to has no window.
    const docs = owners(body);
    expect(docs.has(page.doc)).toBe(false);
    for (const d of docs) expect(d?.defaultView ?? null).toBeNull();
    // A fresh copy: no shadow root, no handler attribute.
    expect(Array.from(body.querySelectorAll('*')).filter((e) => e.shadowRoot || Array.from(e.attributes).some((a) => a.name.startsWith('on')))).toEqual([]);
    // The page itself is untouched.
    expect(page.doc.getElementById('open')!.shadowRoot!.querySelector('img')!.getAttribute('onerror')).not.toBeNull();
  });

  it('saving ("Save page to Unwrap", the library’s "Save this page") reads the page the same way', () => {
    const r = read(() => extractForSaving(page.doc, URL)) as ReturnType<typeof extractForSaving>;
    expect(w.made).toEqual([]);
    expect(r.kind).toBe('article');
  });
});
