/** Elements whose text is never page text: scripts, styles, inert templates and fallback markup. */
export const SKIP_TEXT: ReadonlySet<string> = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
