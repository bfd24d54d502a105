/**
 * What sanitised reader content must never contain, as a checker over a DOM tree. Self-contained (no imports, no
 * closures over module scope) so the same function runs in jsdom and, passed to `page.evaluate`, in Chromium.
 * Returns one finding per problem (empty = clean).
 */
export function scanForDanger(root: ParentNode): string[] {
  const findings: string[] = [];
  // Elements that run script, load documents or styles, change the base URL or confuse parsers.
  const badTags = new Set([
    'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea', 'select',
    'style', 'link', 'meta', 'base', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'svg', 'math',
    'portal', 'dialog', 'use', 'animate', 'set', 'handler', 'foreignobject', 'image', 'isindex', 'keygen',
    'video', 'audio', 'source', 'track', 'param', 'frame', 'title',
  ]);
  const urlAttrs = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'cite', 'longdesc', 'poster', 'background', 'data', 'lowsrc', 'dynsrc', 'ping', 'codebase', 'usemap']);
  const badAttrs = new Set(['style', 'srcdoc', 'formaction', 'action', 'background', 'lowsrc', 'dynsrc', 'ping', 'http-equiv', 'xmlns', 'contenteditable', 'autofocus', 'popovertarget', 'accesskey', 'tabindex', 'shadowrootmode', 'shadowroot']);
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root as Node, 1 /* SHOW_ELEMENT */);
  const els: Element[] = [];
  if ((root as Node).nodeType === 1) els.push(root as Element);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) els.push(n as Element);
  for (const el of els) {
    const tag = el.localName.toLowerCase();
    if (badTags.has(tag) || tag.includes(':')) findings.push(`element <${tag}>`);
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') findings.push(`element <${tag}> in namespace ${String(el.namespaceURI)}`);
    if ((el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot) findings.push(`<${tag}> has a shadow root`);
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      const where = `<${tag} ${name}="${a.value.slice(0, 60)}">`;
      if (name.startsWith('on')) findings.push(`event handler ${where}`);
      if (badAttrs.has(name) || (name === 'is' && a.value !== '')) findings.push(`attribute ${where}`);
      if ((name === 'id' || name === 'name') && !a.value.startsWith('user-content-')) findings.push(`clobbering ${name} ${where}`);
      if (name === 'target' && a.value !== '_blank') findings.push(`target ${where}`);
      if (name === 'rel' && /opener/i.test(a.value) && !/noopener/i.test(a.value)) findings.push(`rel ${where}`);
      const isUrl = urlAttrs.has(name) || name === 'srcset';
      if (isUrl) {
        // What a browser would resolve: control characters and whitespace removed, entities already decoded.
        const values = name === 'srcset' ? a.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [a.value];
        for (const raw of values) {
          const v = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
          const scheme = /^([a-z][a-z0-9+.-]*):/.exec(v)?.[1] ?? null;
          const imageData = scheme === 'data' && tag === 'img' && (name === 'src' || name === 'srcset') && /^data:image\//.test(v);
          if (scheme !== null && !['http', 'https', 'mailto', 'tel'].includes(scheme) && !imageData) findings.push(`${scheme}: URL ${where}`);
        }
      }
    }
  }
  return findings;
}

/**
 * `scanForDanger` on the HTML as stored, and on what a browser makes of it when it is parsed again (mutation XSS:
 * markup that is harmless as a tree but becomes live after serialising and re-parsing).
 */
export function scanHtml(html: string, doc: Document): string[] {
  const t = doc.createElement('template');
  t.innerHTML = html;
  const once = scanForDanger(t.content);
  const again = doc.createElement('template');
  const div = doc.createElement('div');
  div.append(t.content.cloneNode(true));
  again.innerHTML = div.innerHTML;
  const twice = scanForDanger(again.content).map((f) => `after re-parse: ${f}`);
  const full = new (doc.defaultView as Window & typeof globalThis).DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const asPage = scanForDanger(full.body).map((f) => `as a page: ${f}`).filter((f) => !f.includes('<body'));
  return [...once, ...twice, ...asPage];
}
