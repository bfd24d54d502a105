/**
 * The three systems, through one harness: same jsdom, same HTML, same URL; each gets its own freshly parsed
 * document so that no system sees another's mutations. Text out is what the benchmark scores: plain text.
 *
 * - unwrap:      `extractArticle(doc, url, { window })` → `article.textContent` ('' for a stub or empty result)
 * - readability: the reference runner exactly (`extractors/readability_js/cli.js` upstream):
 *                `new Readability(document).parse().textContent`, default options
 * - defuddle:    `Defuddle(document, url, { useAsync: false })` (no network: its async extractors fetch), and the
 *                returned HTML `content` parsed in the same jsdom → `textContent` (Defuddle returns no plain text)
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { extractArticle, type ExtractResult } from '../../src/extract/index';
import { withStylesheets } from './stylesheets';

export type SystemName = 'unwrap' | 'readability' | 'defuddle';
export const SYSTEMS: readonly SystemName[] = ['unwrap', 'readability', 'defuddle'];

export interface SystemOutput {
  readonly text: string;
  /** What a reader view shows: title, byline (and Unwrap's publisher line) above the text. Residue checks use it. */
  readonly shown?: string;
  /** Milliseconds spent in the extractor itself (parsing the HTML into jsdom excluded). */
  readonly ms: number;
  /** CPU milliseconds of the whole job in its worker (reading, parsing, extracting): what an idle core would take. */
  readonly cpuMs?: number;
  /** unwrap only: what the pipeline returned and what it removed. */
  readonly kind?: ExtractResult['kind'];
  readonly reason?: string;
  readonly removed?: readonly { reason: string; text: string }[];
  /** unwrap only: the page verdict (article results and empty results judged "not an article"). */
  readonly verdict?: { readonly readable: boolean; readonly kind: string; readonly signals: readonly string[] };
  /** unwrap only, an empty result that carries `anyway`: the text "Show anyway" renders (the forced extraction). */
  readonly anywayText?: string;
  readonly error?: string;
}

const quiet = (): VirtualConsole => new VirtualConsole(); // page scripts are not run; CSS parse errors stay quiet

/**
 * jsdom 27.4 (cssstyle 5.3) throws while parsing some `<style>` blocks (e.g. `border: inherit` shorthands):
 * 4 of the 181 benchmark pages. Those pages are parsed again with every `<style>` emptied, for every system
 * alike; `styleFallback` records which pages needed it.
 */
export const styleFallback = new Set<string>();

export function parse(html: string, url: string): JSDOM {
  try {
    return new JSDOM(html, { url, virtualConsole: quiet() });
  } catch {
    styleFallback.add(url);
    return new JSDOM(html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '<style></style>'), { url, virtualConsole: quiet() });
  }
}

export interface RunOptions {
  /**
   * false: jsdom does not parse `<style>` into stylesheets (bench/lib/stylesheets.ts) — same DOM, a much cheaper
   * parse. Only for Unwrap and Readability, which never read styles; Defuddle always gets them.
   */
  readonly stylesheets?: boolean;
}

export interface UnwrapOptions extends RunOptions {
  readonly clean?: boolean;
  /** `ExtractOptions.force`: the article even when the verdict says "not an article". */
  readonly force?: boolean;
}

export function runUnwrap(html: string, url: string, opts: UnwrapOptions = {}): SystemOutput {
  return withStylesheets(opts.stylesheets ?? true, () => unwrapOnce(html, url, opts));
}

function unwrapOnce(html: string, url: string, opts: UnwrapOptions): SystemOutput {
  const dom = parse(html, url);
  try {
    const t0 = performance.now();
    const r = extractArticle(dom.window.document, url, { window: dom.window as unknown as Window & typeof globalThis, clean: opts.clean, force: opts.force });
    const ms = performance.now() - t0;
    if (r.kind === 'article') {
      const a = r.article;
      const shown = [a.title, a.byline, a.siteName, a.via ? `via ${a.via}` : null, '', a.textContent].filter((x) => x !== null).join('\n');
      return { text: a.textContent, shown, ms, kind: r.kind, removed: a.removed, verdict: r.verdict };
    }
    if (r.kind === 'empty') {
      return { text: '', ms, kind: r.kind, reason: r.reason, removed: r.removed, verdict: r.verdict, anywayText: r.anyway?.article.textContent };
    }
    return { text: '', ms, kind: r.kind, reason: `stub → ${r.stub.destination}` };
  } catch (err) {
    return { text: '', ms: 0, error: (err as Error).stack ?? String(err) };
  } finally {
    dom.window.close();
  }
}

export function runReadability(html: string, url: string, opts: RunOptions = {}): SystemOutput {
  return withStylesheets(opts.stylesheets ?? true, () => readabilityOnce(html, url));
}

function readabilityOnce(html: string, url: string): SystemOutput {
  const dom = parse(html, url);
  try {
    const t0 = performance.now();
    const parsed = new Readability(dom.window.document).parse();
    const ms = performance.now() - t0;
    const text = parsed?.textContent ?? '';
    return { text, shown: [parsed?.title, parsed?.byline, '', text].filter((x) => x !== null && x !== undefined).join('\n'), ms };
  } catch (err) {
    return { text: '', ms: 0, error: (err as Error).stack ?? String(err) };
  } finally {
    dom.window.close();
  }
}

export async function runDefuddle(html: string, url: string): Promise<SystemOutput> {
  const dom = parse(html, url);
  const origError = console.error;
  const origWarn = console.warn;
  const origLog = console.log;
  try {
    // Defuddle logs its own diagnostics; keep the bench output readable.
    console.error = console.warn = console.log = () => undefined;
    const t0 = performance.now();
    const r = await Defuddle(dom.window.document, url, { useAsync: false });
    const ms = performance.now() - t0;
    const holder = dom.window.document.createElement('div');
    holder.innerHTML = r.content ?? '';
    const text = holder.textContent ?? '';
    return { text, shown: [r.title, r.author, '', text].filter((x) => x !== null && x !== undefined).join('\n'), ms };
  } catch (err) {
    return { text: '', ms: 0, error: (err as Error).stack ?? String(err) };
  } finally {
    console.error = origError;
    console.warn = origWarn;
    console.log = origLog;
    dom.window.close();
  }
}

export async function runSystem(name: SystemName, html: string, url: string, opts: UnwrapOptions = {}): Promise<SystemOutput> {
  if (name === 'unwrap') return runUnwrap(html, url, opts);
  if (name === 'readability') return runReadability(html, url, opts);
  return runDefuddle(html, url);
}
