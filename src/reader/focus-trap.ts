/** Keep keyboard focus inside the overlay while it is open (Tab and Shift+Tab cycle within it). */
const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

export function trapTab(root: ShadowRoot | HTMLElement, e: KeyboardEvent): void {
  if (e.key !== 'Tab') return;
  const items = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null || el.getClientRects().length > 0);
  if (items.length === 0) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = (root instanceof ShadowRoot ? root.activeElement : document.activeElement) as HTMLElement | null;
  if (e.shiftKey && (active === first || !active || !items.includes(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !active || !items.includes(active))) {
    e.preventDefault();
    first.focus();
  }
}
