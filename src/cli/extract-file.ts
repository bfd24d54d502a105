/** One file through the extension's pipeline (jsdom in Node): the result, and the line a batch prints for it. */
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle, type ExtractResult } from '../extract';
import { fileUrl, ownUrl, type UrlSource } from './page-url';
import { readHtml } from './read-html';

export interface GivenUrl {
  readonly url: string;
  readonly from: 'flag' | 'map';
}

export interface Extracted {
  readonly file: string;
  readonly url: string;
  readonly urlFrom: UrlSource;
  readonly result: ExtractResult;
  readonly dom: JSDOM;
  readonly ms: number;
  /** Problems met and worked around (the result is still good): printed with the result. */
  readonly warnings: readonly string[];
}

/** Reads, parses and extracts; throws (an InputError for a bad file) with one clear line. The caller closes `dom`. */
export function extractFile(file: string, opts: { given: GivenUrl | null; force: boolean }): Extracted {
  const html = readHtml(file);
  const t0 = performance.now();
  let url = opts.given?.url ?? fileUrl(file);
  let urlFrom: UrlSource = opts.given?.from ?? 'file';
  const warnings: string[] = [];
  // Page scripts are not run; jsdom's console (CSS it cannot parse) stays quiet.
  let dom: JSDOM;
  try {
    dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  } catch (err) {
    // jsdom's CSS parser throws on some style sheets (`border: inherit` shorthands); the text does not depend on
    // them, so the page is parsed again with its <style> blocks emptied, and the line says so.
    dom = new JSDOM(html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '<style></style>'), { url, virtualConsole: new VirtualConsole() });
    warnings.push(`jsdom could not parse the page's style sheets (${(err as Error).message.split('\n')[0]}); parsed without them`);
  }
  try {
    if (!opts.given) {
      const own = ownUrl(dom.window.document);
      if (own) {
        dom.reconfigure({ url: own.url });
        url = own.url;
        urlFrom = own.from;
      }
    }
    const result = extractArticle(dom.window.document, url, { window: dom.window as unknown as Window & typeof globalThis, force: opts.force });
    return { file, url, urlFrom, result, dom, ms: performance.now() - t0, warnings };
  } catch (err) {
    dom.window.close();
    throw err;
  }
}

/** The JSON object for a result: what the single-file `--format json` prints, and each `jsonl` line. */
export function resultRecord(e: Pick<Extracted, 'file' | 'url' | 'urlFrom' | 'result' | 'warnings'>): Record<string, unknown> {
  const where = { file: e.file, url: e.url, urlFrom: e.urlFrom, ...(e.warnings.length ? { warnings: e.warnings } : {}) };
  const r = e.result;
  if (r.kind === 'stub') return { ...where, kind: 'stub', ...r.stub, url: e.url };
  if (r.kind === 'empty') return { ...where, kind: 'empty', reason: r.reason, verdict: r.verdict ?? null, removed: r.removed };
  return { ...where, kind: 'article', verdict: r.verdict, ...r.article, url: e.url };
}

export function errorRecord(file: string, err: unknown): Record<string, unknown> {
  const message = err instanceof Error ? err.message : String(err);
  return { file, kind: 'error', error: message.split('\n')[0] };
}
