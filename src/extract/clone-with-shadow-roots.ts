/**
 * Stage 1: a working copy of the page that includes what open shadow roots render.
 *
 * `Document.cloneNode(true)` drops shadow roots, yet MSN and others render the article inside them.
 * We clone the light DOM natively (fast), then graft each open shadow root's content into the clone's host,
 * flattening `<slot>`s so light children appear where the shadow tree shows them. A declarative shadow root
 * left as `<template shadowrootmode>` (a parser without declarative shadow DOM, e.g. jsdom, or saved HTML)
 * is flattened the same way.
 */

const SHADOW_TEMPLATE = 'template[shadowrootmode], template[shadowroot]';

/** Elements that can host a shadow root: custom elements and a fixed list of HTML elements. */
const SHADOW_CAPABLE = new Set([
  'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DIV', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'MAIN', 'NAV', 'P', 'SECTION', 'SPAN',
]);

export function cloneWithShadowRoots(doc: Document): Document {
  const hosts = findShadowHosts(doc);
  const clone = doc.cloneNode(true) as Document;
  if (hosts.length > 0) {
    // Paths are resolved before any grafting so that earlier grafts do not shift later paths.
    const targets = hosts.map((h) => resolvePath(clone, pathOf(h)));
    hosts.forEach((host, i) => {
      const target = targets[i];
      if (target && host.shadowRoot) graft(clone, target, host.shadowRoot);
    });
  }
  flattenShadowTemplates(clone);
  return clone;
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

/** Replace the clone host's light children with the flattened shadow tree. */
function graft(doc: Document, host: Element, shadow: ShadowRoot): void {
  const content = doc.importNode(flattenShadowTree(shadow), true) as DocumentFragment;
  // The shadow content may itself contain hosts with open shadow roots.
  distributeSlots(content, host);
  host.replaceChildren(content);
}

/** A fragment holding a copy of `shadow`'s children, nested open shadow roots flattened in (small trees: recursive). */
function flattenShadowTree(shadow: ShadowRoot): DocumentFragment {
  const frag = shadow.ownerDocument.createDocumentFragment();
  for (const child of Array.from(shadow.childNodes)) frag.append(cloneFlattened(child));
  return frag;
}

function cloneFlattened(node: Node): Node {
  if (node.nodeType !== 1) return node.cloneNode(false);
  const el = node as Element;
  const copy = el.cloneNode(false) as Element;
  const kids = Array.from((el.tagName === 'TEMPLATE' ? (el as HTMLTemplateElement).content : el).childNodes);
  for (const k of kids) copy.append(cloneFlattened(k));
  if (el.shadowRoot) {
    const inner = flattenShadowTree(el.shadowRoot);
    distributeSlots(inner, copy);
    copy.replaceChildren(inner);
  }
  return copy;
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
  const templates = Array.from(doc.querySelectorAll<HTMLTemplateElement>(SHADOW_TEMPLATE)).reverse();
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

/** Templates inside template content are not found by `querySelectorAll` on the document. */
function flattenTemplatesIn(doc: Document, frag: DocumentFragment): void {
  const inner = Array.from(frag.querySelectorAll<HTMLTemplateElement>(SHADOW_TEMPLATE)).reverse();
  for (const t of inner) {
    const host = t.parentElement;
    if (!host) continue;
    const content = doc.importNode(t.content, true) as DocumentFragment;
    flattenTemplatesIn(doc, content);
    t.remove();
    distributeSlots(content, host);
    host.replaceChildren(content);
  }
}
