/**
 * Turning jsdom's stylesheet parsing off, for systems that never read styles (Unwrap, Readability: neither calls
 * getComputedStyle nor reads `document.styleSheets`). jsdom parses every `<style>` into a CSSOM as the page is
 * parsed, which is 2–4× the rest of the parse on today's pages (100–200 KB of inline CSS). With it off the DOM is
 * the same — the `<style>` elements keep their text — only `sheet` stays null. Defuddle reads computed styles, so
 * it keeps them. Toggled per parse (the bench runs one job at a time per process).
 */
import { createRequire } from 'node:module';

interface StyleImpl {
  sheet: unknown;
  _updateAStyleBlock(this: StyleImpl): void;
}

let enabled = true;
let patched = false;

function patch(): void {
  if (patched) return;
  const require = createRequire(import.meta.url);
  const mod = require('jsdom/lib/jsdom/living/nodes/HTMLStyleElement-impl.js') as { implementation?: { prototype: StyleImpl } };
  const proto = mod.implementation?.prototype;
  if (!proto || typeof proto._updateAStyleBlock !== 'function') throw new Error('jsdom internals changed: HTMLStyleElement-impl has no _updateAStyleBlock; update bench/lib/stylesheets.ts');
  const original = proto._updateAStyleBlock;
  proto._updateAStyleBlock = function (this: StyleImpl) {
    if (enabled || this.sheet) original.call(this);
  };
  patched = true;
}

/** Runs `fn` with stylesheet parsing on or off; restores the previous state. */
export function withStylesheets<T>(on: boolean, fn: () => T): T {
  if (!on) patch();
  const before = enabled;
  enabled = on;
  try {
    return fn();
  } finally {
    enabled = before;
  }
}
