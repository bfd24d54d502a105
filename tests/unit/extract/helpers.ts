import { JSDOM } from 'jsdom';

export function dom(html: string, url = 'https://news.example/story') {
  const d = new JSDOM(html, { url });
  return { doc: d.window.document, win: d.window as unknown as Window & typeof globalThis, url };
}

export const para = (n: number, word = 'river') =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1}: the ${word} rose slowly through the night while the town slept, and by morning the old stone bridge stood in water that nobody had seen so high since the great flood of the last century.</p>`).join('\n');
