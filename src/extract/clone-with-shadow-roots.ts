/**
 * Stage 1: a working copy of the page that includes what open shadow roots render.
 *
 * The copy is an inert document: a clone of the page's Document has no browsing context, so nothing in it loads,
 * and no handler in it can run. Every node of the copy is made in that document: the light DOM by the native deep
 * clone (fast), each open shadow root's content imported into it (`copy.importNode`, never `node.cloneNode` of a
 * live node, which would make a node of the live page: in Chromium a cloned `<img onerror>` in a live-owned tree
 * loads and its handler runs in the page). `<slot>`s are flattened so light children appear where the shadow tree
 * shows them. A declarative shadow root left as `<template shadowrootmode>` (a parser without declarative shadow
 * DOM, e.g. jsdom, or saved HTML) is flattened the same way, from the inert template content.
 *
 * A clone may still carry shadow roots of its own (`shadowrootclonable` roots are copied by any clone or import),
 * unsanitised: nothing of the working copy is shown as it is (the pipeline's body is a fresh parse of the
 * sanitised HTML, see index.ts).
 */

const SHADOW_TEMPLATE = 'template[shadowrootmode], template[shadowroot]';

/** Elements that can host a shadow root: custom elements and a fixed list of HTML elements. */
const SHADOW_CAPABLE = new Set([
  'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DIV', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'MAIN', 'NAV', 'P', 'SECTION', 'SPAN',
]);

export function cloneWithShadowRoots(doc: Document): Document {
  const hosts = findShadowHosts(doc);
  const copy = doc.cloneNode(true) as Document;
  if (hosts.length > 0) {
    // Paths are resolved before any grafting so that earlier grafts do not shift later paths.
    const targets = hosts.map((h) => resolvePath(copy, pathOf(h)));
    hosts.forEach((host, i) => {
      const target = targets[i];
      if (target && host.shadowRoot) graft(copy, target, host.shadowRoot);
    });
  }
  flattenShadowTemplates(copy);
  return copy;
}

function findShadowHosts(doc: Document): Element[] {
  const out: Element[] = [];
  const root = doc.documentElement;
  if (!root) return out;
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */);
  for (let n = walker.nextNode() as Element | null; n; n = walker.nextNode() as Element | null) {
    if ((n.tagName.includes('-') || SHADOW_CAPABLE.has(n.tagName)) && n.shadowRoot) out.push(n);
  }
  return out;
}

function pathOf(el: Element): number[] {
  const path: number[] = [];
  for (let n: Element | null = el; n && n.parentElement; n = n.parentElement) {
    path.push(Array.prototype.indexOf.call(n.parentElement.children, n));
  }
  return path.reverse();
}

function resolvePath(doc: Document, path: number[]): Element | null {
  let n: Element | null = doc.documentElement;
  for (const i of path) n = n?.children[i] ?? null;
  return n;
}

/** Replace the copy's host's light children with the flattened shadow tree (made in the copy's document). */
function graft(copy: Document, host: Element, shadow: ShadowRoot): void {
  const content = flattenShadowTree(copy, shadow);
  // The shadow content may itself contain hosts with open shadow roots.
  distributeSlots(content, host);
  host.replaceChildren(content);
}

/** A fragment of `copy` holding `shadow`'s children, nested open shadow roots flattened in (small trees: recursive). */
function flattenShadowTree(copy: Document, shadow: ShadowRoot): DocumentFragment {
  const frag = copy.createDocumentFragment();
  for (const child of Array.from(shadow.childNodes)) frag.append(importFlattened(copy, child));
  return frag;
}

/** `node` (a live node of a shadow tree) imported into `copy`, its open shadow root flattened in. */
function importFlattened(copy: Document, node: Node): Node {
  if (node.nodeType !== 1) return copy.importNode(node, false);
  const el = node as Element;
  const out = copy.importNode(el, false) as Element;
  if (el.localName === 'template' && el.namespaceURI === 'http://www.w3.org/1999/xhtml') {
    // Template content stays template content (inert; a `<template shadowrootmode>` among it is flattened later).
    (out as HTMLTemplateElement).content.append(copy.importNode((el as HTMLTemplateElement).content, true));
    return out;
  }
  for (const k of Array.from(el.childNodes)) out.append(importFlattened(copy, k));
  if (el.shadowRoot) {
    const inner = flattenShadowTree(copy, el.shadowRoot);
    distributeSlots(inner, out);
    out.replaceChildren(inner);
  }
  return out;
}

/** Put `host`'s light children into the matching `<slot>`s of `content`; unassigned light children are not rendered. */
function distributeSlots(content: DocumentFragment | Element, host: Element): void {
  const slots = Array.from(content.querySelectorAll('slot'));
  if (slots.length === 0) return;
  const light = Array.from(host.childNodes);
  for (const slot of slots) {
    const name = slot.getAttribute('name');
    const assigned = light.filter((n) =>
      name ? (n as Element).getAttribute?.('slot') === name : !(n as Element).getAttribute?.('slot'),
    );
    if (assigned.length > 0) slot.replaceWith(...assigned);
    else slot.replaceWith(...Array.from(slot.childNodes)); // fallback content
  }
}

/** `<template shadowrootmode>` left unparsed: its content is what the host renders. Innermost first. */
function flattenShadowTemplates(doc: Document): void {
  flattenTemplatesIn(doc, doc);
}

/** Templates inside template content are not found by `querySelectorAll` on the document: each content is searched too. */
function flattenTemplatesIn(doc: Document, root: Document | DocumentFragment): void {
  const templates = Array.from(root.querySelectorAll<HTMLTemplateElement>(SHADOW_TEMPLATE)).reverse();
  for (const t of templates) {
    const host = t.parentElement;
    if (!host) continue;
    const content = doc.importNode(t.content, true) as DocumentFragment;
    flattenTemplatesIn(doc, content);
    t.remove();
    distributeSlots(content, host);
    host.replaceChildren(content);
  }
}
