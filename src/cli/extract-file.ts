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
}

/** Reads, parses and extracts; throws (an InputError for a bad file) with one clear line. The caller closes `dom`. */
export function extractFile(file: string, opts: { given: GivenUrl | null; force: boolean }): Extracted {
  const html = readHtml(file);
  const t0 = performance.now();
  let url = opts.given?.url ?? fileUrl(file);
  let urlFrom: UrlSource = opts.given?.from ?? 'file';
  // Page scripts are not run; jsdom's console (CSS it cannot parse) stays quiet.
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
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
    return { file, url, urlFrom, result, dom, ms: performance.now() - t0 };
  } catch (err) {
    dom.window.close();
    throw err;
  }
}

/** The JSON object for a result: what the single-file `--format json` prints, and each `jsonl` line. */
export function resultRecord(e: Pick<Extracted, 'file' | 'url' | 'urlFrom' | 'result'>): Record<string, unknown> {
  const where = { file: e.file, url: e.url, urlFrom: e.urlFrom };
  const r = e.result;
  if (r.kind === 'stub') return { ...where, kind: 'stub', ...r.stub, url: e.url };
  if (r.kind === 'empty') return { ...where, kind: 'empty', reason: r.reason, verdict: r.verdict ?? null, removed: r.removed };
  return { ...where, kind: 'article', verdict: r.verdict, ...r.article, url: e.url };
}

export function errorRecord(file: string, err: unknown): Record<string, unknown> {
  const message = err instanceof Error ? err.message : String(err);
  return { file, kind: 'error', error: message.split('\n')[0] };
}
