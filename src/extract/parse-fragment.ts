/**
 * Parse an HTML string into an inert fragment owned by `doc`. A `<template>` parses without running
 * scripts or loading images, so this is safe for untrusted markup that will be sanitised later.
 * The one place outside sanitising where markup is parsed from a string.
 */
export function parseFragment(doc: Document, html: string): DocumentFragment {
  const t = doc.createElement('template');
  t.innerHTML = html;
  return t.content;
}
