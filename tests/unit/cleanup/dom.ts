/** Test helpers for the upsell tests: jsdom documents from HTML snippets, and filler prose. Not a test file. */
import { JSDOM } from 'jsdom';

export function docOf(body: string, url = 'https://news.example.com/2024/05/story.html', head = ''): Document {
  return new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { url }).window.document;
}

const SENTENCES = [
  'The council met on Tuesday evening to discuss the budget for the coming year, which has been delayed twice since spring.',
  'Officials said the proposal would raise spending on road repairs while holding property taxes flat for most households.',
  'Several residents spoke during the public comment period, and most of them asked about the timing of the repairs.',
  'A final vote is expected next month, after the finance committee reviews the figures and publishes its recommendations.',
  'The mayor described the plan as cautious but necessary, given the rising cost of materials and the shortage of contractors.',
  'Critics argued that the city had postponed maintenance for too long and would now pay more for the same work.',
];

/** `n` paragraphs of ordinary news prose, each about forty words. */
export function prose(n: number, prefix = ''): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = SENTENCES[i % SENTENCES.length]!;
    const b = SENTENCES[(i + 2) % SENTENCES.length]!;
    out.push(`<p>${prefix}${i + 1}. ${a} ${b}</p>`);
  }
  return out.join('\n');
}

/** Normalised text of the body, for "still there" assertions. */
export function bodyText(doc: Document): string {
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Remove what the generic detector finds, as the pipeline's strip stage does. */
export function strip(doc: Document, find: (d: Document) => ReadonlyArray<{ element: Element; reason: string }>): string[] {
  const reasons: string[] = [];
  for (const { element, reason } of find(doc)) {
    if (!element.isConnected) continue;
    reasons.push(reason);
    element.remove();
  }
  return reasons;
}
