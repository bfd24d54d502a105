/**
 * A bench worker process (forked by pool.ts): runs extraction jobs one at a time and answers over IPC, so that the
 * two cores of the bench machine both work and a page's jsdom garbage dies with the process.
 */
import { readFileSync } from 'node:fs';
import { loadAebHtml, loadWcxbHtml } from './corpus';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../src/extract/index';
import { parse, runSystem, styleFallback, type SystemName, type SystemOutput } from './systems';
import { checkValidationPage, parseValidationExpected, type ValidationCheck } from './validation';

export type JobSource = { readonly aeb: string } | { readonly wcxb: string } | { readonly file: string } | { readonly html: string };

export interface Job {
  readonly key: string;
  /** 'extract' (default): one system's text. 'nodeSpeed': unwrap vs bare Readability timings on one parsed page. */
  readonly op?: 'extract' | 'nodeSpeed' | 'validate';
  /** validate: the page's expected.json content (bench/lib/validation.ts checks the unforced result against it). */
  readonly expected?: unknown;
  readonly runs?: number;
  readonly system: SystemName;
  readonly source: JobSource;
  readonly url: string;
  /** unwrap: extract with `force: true`. */
  readonly force?: boolean;
  /** false: no stylesheet parsing (unwrap and readability only; see bench/lib/stylesheets.ts). */
  readonly stylesheets?: boolean;
}

export interface JobResult {
  readonly key: string;
  readonly out: SystemOutput;
  /** nodeSpeed: per-run milliseconds. */
  readonly speed?: { readonly unwrap: number[]; readonly readability: number[]; readonly kind: string; readonly stages: Record<string, number[]> };
  readonly styleFallback: boolean;
  /** validate: the check's outcome. */
  readonly check?: ValidationCheck;
}

function htmlOf(src: JobSource): string {
  if ('aeb' in src) return loadAebHtml(src.aeb);
  if ('wcxb' in src) return loadWcxbHtml(src.wcxb);
  if ('file' in src) return readFileSync(src.file, 'utf8');
  return src.html;
}

process.on('message', (job: Job) => {
  void (async () => {
    let out: SystemOutput;
    const cpu0 = process.cpuUsage();
    try {
      if (job.op === 'nodeSpeed') {
        process.send?.(nodeSpeed(job));
        return;
      }
      if (job.op === 'validate') {
        process.send?.(validate(job));
        return;
      }
      out = await runSystem(job.system, htmlOf(job.source), job.url, { force: job.force, stylesheets: job.stylesheets });
    } catch (err) {
      out = { text: '', ms: 0, error: (err as Error).stack ?? String(err) };
    }
    const cpu = process.cpuUsage(cpu0);
    const res: JobResult = { key: job.key, out: { ...out, cpuMs: (cpu.user + cpu.system) / 1000 }, styleFallback: styleFallback.has(job.url) };
    styleFallback.delete(job.url);
    process.send?.(res);
  })();
});
process.send?.({ ready: true });

/**
 * Node extraction time on one page: the page is parsed once; each run times Unwrap's `extractArticle` (which clones
 * the document itself) and bare `new Readability(document.cloneNode(true)).parse()`, alternating which goes first.
 */
function nodeSpeed(job: Job): JobResult {
  const dom = parse(htmlOf(job.source), job.url);
  const doc = dom.window.document;
  const win = dom.window as unknown as Window & typeof globalThis;
  const unwrap: number[] = [];
  const readability: number[] = [];
  let kind = '';
  const stages: Record<string, number[]> = {};
  const timeUnwrap = () => {
    const timings: Record<string, number> = {};
    const t = performance.now();
    const r = extractArticle(doc, job.url, { window: win, timings });
    unwrap.push(performance.now() - t);
    for (const [k, v] of Object.entries(timings)) (stages[k] ??= []).push(v);
    kind = r.kind === 'empty' ? `empty:${r.reason}` : r.kind;
  };
  const timeReadability = () => {
    const t = performance.now();
    new Readability(doc.cloneNode(true) as Document).parse();
    readability.push(performance.now() - t);
  };
  try {
    for (let i = 0; i < (job.runs ?? 3); i++) {
      if (i % 2 === 0) { timeUnwrap(); timeReadability(); } else { timeReadability(); timeUnwrap(); }
    }
    return { key: job.key, out: { text: '', ms: 0 }, speed: { unwrap, readability, kind, stages }, styleFallback: false };
  } catch (err) {
    return { key: job.key, out: { text: '', ms: 0, error: (err as Error).stack ?? String(err) }, styleFallback: false };
  } finally {
    dom.window.close();
  }
}

/** A validation page: Unwrap's unforced result checked against expected.json, in the worker (it needs the DOM result). */
function validate(job: Job): JobResult {
  const dom = parse(htmlOf(job.source), job.url);
  try {
    const expected = parseValidationExpected(job.expected, `${job.key}/expected.json`);
    const t = performance.now();
    const r = extractArticle(dom.window.document, job.url, { window: dom.window as unknown as Window & typeof globalThis });
    const ms = performance.now() - t;
    const check = checkValidationPage(expected, r);
    const out: SystemOutput = r.kind === 'article'
      ? { text: r.article.textContent, ms, kind: r.kind, verdict: r.verdict }
      : r.kind === 'empty' ? { text: '', ms, kind: r.kind, reason: r.reason, verdict: r.verdict } : { text: '', ms, kind: r.kind, reason: `stub → ${r.stub.destination}` };
    return { key: job.key, out, check, styleFallback: false };
  } catch (err) {
    const msg = (err as Error).message.split('\n')[0] ?? String(err);
    return { key: job.key, out: { text: '', ms: 0, error: (err as Error).stack ?? String(err) }, check: { pass: false, failures: [`error: ${msg}`], notes: [] }, styleFallback: false };
  } finally {
    dom.window.close();
  }
}
