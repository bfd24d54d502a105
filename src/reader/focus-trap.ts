/**
 * Keep keyboard focus inside the overlay while it is open: Tab and Shift+Tab move through the overlay's
 * focusable elements in document order and wrap around; focus never reaches the page behind.
 */
const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

export function trapTab(root: ShadowRoot, e: KeyboardEvent): void {
  if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
  const items = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.getClientRects().length > 0);
  e.preventDefault();
  if (items.length === 0) return;
  const active = root.activeElement as HTMLElement | null;
  const i = active ? items.indexOf(active) : -1;
  const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : (i === -1 || i === items.length - 1 ? 0 : i + 1);
  items[next]!.focus();
}
