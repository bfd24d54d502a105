/**
 * Section `wcxb`: open-web extraction on WCXB's development split (shared/corpora/wcxb-dev, 1,358 pages of 2025,
 * seven page types), scored exactly as upstream `evaluate.py` (bench/lib/wcxb-metric.ts).
 *
 *   systems   Unwrap, plain Readability 0.6.0, Defuddle: one worker pool, same jsdom, HTML and URL.
 *   Unwrap    scored on what the reader shows: the unforced run's article, or for a page judged "not an article"
 *             the extraction "Show anyway" renders (`anyway.article.textContent`, checked against a forced run on a
 *             few pages). The verdict is scored apart: share of pages read (unforced `kind === 'article'`).
 *   split     by domain (bench/lib/split.ts): `tune` to look at, `validate` to judge; both reported.
 *   baselines cached per page (bench/.cache, keyed by package + jsdom version and the page's HTML hash);
 *             `--fresh` recomputes them.
 *   filters   `--half tune|validate`, `--type article,forum`, `--only unwrap`, `BENCH_PAGES=N` (a fixed sample).
 *             A filtered run prints its figures but does not replace the section's figures in latest.*.
 *   output    latest.md/json (full runs), bench/results/wcxb-pages.jsonl (every page, every run; gitignored).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { listWcxbPages, ROOT, WCXB, wcxbHtmlPath, type WcxbPage } from '../lib/corpus';
import { pkgVersion } from '../lib/env';
import { PageCache, sha1 } from '../lib/page-cache';
import { runJobs } from '../lib/pool';
import { fmt, table, type BenchContext, type SectionResult, type Target } from '../lib/section';
import { fnv1a32, halfOf, HALVES, type Half } from '../lib/split';
import { median, p95 } from '../lib/stats';
import { SYSTEMS, type SystemName, type SystemOutput } from '../lib/systems';
import { largestRun, runsMissing } from '../lib/text-runs';
import { meanScore, scorePage, WCXB_TYPES, wcxbTokens, type MeanScore, type PageScore } from '../lib/wcxb-metric';
import type { Job } from '../lib/worker';

/** Bump when the harness changes what a baseline outputs (invalidates the baseline cache). */
const HARNESS_VERSION = 1;
export const PAGES_OUT = join(ROOT, 'bench', 'results', 'wcxb-pages.jsonl');
const FORCE_CHECK_PAGES = 5;
/** Per page and system; generous, since a 5 MB page through Defuddle takes minutes on a loaded machine. */
const JOB_TIMEOUT_MS = Number(process.env.BENCH_JOB_TIMEOUT_MS ?? 900_000);
const WORST_N = 10;
const ALL = 'all';

/** Published F1, upstream README (development split as upstream has it: 1,497 pages, 139 of them test pages). */
export const PUBLISHED_DEV: readonly { system: string; all: number; article?: number; documentation?: number; forum?: number }[] = [
  { system: 'rs-trafilatura', all: 0.859, article: 0.932, documentation: 0.932, forum: 0.808 },
  { system: 'MinerU-HTML', all: 0.827, article: 0.928 },
  { system: 'Trafilatura', all: 0.791, article: 0.926 },
  { system: 'dom-smoothie', all: 0.762, article: 0.908 },
  { system: 'ReaderLM-v2', all: 0.741 },
  { system: 'Newspaper4k', all: 0.72 },
  { system: '"Readability" (probably readability-lxml)', all: 0.675, article: 0.825, documentation: 0.736, forum: 0.466 },
];

/** Held-out test split (511 pages), one run, issue 12: F1 per type and pages with no article; `without` overall. */
export const HELD_OUT: Readonly<Record<string, { n: number; unwrap: number; readability: number; noArticle: number }>> = {
  article: { n: 257, unwrap: 0.934, readability: 0.935, noArticle: 3 },
  forum: { n: 51, unwrap: 0.627, readability: 0.715, noArticle: 5 },
  documentation: { n: 42, unwrap: 0.855, readability: 0.88, noArticle: 3 },
  service: { n: 59, unwrap: 0.771, readability: 0.796, noArticle: 5 },
  product: { n: 28, unwrap: 0.67, readability: 0.637, noArticle: 4 },
  listing: { n: 40, unwrap: 0.477, readability: 0.616, noArticle: 16 },
  collection: { n: 34, unwrap: 0.412, readability: 0.593, noArticle: 17 },
  all: { n: 511, unwrap: 0.793, readability: 0.828, noArticle: 53 },
};
const HELD_OUT_WITHOUT = { unwrap: 0.072, readability: 0.096 };
const PUBLISHED_TEST = [{ system: 'rs-trafilatura', all: 0.893 }, { system: 'Trafilatura', all: 0.833 }];

/** Types whose pages must read (issue 12: ≥ 99 % read); the others should get the notice. */
const MUST_READ: ReadonlySet<string> = new Set(['article', 'forum', 'documentation']);
const SHOULD_NOTICE: ReadonlySet<string> = new Set(['collection', 'listing', 'product']);

/** Issue 12 "Done when", on the validate half. */
const F1_TARGETS: readonly { type: string; min: number }[] = [
  { type: 'article', min: 0.95 }, { type: 'forum', min: 0.85 }, { type: 'documentation', min: 0.93 }, { type: ALL, min: 0.9 },
];
const WITHOUT_MAX = 0.04;
const REFUSED_MAX = 0.01;
/** jsdom stylesheet parsing per system: off for the two that never read styles (same DOM, same output, faster). */
const STYLESHEETS: Readonly<Record<SystemName, boolean>> = { unwrap: false, readability: false, defuddle: true };

interface SystemCell extends PageScore {
  readonly words: number;
  readonly ms: number;
  readonly cpuMs?: number;
  readonly cached: boolean;
  readonly error?: string;
}

interface UnwrapFacts {
  readonly kind: string;
  readonly reason: string | null;
  /** Unforced result is an article: the reader shows the text directly. */
  readonly read: boolean;
  readonly verdict: { readonly readable: boolean; readonly kind: string; readonly signals: readonly string[] } | null;
  /** The scored text came from `anyway` ("Show anyway"), not from the article result. */
  readonly fromAnyway: boolean;
  /** Not even the forced extraction has a word. */
  readonly noText: boolean;
}

export interface PageRow {
  readonly id: string;
  readonly half: Half;
  readonly type: string;
  readonly domain: string;
  readonly url: string;
  readonly refWords: number;
  readonly systems: Partial<Record<SystemName, SystemCell>>;
  readonly unwrap: UnwrapFacts | null;
}

const r3 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);
const pct = (x: number, d = 1) => (Number.isFinite(x) ? `${(x * 100).toFixed(d)} %` : '–');
const clip = (s: string, n = 200) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
};
const signed = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}` : '–');
const systemLabel = (s: SystemName) => (s === 'readability' ? `readability ${pkgVersion('@mozilla/readability') ?? ''}`.trim() : s === 'defuddle' ? `defuddle ${pkgVersion('defuddle') ?? ''}`.trim() : 'unwrap');

/** The text the reader shows for Unwrap's unforced result (article, else the "Show anyway" extraction). */
function shownText(o: SystemOutput): { text: string; fromAnyway: boolean } {
  if (o.kind === 'article') return { text: o.text, fromAnyway: false };
  if (o.kind === 'empty' && o.anywayText !== undefined) return { text: o.anywayText, fromAnyway: true };
  return { text: '', fromAnyway: false };
}

/** A fixed sample of `n` pages: the pages with the smallest FNV-1a hash of their id, kept in id order. */
function sample(pages: readonly WcxbPage[], n: number): WcxbPage[] {
  if (!(n > 0) || n >= pages.length) return [...pages];
  const keep = new Set([...pages].sort((a, b) => fnv1a32(a.id) - fnv1a32(b.id)).slice(0, n).map((p) => p.id));
  return pages.filter((p) => keep.has(p.id));
}

function cellMean(rows: readonly PageRow[], sys: SystemName): MeanScore & { empty: number } {
  const cells = rows.map((r) => r.systems[sys]).filter((c): c is SystemCell => Boolean(c));
  return { ...meanScore(cells), empty: cells.filter((c) => c.words === 0).length };
}

/** Mean of `a − b` over the pages both systems have. */
function pairedDelta(rows: readonly PageRow[], a: SystemName, b: SystemName, k: keyof PageScore): number {
  const both = rows.filter((r) => r.systems[a] && r.systems[b]);
  if (both.length === 0) return Number.NaN;
  return both.reduce((s, r) => s + r.systems[a]![k] - r.systems[b]![k], 0) / both.length;
}

function diagnose(row: PageRow, page: WcxbPage, unwrapText: string) {
  const dropped = runsMissing(page.mainContent, unwrapText, { lowerCase: true });
  const added = runsMissing(unwrapText, page.mainContent, { lowerCase: true });
  const big = (runs: ReturnType<typeof runsMissing>) => {
    const r = largestRun(runs);
    return r ? { words: r.tokens.length, text: clip(r.text) } : null;
  };
  const u = row.systems.unwrap;
  const refWords = row.refWords;
  const overlap = u ? Math.round(u.recall * refWords) : 0;
  return {
    id: row.id, type: row.type, domain: row.domain, url: row.url,
    f1: Object.fromEntries(SYSTEMS.map((s) => [s, row.systems[s] ? r3(row.systems[s]!.f1) : null])),
    unwrap: row.unwrap,
    refWords,
    predWords: u?.words ?? 0,
    droppedWords: refWords - overlap,
    addedWords: (u?.words ?? 0) - overlap,
    largestDropped: refWords - overlap > 0 ? big(dropped) : null,
    largestAdded: (u?.words ?? 0) - overlap > 0 ? big(added) : null,
  };
}

export async function runWcxb(ctx: BenchContext): Promise<SectionResult> {
  const t0 = Date.now();
  const all = listWcxbPages();
  if (all.length === 0) {
    const reason = `corpus not found at ${WCXB} (set UNWRAP_CORPORA)`;
    return { name: 'wcxb', status: 'not available', reason, seconds: 0, data: {}, md: `## 1b. Open-web extraction (WCXB)\n\nNot available: ${reason}.\n`, targets: [] };
  }
  const halfById = new Map(all.map((p) => [p.id, halfOf(p.domain)]));

  // Filters.
  const f = ctx.filters;
  const only = (f.only ?? []).length ? f.only! : [...SYSTEMS];
  for (const s of only) if (!(SYSTEMS as readonly string[]).includes(s)) throw new Error(`--only: unknown system ${s} (${SYSTEMS.join(', ')})`);
  for (const t of f.types ?? []) if (!(WCXB_TYPES as readonly string[]).includes(t)) throw new Error(`--type: unknown page type ${t} (${WCXB_TYPES.join(', ')})`);
  let pages = all.filter((p) => (!f.half || halfById.get(p.id) === f.half) && (!f.types?.length || f.types.includes(p.type)));
  const sampleN = Number(process.env.BENCH_PAGES ?? 0);
  pages = sample(pages, sampleN);
  const filterNotes = [
    f.half ? `--half ${f.half}` : null, f.types?.length ? `--type ${f.types.join(',')}` : null,
    sampleN > 0 && sampleN < all.length ? `BENCH_PAGES=${sampleN}` : null, f.only?.length ? `--only ${f.only.join(',')}` : null,
  ].filter((x): x is string => x !== null);
  ctx.log(`wcxb: ${pages.length} of ${all.length} pages${filterNotes.length ? ` (${filterNotes.join(' ')})` : ''}`);

  // Baselines from the cache; jobs for the rest.
  const hashes = new Map(pages.map((p) => [p.id, sha1(readFileSync(wcxbHtmlPath(p.id)))]));
  const sizes = new Map(pages.map((p) => [p.id, statSync(wcxbHtmlPath(p.id)).size]));
  const caches = new Map<SystemName, PageCache>();
  for (const s of SYSTEMS) {
    if (s === 'unwrap') continue;
    caches.set(s, new PageCache(`wcxb-${s}`, [HARNESS_VERSION, s, pkgVersion(s === 'readability' ? '@mozilla/readability' : 'defuddle'), pkgVersion('jsdom'), `stylesheets:${STYLESHEETS[s]}`]));
  }
  const outputs = new Map<SystemName, Map<string, SystemOutput & { cached?: boolean }>>(SYSTEMS.map((s) => [s, new Map()]));
  const cacheDates: Record<string, { pages: number; oldest: string; newest: string }> = {};
  const jobs: Job[] = [];
  const bySize = [...pages].sort((a, b) => sizes.get(b.id)! - sizes.get(a.id)!); // largest first: no long tail
  for (const s of SYSTEMS) {
    const cache = caches.get(s);
    for (const p of bySize) {
      const hit = cache && !ctx.fresh ? cache.get(p.id, hashes.get(p.id)!) : null;
      if (hit) {
        outputs.get(s)!.set(p.id, { ...hit.out, cached: true });
        const d = (cacheDates[s] ??= { pages: 0, oldest: hit.date, newest: hit.date });
        d.pages++;
        if (hit.date < d.oldest) d.oldest = hit.date;
        if (hit.date > d.newest) d.newest = hit.date;
      } else if (only.includes(s)) {
        jobs.push({ key: `${s}\u0000${p.id}`, system: s, source: { wcxb: p.id }, url: p.url, stylesheets: STYLESHEETS[s] });
      }
    }
  }
  // Unwrap and Readability first (the comparison the tuning needs), Defuddle (3–5× slower in jsdom) last; within
  // each, the largest pages first so that no big page is left for the end.
  const order = (j: Job) => (j.system === 'defuddle' ? 1 : 0);
  jobs.sort((a, b) => order(a) - order(b) || sizes.get(b.key.split('\u0000')[1]!)! - sizes.get(a.key.split('\u0000')[1]!)!);
  const cachedNote = Object.entries(cacheDates).map(([s, d]) => `${s} ${d.pages} pages (${d.oldest.slice(0, 16).replace('T', ' ')}${d.oldest.slice(0, 10) !== d.newest.slice(0, 10) ? ` – ${d.newest.slice(0, 16).replace('T', ' ')}` : ''} UTC)`);
  ctx.log(`wcxb: ${jobs.length} extraction jobs${cachedNote.length ? `; from the cache: ${cachedNote.join(', ')}` : ''}`);
  const tJobs = Date.now();
  let lastSave = tJobs;
  const results = await runJobs(jobs, {
    jobsPerWorker: 150,
    timeoutMs: JOB_TIMEOUT_MS,
    onResult: (r, done) => {
      // Baselines go into the cache as they come (an interrupted cold run keeps what it did); only clean outputs:
      // an error (a timeout under load) is tried again next run.
      const [system, id] = r.key.split('\u0000') as [SystemName, string];
      if (!r.out.error) caches.get(system)?.set(id, hashes.get(id)!, { text: r.out.text, ms: r.out.ms, cpuMs: r.out.cpuMs });
      if (Date.now() - lastSave > 30_000 || done === jobs.length) {
        for (const c of caches.values()) c.save();
        lastSave = Date.now();
      }
      if (done % 100 === 0 || done === jobs.length) ctx.log(`wcxb: ${done}/${jobs.length} (${((Date.now() - tJobs) / 1000).toFixed(0)} s)`);
    },
  });
  const jobSeconds = (Date.now() - tJobs) / 1000;
  for (const job of jobs) {
    const id = job.key.split('\u0000')[1]!;
    const r = results.get(job.key);
    const out: SystemOutput = r ? r.out : { text: '', ms: 0, error: 'no result' };
    outputs.get(job.system)!.set(id, out);
  }
  for (const c of caches.values()) c.save();

  // "Show anyway" text = a forced run? Checked on a few pages each run.
  const unwrapOut = outputs.get('unwrap')!;
  const anywayIds = pages.filter((p) => unwrapOut.get(p.id)?.kind === 'empty' && unwrapOut.get(p.id)?.anywayText !== undefined).map((p) => p.id);
  const step = Math.max(1, Math.floor(anywayIds.length / FORCE_CHECK_PAGES));
  const checkIds = anywayIds.filter((_, i) => i % step === 0).slice(0, FORCE_CHECK_PAGES);
  const byId = new Map(pages.map((p) => [p.id, p]));
  const forced = await runJobs(checkIds.map((id) => ({ key: id, system: 'unwrap' as const, source: { wcxb: id }, url: byId.get(id)!.url, force: true, stylesheets: STYLESHEETS.unwrap })));
  const forceCheck = checkIds.map((id) => {
    const fo = forced.get(id)?.out;
    return { id, same: fo?.kind === 'article' && fo.text === unwrapOut.get(id)!.anywayText, forcedKind: fo?.kind ?? 'none', error: fo?.error?.split('\n')[0] };
  });
  const forceSame = forceCheck.filter((c) => c.same).length;
  if (checkIds.length) ctx.log(`wcxb: "Show anyway" text equals a forced run on ${forceSame} of ${checkIds.length} pages`);

  // Score every page.
  const rows: PageRow[] = pages.map((p) => {
    const systems: Partial<Record<SystemName, SystemCell>> = {};
    let unwrap: UnwrapFacts | null = null;
    for (const s of SYSTEMS) {
      const o = outputs.get(s)!.get(p.id);
      if (!o) continue;
      const shown = s === 'unwrap' ? shownText(o) : { text: o.text, fromAnyway: false };
      const score = scorePage(shown.text, p);
      systems[s] = { ...score, words: wcxbTokens(shown.text).length, ms: o.ms, ...(o.cpuMs ? { cpuMs: o.cpuMs } : {}), cached: Boolean(o.cached), ...(o.error ? { error: o.error.split('\n')[0] } : {}) };
      if (s === 'unwrap') {
        unwrap = {
          kind: o.error ? 'error' : (o.kind ?? 'unknown'), reason: o.reason ?? null, read: o.kind === 'article',
          verdict: o.verdict ? { readable: o.verdict.readable, kind: o.verdict.kind, signals: o.verdict.signals } : null,
          fromAnyway: shown.fromAnyway, noText: systems[s]!.words === 0,
        };
      }
    }
    return { id: p.id, half: halfById.get(p.id)!, type: p.type, domain: p.domain, url: p.url, refWords: wcxbTokens(p.mainContent).length, systems, unwrap };
  });
  mkdirSync(dirname(PAGES_OUT), { recursive: true });
  writeFileSync(PAGES_OUT, rows.map((r) => JSON.stringify({
    ...r, systems: Object.fromEntries(Object.entries(r.systems).map(([s, c]) => [s, { p: r3(c.precision), r: r3(c.recall), f1: r3(c.f1), with: r3(c.withRate), without: r3(c.withoutRate), words: c.words, ms: r3(c.ms), ...(c.cpuMs ? { cpuMs: r3(c.cpuMs) } : {}), cached: c.cached, ...(c.error ? { error: c.error } : {}) }])),
  })).join('\n') + '\n');

  // Aggregates: half × type × system.
  const types = [...WCXB_TYPES.filter((t) => rows.some((r) => r.type === t)), ...[...new Set(rows.map((r) => r.type))].filter((t) => !(WCXB_TYPES as readonly string[]).includes(t)).sort(), ALL];
  const halves = HALVES.filter((h) => rows.some((r) => r.half === h));
  const rowsOf = (h: Half, t: string) => rows.filter((r) => r.half === h && (t === ALL || r.type === t));
  const present = SYSTEMS.filter((s) => rows.some((r) => r.systems[s]));
  const agg: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const h of halves) {
    agg[h] = {};
    for (const t of types) {
      const rs = rowsOf(h, t);
      const cell: Record<string, unknown> = { n: rs.length };
      for (const s of present) {
        const m = cellMean(rs, s);
        cell[s] = { n: m.n, precision: r3(m.precision), recall: r3(m.recall), f1: r3(m.f1), with: r3(m.withRate), without: r3(m.withoutRate), empty: m.empty };
      }
      if (present.includes('unwrap')) {
        const u = rs.filter((r) => r.unwrap);
        cell.verdict = { n: u.length, read: u.filter((r) => r.unwrap!.read).length, notice: u.filter((r) => !r.unwrap!.read && r.unwrap!.fromAnyway).length, noText: u.filter((r) => r.unwrap!.noText).length };
        if (present.includes('readability')) cell.unwrapMinusReadability = { f1: r3(pairedDelta(rs, 'unwrap', 'readability', 'f1')), without: r3(pairedDelta(rs, 'unwrap', 'readability', 'withoutRate')) };
      }
      agg[h][t] = cell;
    }
  }
  const m = (h: Half, t: string, s: SystemName) => agg[h]?.[t]?.[s] as { n: number; precision: number; recall: number; f1: number; with: number; without: number; empty: number } | undefined;
  const verdictOf = (h: Half, t: string) => agg[h]?.[t]?.verdict as { n: number; read: number; notice: number; noText: number } | undefined;

  // Worst validate pages.
  const valRows = rows.filter((r) => r.half === 'validate' && r.systems.unwrap);
  const unwrapTextOf = (id: string) => shownText(unwrapOut.get(id)!).text;
  const worstByF1 = [...valRows].sort((a, b) => a.systems.unwrap!.f1 - b.systems.unwrap!.f1 || a.id.localeCompare(b.id)).slice(0, WORST_N)
    .map((r) => diagnose(r, byId.get(r.id)!, unwrapTextOf(r.id)));
  const worstVsReadability = valRows.filter((r) => r.systems.readability && r.systems.unwrap!.f1 < r.systems.readability.f1)
    .sort((a, b) => (a.systems.unwrap!.f1 - a.systems.readability!.f1) - (b.systems.unwrap!.f1 - b.systems.readability!.f1) || a.id.localeCompare(b.id))
    .slice(0, WORST_N).map((r) => diagnose(r, byId.get(r.id)!, unwrapTextOf(r.id)));

  // Timing.
  const timing = Object.fromEntries(present.map((s) => {
    const xs = rows.map((r) => r.systems[s]).filter((c) => c && !c.cached && c.ms > 0).map((c) => c!.ms);
    // CPU time per page (cached entries keep theirs): the load-independent cost, from which an idle machine's time follows.
    const cpu = rows.map((r) => r.systems[s]?.cpuMs).filter((x): x is number => typeof x === 'number' && x > 0);
    const cpuMean = cpu.length ? cpu.reduce((a, b) => a + b, 0) / cpu.length : Number.NaN;
    return [s, { computed: xs.length, medianMs: r3(median(xs)), p95Ms: r3(p95(xs)), maxMs: r3(xs.length ? Math.max(...xs) : Number.NaN), cpuPages: cpu.length, cpuMeanMs: r3(cpuMean) }];
  }));
  const cores = Number(process.env.BENCH_WORKERS ?? 0) || availableParallelism();
  /** Minutes a run over all corpus pages would take on `cores` idle cores, from the measured CPU time per page. */
  const idleMinutes = (systems: readonly SystemName[]) => systems.reduce((a, s) => a + (timing[s]?.cpuMeanMs ?? Number.NaN), 0) * all.length / cores / 60_000;
  const errors = Object.fromEntries(present.map((s) => [s, rows.filter((r) => r.systems[s]?.error).map((r) => ({ id: r.id, error: r.systems[s]!.error }))]));

  // Split sizes (always of the whole corpus: the split is fixed).
  const splitSizes = Object.fromEntries([...WCXB_TYPES, ALL].map((t) => [t, Object.fromEntries(HALVES.map((h) => [h, all.filter((p) => halfById.get(p.id) === h && (t === ALL || p.type === t)).length]))]));
  const domains = Object.fromEntries(HALVES.map((h) => [h, new Set(all.filter((p) => halfById.get(p.id) === h).map((p) => p.domain)).size]));
  const domainFromUrl = all.filter((p) => p.domainFrom === 'url').map((p) => p.id);

  // Targets (validate half, issue 12).
  const targets: Target[] = [];
  const complete = halves.includes('validate') && types.length === WCXB_TYPES.length + 1 && present.length === SYSTEMS.length;
  if (complete) {
    const V: Half = 'validate';
    for (const { type, min } of F1_TARGETS) {
      const u = m(V, type, 'unwrap')!;
      const r = m(V, type, 'readability')!;
      targets.push({ section: 'wcxb', name: `validate ${type === ALL ? 'all types' : type} F1 (forced)`, target: `≥ ${min.toFixed(2)} and > readability ${fmt(r.f1)}`, value: fmt(u.f1), met: u.f1 >= min && u.f1 > r.f1 });
    }
    const uw = m(V, ALL, 'unwrap')!;
    targets.push({ section: 'wcxb', name: 'validate `without` rate', target: `≤ ${pct(WITHOUT_MAX, 0)}`, value: pct(uw.without), met: uw.without <= WITHOUT_MAX });
    const worseTypes = WCXB_TYPES.filter((t) => m(V, t, 'unwrap') && m(V, t, 'unwrap')!.without >= m(V, t, 'readability')!.without);
    targets.push({ section: 'wcxb', name: 'validate `without` below readability on every type', target: '7 of 7 types', value: worseTypes.length ? `not below on ${worseTypes.join(', ')}` : '7 of 7', met: worseTypes.length === 0 });
    const refused = [...MUST_READ].map((t) => ({ t, v: verdictOf(V, t)! })).map(({ t, v }) => ({ t, share: v.n ? (v.n - v.read) / v.n : 0 }));
    targets.push({ section: 'wcxb', name: 'validate article/forum/docs not read (notice or empty)', target: `≤ ${pct(REFUSED_MAX, 0)} each`, value: refused.map((r) => `${r.t} ${pct(r.share)}`).join(', '), met: refused.every((r) => r.share <= REFUSED_MAX) });
  }

  const seconds = (Date.now() - t0) / 1000;
  const partial = filterNotes.filter((n) => !n.startsWith('--only')).length || present.length < SYSTEMS.length || SYSTEMS.some((s) => rows.some((r) => !r.systems[s]))
    ? [...filterNotes, ...SYSTEMS.filter((s) => rows.some((r) => !r.systems[s])).map((s) => `${s} missing on ${rows.filter((r) => !r.systems[s]).length} pages`)].join(', ')
    : undefined;

  const data = {
    corpus: 'WCXB v1.0 development split (wcxb-dev)', pages: rows.length, corpusPages: all.length, filters: filterNotes,
    split: { rule: 'FNV-1a 32-bit of the lower-cased domain: even → tune, odd → validate', sizes: splitSizes, domains, domainFromUrl },
    scores: agg,
    forceCheck: { checked: forceCheck.length, same: forceSame, pages: forceCheck },
    cachedBaselines: cacheDates,
    timing: { sectionSeconds: r3(seconds), jobSeconds: r3(jobSeconds), jobs: jobs.length, perPage: timing, idleMinutesAllPages: { cold: r3(idleMinutes(present)), unwrapOnly: r3(idleMinutes(['unwrap'])) }, loadAverageAtEnd: loadavg() },
    errors,
    worstValidateByF1: worstByF1,
    worstValidateBelowReadability: worstVsReadability,
    pagesFile: 'bench/results/wcxb-pages.jsonl',
  };

  // Markdown.
  const md: string[] = [];
  md.push(`## 1b. Open-web extraction (WCXB dev split, ${rows.length === all.length ? `${all.length} pages` : `${rows.length} of ${all.length} pages: ${filterNotes.join(' ')}`})`);
  md.push('');
  md.push('Metric: upstream `evaluate.py` exactly (`bench/lib/wcxb-metric.ts`): tokens `\\w+` of the lower-cased text, bag-of-words P/R/F1 per page, plain means over pages; `with` / `without` = share of the page\'s snippets found in the text (lower-cased substring; `without` is boilerplate, lower is better). As upstream, **a page with no snippets scores 1.0 on both** (' +
    `${all.filter((p) => p.with.length === 0).length} pages have no \`with\`, ${all.filter((p) => p.without.length === 0).length} no \`without\` snippets), and an empty reference scores 1 only for an empty prediction (${all.filter((p) => wcxbTokens(p.mainContent).length === 0).length} pages).`);
  md.push('');
  md.push(`Unwrap is scored on **what the reader shows**: the article, or for a page judged "not an article" the text "Show anyway" renders (\`anyway.article.textContent\`${checkIds.length ? `; equal to a forced run on ${forceSame} of ${checkIds.length} pages checked` : ''}). Its verdict is scored apart (below). All systems: one worker pool, jsdom ${pkgVersion('jsdom')}, the same HTML and the page's URL; text = \`textContent\`; jsdom builds stylesheets only for Defuddle, which reads computed styles (Unwrap and Readability never do: same DOM and output, a cheaper parse). Split: FNV-1a 32-bit of the domain, even → tune, odd → validate (${domains.tune} / ${domains.validate} domains); tune rules on \`tune\` only, keep a change only if \`validate\` improves too.`);
  md.push('');
  if (cachedNote.length) md.push(`Baselines from the cache (same package and jsdom versions, same HTML hash): ${cachedNote.join(', ')}; \`--fresh\` recomputes them.`);
  md.push(`Ran ${jobs.length} extractions in ${jobSeconds.toFixed(0)} s (section ${seconds.toFixed(0)} s) with ${cores} workers, load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} at the end; extractor wall time median (p95) per page: ${present.map((s) => `${s} ${timing[s]!.computed ? `${fmt(timing[s]!.medianMs, 0)} (${fmt(timing[s]!.p95Ms, 0)}) ms` : 'cached'}`).join(', ')}. CPU per page (read + parse + extract, mean): ${present.map((s) => `${s} ${fmt((timing[s]!.cpuMeanMs as number) / 1000, 2)} s`).join(', ')}; on ${cores} idle cores all ${all.length} pages would take ≈ ${fmt(idleMinutes(present), 0)} min for these systems cold, ≈ ${fmt(idleMinutes(['unwrap']), 0)} min Unwrap alone with cached baselines (≈ ${fmt(idleMinutes(['unwrap']) / 2, 0)} min for one half). Errors: ${present.map((s) => `${s} ${errors[s]!.length}`).join(', ')}.`);
  md.push('');

  const sysCols = present;
  const headHalf = (h: Half) => [`${h} n`, ...sysCols.map((s) => `${h} ${s}`), ...(sysCols.includes('unwrap') && sysCols.includes('readability') ? [`${h} U − R`] : [])];
  const cellsHalf = (h: Half, t: string, k: 'f1' | 'without') => {
    const n = (agg[h]?.[t]?.n as number | undefined) ?? 0;
    const delta = (agg[h]?.[t]?.unwrapMinusReadability as { f1: number; without: number } | undefined)?.[k];
    return [String(n), ...sysCols.map((s) => (k === 'f1' ? fmt(m(h, t, s)?.f1) : pct(m(h, t, s)?.without ?? Number.NaN))), ...(sysCols.includes('unwrap') && sysCols.includes('readability') ? [k === 'f1' ? signed(delta ?? Number.NaN) : delta === undefined ? '–' : `${delta >= 0 ? '+' : '−'}${Math.abs(delta * 100).toFixed(1)} pt`] : [])];
  };
  md.push('### F1 by page type, tune | validate');
  md.push('');
  md.push(table(['Type', ...halves.flatMap(headHalf)], types.map((t) => [t === ALL ? '**all**' : t, ...halves.flatMap((h) => cellsHalf(h, t, 'f1'))])));
  md.push('');
  md.push('### Boilerplate found (`without`, lower is better), tune | validate');
  md.push('');
  md.push(table(['Type', ...halves.flatMap(headHalf)], types.map((t) => [t === ALL ? '**all**' : t, ...halves.flatMap((h) => cellsHalf(h, t, 'without'))])));
  md.push('');
  md.push('### All figures: P / R / F1 / with / without, pages with no text');
  md.push('');
  md.push(table(['Type', 'System', ...halves.flatMap((h) => [`${h} P`, `${h} R`, `${h} F1`, `${h} with`, `${h} without`, `${h} no text`])],
    types.flatMap((t) => sysCols.map((s) => [t === ALL ? '**all**' : t, systemLabel(s), ...halves.flatMap((h) => {
      const c = m(h, t, s);
      return c ? [fmt(c.precision), fmt(c.recall), fmt(c.f1), pct(c.with), pct(c.without), `${c.empty}/${c.n}`] : ['–', '–', '–', '–', '–', '–'];
    })]))));
  md.push('');
  if (sysCols.includes('unwrap')) {
    md.push('### Unwrap\'s verdict (unforced run): pages read directly');
    md.push('');
    md.push('"read": the reader shows the text (`kind: article`); "notice": the empty state with Show anyway (the page judged not an article); "no text": not even the forced extraction has a word. Article, forum and documentation pages must read (≥ 99 %); collection, listing and product pages should get the notice.');
    md.push('');
    md.push(table(['Type', 'Wanted', ...halves.flatMap((h) => [`${h} n`, `${h} read`, `${h} notice`, `${h} no text`])], types.map((t) => [t === ALL ? '**all**' : t,
      MUST_READ.has(t) ? 'read ≥ 99 %' : SHOULD_NOTICE.has(t) ? 'notice' : '–',
      ...halves.flatMap((h) => {
        const v = verdictOf(h, t);
        return v ? [String(v.n), `${v.read} (${pct(v.n ? v.read / v.n : Number.NaN, 0)})`, String(v.notice), String(v.noText)] : ['–', '–', '–', '–'];
      })])));
    md.push('');
  }
  md.push('### Published figures (other splits: not comparable page for page)');
  md.push('');
  md.push(table(['System', 'Source', 'Split', 'all', 'article', 'forum', 'documentation'], [
    ...PUBLISHED_DEV.map((p) => [p.system, 'published (upstream README)', 'dev, 1,497 pages', fmt(p.all), fmt(p.article), fmt(p.forum), fmt(p.documentation)]),
    ...PUBLISHED_TEST.map((p) => [p.system, 'published', 'test, 511 pages', fmt(p.all), '–', '–', '–']),
    ['Unwrap (before issue 12)', 'issue 12, one run', 'test, 511 pages', fmt(HELD_OUT.all!.unwrap), fmt(HELD_OUT.article!.unwrap), fmt(HELD_OUT.forum!.unwrap), fmt(HELD_OUT.documentation!.unwrap)],
    ['Readability.js 0.6.0', 'issue 12, same run', 'test, 511 pages', fmt(HELD_OUT.all!.readability), fmt(HELD_OUT.article!.readability), fmt(HELD_OUT.forum!.readability), fmt(HELD_OUT.documentation!.readability)],
  ]));
  md.push('');
  md.push(`Held-out (test split) per type, issue 12 — Unwrap / Readability.js F1 (Unwrap "no article"): ${Object.entries(HELD_OUT).filter(([t]) => t !== ALL).map(([t, v]) => `${t} ${fmt(v.unwrap)} / ${fmt(v.readability)} (${v.noArticle} of ${v.n})`).join(', ')}; \`without\` ${pct(HELD_OUT_WITHOUT.unwrap)} / ${pct(HELD_OUT_WITHOUT.readability)}.`);
  md.push('');
  const worstMd = (title: string, list: ReturnType<typeof diagnose>[]) => {
    md.push(`### ${title}`);
    md.push('');
    if (list.length === 0) md.push('None.');
    for (const w of list) {
      const u = w.unwrap;
      const how = u ? (u.read ? 'read' : u.fromAnyway ? `notice (${u.reason}; scored on Show anyway)` : `${u.kind}${u.reason ? `: ${u.reason}` : ''}`) : '–';
      md.push(`- \`${w.id}\` ${w.type}, ${w.domain}: F1 ${SYSTEMS.map((s) => `${s} ${w.f1[s] === null ? '–' : fmt(w.f1[s] as number)}`).join(' · ')}; unwrap ${how}${u?.verdict ? ` [${u.verdict.signals.join(' ')}]` : ''}`);
      md.push(`  - dropped ${w.droppedWords} of ${w.refWords} reference words${w.largestDropped ? `; largest run (${w.largestDropped.words} words): “${w.largestDropped.text}”` : ''}`);
      md.push(`  - added ${w.addedWords} of ${w.predWords} words not in the reference${w.largestAdded ? `; largest run (${w.largestAdded.words} words): “${w.largestAdded.text}”` : ''}`);
    }
    md.push('');
  };
  if (halves.includes('validate') && sysCols.includes('unwrap')) {
    worstMd(`Worst ${WORST_N} validate pages for Unwrap (by F1)`, worstByF1);
    worstMd(`Worst ${WORST_N} validate pages below Readability (by F1 difference)`, worstVsReadability);
  }
  md.push('### Split sizes (fixed)');
  md.push('');
  md.push(table(['Type', 'tune', 'validate'], [...WCXB_TYPES, ALL].map((t) => [t === ALL ? '**all**' : t, String(splitSizes[t]!.tune), String(splitSizes[t]!.validate)])));
  md.push('');
  md.push(`Every page with its figures: \`bench/results/wcxb-pages.jsonl\` (id, half, type, domain, per system P/R/F1/with/without/words/ms, Unwrap's kind, reason and verdict).${domainFromUrl.length ? ` ${domainFromUrl.length} pages have no domain in metadata.json; their URL's host is used (${domainFromUrl.join(', ')}).` : ''}`);
  md.push('');
  const mdText = md.join('\n');
  console.log(`\n${mdText}\n`);
  return { name: 'wcxb', status: 'ok', seconds, data, md: mdText, targets, ...(partial ? { partial } : {}) };
}
