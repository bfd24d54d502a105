/**
 * The "Read clean" launcher: a small button in a shadow root (`<unwrap-launcher>`), bottom corner, keyboard-
 * accessible, with a "hide on this site" control. Plain DOM (no Preact) to keep the static script tiny.
 * Only trusted (user) clicks act; the page's synthetic events are ignored.
 */
export interface LauncherLabels {
  readonly read: string;
  readonly dismiss: string;
  readonly via: string;
}

export interface LauncherHandle {
  readonly host: HTMLElement;
  remove(): void;
}

const CSS = `
:host { all: initial !important; position: fixed !important; inset-inline-end: 16px !important; bottom: 16px !important;
  z-index: 2147483646 !important; display: block !important; visibility: visible !important; opacity: 1 !important; }
.l { display: flex; align-items: center; gap: 2px; padding: 4px; border-radius: 22px; background: #1d1d1f; color: #fff;
  box-shadow: 0 6px 20px rgba(0,0,0,.25); font: 600 14px/1 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
button { all: unset; cursor: pointer; border-radius: 18px; padding: 10px 14px; color: inherit; font: inherit; }
button.x { padding: 10px 11px; font-weight: 400; opacity: .75; }
button:hover { background: rgba(255,255,255,.12); }
button:focus-visible { outline: 2px solid #8ab4f8; outline-offset: 1px; }
@media (prefers-color-scheme: dark) { .l { background: #f1f1ef; color: #1d1d1f; } button:hover { background: rgba(0,0,0,.08); } }
@media (prefers-reduced-motion: no-preference) { .l { animation: f .18s ease-out; } @keyframes f { from { opacity: 0; transform: translateY(6px); } } }
`;

export function showLauncher(doc: Document, labels: LauncherLabels, onRead: () => void, onDismiss: () => void): LauncherHandle {
  const host = doc.createElement('unwrap-launcher');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const box = doc.createElement('div');
  box.className = 'l';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', labels.via);
  const read = doc.createElement('button');
  read.type = 'button';
  read.textContent = labels.read;
  read.title = labels.via;
  read.dataset.unwrapAction = 'read';
  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'x';
  dismiss.textContent = '\u00d7';
  dismiss.setAttribute('aria-label', labels.dismiss);
  dismiss.title = labels.dismiss;
  dismiss.dataset.unwrapAction = 'dismiss';
  read.addEventListener('click', (e) => e.isTrusted && onRead());
  dismiss.addEventListener('click', (e) => e.isTrusted && onDismiss());
  box.append(read, dismiss);
  shadow.append(style, box);
  doc.documentElement.append(host); // after <body>: survives apps that re-render the body
  // In the top layer (a manual popover), the page's styles on <html> (opacity, filters, transforms) and its
  // highest z-index layers cannot hide or cover the launcher.
  if (typeof host.showPopover === 'function') {
    host.popover = 'manual';
    host.showPopover();
  }
  return { host, remove: () => host.remove() };
}
