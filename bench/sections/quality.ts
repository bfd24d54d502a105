/**
 * Section 1: extraction quality on scrapinghub/article-extraction-benchmark (181 pages), with the benchmark's own
 * metric (bench/lib/metric.ts). Steps:
 *   1. Check the scorer: score the committed upstream predictions and compare with the published table.
 *   2. Run unwrap, plain Readability and Defuddle through one harness (same jsdom, HTML, URL), plus Readability
 *      exactly as the upstream runner calls it (URL https://fake-url.com) to explain any gap to the published 0.947.
 *   3. F1/P/R/accuracy ± bootstrap std, paired bootstrap differences, the aggregator rows.
 *   4. The pages where unwrap loses most against plain Readability, with what went missing and the stage that
 *      dropped it (bench/lib/ladder.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPredictionSystems, loadAebHtml, loadGroundTruth, loadPredictions, ROOT, AEB } from '../lib/corpus';
import { pkgVersion } from '../lib/env';
import {
  evaluate, extraRuns, missingRuns, mulberry32, pairedDifference, precisionScore, recallScore, scoreDoc,
  tokenize, type DocScore, type Evaluation,
} from '../lib/metric';
import { runJobs } from '../lib/pool';
import { blame, ladder, type RungScore } from '../lib/ladder';
import { fmt, table, type BenchContext, type SectionResult, type Target } from '../lib/section';
import type { SystemName, SystemOutput } from '../lib/systems';
import type { Job } from '../lib/worker';

/** Published figures (shared/docs/benchmarks.md, upstream README): F1, P, R, accuracy. */
export const PUBLISHED: Readonly<Record<string, { f1: number; precision: number; recall: number; accuracy: number | null }>> = {
  rs_trafilatura: { f1: 0.970, precision: 0.951, recall: 0.990, accuracy: 0.287 },
  trafilatura: { f1: 0.958, precision: 0.938, recall: 0.978, accuracy: 0.293 },
  readability_js: { f1: 0.947, precision: 0.914, recall: 0.982, accuracy: 0.166 },
  go_domdistiller: { f1: 0.927, precision: 0.901, recall: 0.956, accuracy: 0.061 },
  readability: { f1: 0.922, precision: 0.913, recall: 0.931, accuracy: 0.315 },
  newspaper: { f1: 0.949, precision: 0.964, recall: 0.934, accuracy: null },
};

/** benchmarks.md §1.1: aggregator/syndication pages in the set. */
export const AEB_AGGREGATOR_PAGES: Readonly<Record<string, string>> = {
  '9eef8162bbb67b0bd73792313b91b87dc9304f43f85f479e67e71c166417451e': 'msn.com ar-BBWXwNX (CNN)',
  abd9d6291b6bfae0c3ffad8ab7623b482c6da46face0271dc42af6324d8f0ce5: 'msn.com ar-BBWZedJ (NBC News)',
  '82b6d780c792df78dcfb00484d50c86fbc7f324a9eb5835b7615f028edb9a574': 'hosted.ap.org (AP)',
  e7994d5500875202d93e736e8f0c8a0436107d10add94ce3789001b8c5c32358: 'hosted.ap.org (AP)',
  '680c2848e94a96f961a0964631de94ac572f83c45bfd0bec2deafa893bcfe15c': 'digg.com digest',
};

type RunName = SystemName | 'readability_ref';
const RUN_NAMES: readonly RunName[] = ['unwrap', 'readability', 'defuddle', 'readability_ref'];
const REF_URL = 'https://fake-url.com';
/** Bump when the harness changes what a baseline system outputs (invalidates bench/.cache). */
const HARNESS_VERSION = 2;
const CACHE = join(ROOT, 'bench', '.cache');
const WORST_N = 10;

function cacheKey(run: RunName): string | null {
  if (run === 'unwrap') return null; // the product changes between runs: never cached
  const gt = statSync(join(AEB, 'ground-truth.json'));
  const parts = [run, HARNESS_VERSION, pkgVersion('jsdom'), pkgVersion('@mozilla/readability'), pkgVersion('defuddle'), gt.size, process.version];
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

interface Cached {
  readonly key: string;
  readonly date: string;
  readonly outputs: Record<string, SystemOutput & { styleFallback?: boolean }>;
}

function readCache(run: RunName): Cached | null {
  const key = cacheKey(run);
  if (!key) return null;
  const file = join(CACHE, `aeb-${run}.json`);
  if (!existsSync(file)) return null;
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as Cached;
    return c.key === key ? c : null;
  } catch {
    return null;
  }
}

function writeCache(run: RunName, outputs: Cached['outputs']): void {
  const key = cacheKey(run);
  if (!key) return;
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(join(CACHE, `aeb-${run}.json`), JSON.stringify({ key, date: new Date().toISOString(), outputs } satisfies Cached));
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function metricsRow(e: Evaluation) {
  return {
    f1: r3(e.f1), precision: r3(e.precision), recall: r3(e.recall), accuracy: r3(e.accuracy),
    f1_std: r3(e.f1_std), precision_std: r3(e.precision_std), recall_std: r3(e.recall_std), accuracy_std: r3(e.accuracy_std),
  };
}

function clip(s: string, n = 220): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

export async function runQuality(ctx: BenchContext): Promise<SectionResult> {
  const t0 = Date.now();
  const gt = loadGroundTruth();
  const ids = Object.keys(gt);
  const rng = mulberry32(20191101);

  // 1. Scorer check against the published table.
  const scorerCheck: Record<string, unknown> = {};
  const checkRows: string[][] = [];
  let scorerOk = true;
  for (const sys of listPredictionSystems()) {
    const p = loadPredictions(sys);
    const e = evaluate(ids.map((id) => scoreDoc(gt[id]!.articleBody, p.bodies[id] ?? '')), 1000, rng);
    const pub = PUBLISHED[sys];
    const match = pub
      ? [e.f1 - pub.f1, e.precision - pub.precision, e.recall - pub.recall, pub.accuracy === null ? 0 : e.accuracy - pub.accuracy].every((d) => Math.abs(d) < 0.0005)
      : null;
    if (match === false) scorerOk = false;
    scorerCheck[sys] = { version: p.version, ...metricsRow(e), published: pub ?? null, match };
    checkRows.push([sys, p.version ?? '', `${fmt(e.f1)} ± ${fmt(e.f1_std)}`, fmt(e.precision), fmt(e.recall), fmt(e.accuracy),
      pub ? `${fmt(pub.f1)} / ${fmt(pub.precision)} / ${fmt(pub.recall)} / ${fmt(pub.accuracy)}` : '–', match === null ? '–' : match ? 'yes' : '**NO**']);
  }
  ctx.log(`quality: scorer check ${scorerOk ? 'reproduces' : 'DOES NOT reproduce'} the published table`);

  // 2. Run the systems (baselines from cache when the versions are unchanged).
  const outputs = {} as Record<RunName, Record<string, SystemOutput & { styleFallback?: boolean }>>;
  const cachedFrom: Record<string, string> = {};
  const jobs: Job[] = [];
  for (const run of RUN_NAMES) {
    const c = ctx.fresh ? null : readCache(run);
    if (c && ids.every((id) => c.outputs[id])) {
      outputs[run] = c.outputs;
      cachedFrom[run] = c.date;
      continue;
    }
    outputs[run] = {};
    for (const id of ids) {
      jobs.push({
        key: `${run}\u0000${id}`,
        system: run === 'readability_ref' ? 'readability' : run,
        source: { aeb: id },
        url: run === 'readability_ref' ? REF_URL : gt[id]!.url,
      });
    }
  }
  ctx.log(`quality: ${jobs.length} extraction jobs${Object.keys(cachedFrom).length ? ` (cached: ${Object.keys(cachedFrom).join(', ')})` : ''}`);
  const tRun = Date.now();
  const results = await runJobs(jobs, {
    onResult: (_r, done) => {
      if (done % 50 === 0 || done === jobs.length) ctx.log(`quality: ${done}/${jobs.length} (${((Date.now() - tRun) / 1000).toFixed(0)} s)`);
    },
  });
  for (const job of jobs) {
    const [run, id] = job.key.split('\u0000') as [RunName, string];
    const r = results.get(job.key);
    outputs[run][id] = r ? { ...r.out, styleFallback: r.styleFallback } : { text: '', ms: 0, error: 'no result' };
  }
  for (const run of RUN_NAMES) if (!cachedFrom[run]) writeCache(run, outputs[run]);

  // 3. Scores.
  const docs = {} as Record<RunName, DocScore[]>;
  const evals = {} as Record<RunName, Evaluation>;
  for (const run of RUN_NAMES) {
    docs[run] = ids.map((id) => scoreDoc(gt[id]!.articleBody, outputs[run][id]?.text ?? ''));
    evals[run] = evaluate(docs[run], 1000, rng);
  }
  const diffs = {
    'unwrap − readability': pairedDifference(docs.unwrap, docs.readability, 1000, rng),
    'unwrap − defuddle': pairedDifference(docs.unwrap, docs.defuddle, 1000, rng),
    'readability − defuddle': pairedDifference(docs.readability, docs.defuddle, 1000, rng),
  };
  const errors = Object.fromEntries(RUN_NAMES.map((run) => [run, ids.filter((id) => outputs[run][id]?.error).map((id) => ({ id, error: outputs[run][id]!.error!.split('\n')[0] }))]));
  const styleFallbackIds = ids.filter((id) => outputs.readability[id]?.styleFallback || outputs.unwrap[id]?.styleFallback);
  const unwrapKinds: Record<string, number> = {};
  for (const id of ids) {
    const o = outputs.unwrap[id]!;
    const k = o.error ? 'error' : o.kind === 'empty' ? `empty:${o.reason}` : (o.kind ?? 'unknown');
    unwrapKinds[k] = (unwrapKinds[k] ?? 0) + 1;
  }

  // Our Readability run vs the committed upstream readability_js output: where do they differ?
  const committed = loadPredictions('readability_js').bodies;
  const refVsCommitted = ids.map((id) => {
    const a = tokenize(outputs.readability_ref[id]?.text ?? '');
    const b = tokenize(committed[id] ?? '');
    const same = a.length === b.length && a.every((t, i) => t === b[i]);
    return { id, same, ours: a.length, committed: b.length };
  });
  const differing = refVsCommitted.filter((r) => !r.same);
  const refVsOurs = ids.filter((id) => {
    const a = tokenize(outputs.readability_ref[id]?.text ?? '');
    const b = tokenize(outputs.readability[id]?.text ?? '');
    return !(a.length === b.length && a.every((t, i) => t === b[i]));
  });

  // 4. Worst pages for unwrap against plain Readability (per-page F1).
  const f1Of = (d: DocScore) => {
    const p = precisionScore(d);
    const r = recallScore(d);
    return p + r > 0 ? (2 * p * r) / (p + r) : 0;
  };
  const perPage = ids.map((id, i) => {
    const u = docs.unwrap[i]!;
    const r = docs.readability[i]!;
    const d = docs.defuddle[i]!;
    return {
      id, url: gt[id]!.url,
      unwrap: { p: r3(precisionScore(u)), r: r3(recallScore(u)), f1: r3(f1Of(u)) },
      readability: { p: r3(precisionScore(r)), r: r3(recallScore(r)), f1: r3(f1Of(r)) },
      defuddle: { p: r3(precisionScore(d)), r: r3(recallScore(d)), f1: r3(f1Of(d)) },
      delta: r3(f1Of(u) - f1Of(r)),
    };
  });
  const worst = [...perPage].sort((a, b) => a.delta - b.delta).slice(0, WORST_N).filter((p) => p.delta < 0);
  ctx.log(`quality: diagnosing the ${worst.length} worst pages`);
  const worstDetail = worst.map((p) => {
    const truth = gt[p.id]!.articleBody;
    const uText = outputs.unwrap[p.id]?.text ?? '';
    const rText = outputs.readability[p.id]?.text ?? '';
    // What readability had right that unwrap lacks: truth runs missing from unwrap but present in readability.
    const missing = missingRuns(truth, uText).filter((run) => {
      const toks = run.split(' ');
      const inReadability = tokenize(rText).join(' ').includes(toks.slice(0, Math.min(8, toks.length)).join(' '));
      return inReadability;
    });
    const extra = extraRuns(truth, uText).filter((run) => !tokenize(rText).join(' ').includes(run.split(' ').slice(0, 8).join(' ')));
    const missingWords = missing.reduce((n, s) => n + s.split(' ').length, 0);
    const o = outputs.unwrap[p.id]!;
    const removed = (o.removed ?? []).map((b) => `${b.reason}: ${b.text}`);
    let rungs: RungScore[] = [];
    try {
      rungs = ladder(loadAebHtml(p.id), p.url, truth);
    } catch (err) {
      ctx.log(`quality: ladder failed on ${p.id}: ${(err as Error).message}`);
    }
    return {
      ...p,
      unwrapResult: o.error ? `error: ${o.error.split('\n')[0]}` : o.kind === 'article' ? 'article' : `${o.kind}: ${o.reason ?? ''}`,
      missingWords,
      missing: missing.slice(0, 6).map((s) => clip(s)),
      extra: extra.slice(0, 4).map((s) => clip(s)),
      removed: removed.slice(0, 12),
      ladder: rungs.map((r) => ({ ...r, precision: r3(r.precision), recall: r3(r.recall) })),
      blame: blame(rungs),
    };
  });

  // Aggregator rows (§1.1).
  const aggRows = Object.entries(AEB_AGGREGATOR_PAGES).map(([id, label]) => {
    const i = ids.indexOf(id);
    const cell = (run: RunName) => (i < 0 ? null : { p: r3(precisionScore(docs[run][i]!)), r: r3(recallScore(docs[run][i]!)) });
    return { id, label, unwrap: cell('unwrap'), readability: cell('readability'), defuddle: cell('defuddle') };
  });

  // Node timings on this corpus (extractor only, jsdom parse excluded).
  const timing = Object.fromEntries((['unwrap', 'readability', 'defuddle'] as const).map((run) => {
    const xs = ids.map((id) => outputs[run][id]?.ms ?? Number.NaN).filter((x) => x > 0).sort((a, b) => a - b);
    return [run, { medianMs: r3(xs[Math.floor(xs.length / 2)] ?? Number.NaN), cached: Boolean(cachedFrom[run]) }];
  }));

  const systems = Object.fromEntries((['unwrap', 'readability', 'defuddle'] as const).map((s) => [s, metricsRow(evals[s])]));
  const data = {
    corpus: 'scrapinghub/article-extraction-benchmark', pages: ids.length,
    scorerCheck, scorerReproducesPublished: scorerOk,
    systems,
    readabilityReferenceRunner: { url: REF_URL, ...metricsRow(evals.readability_ref) },
    readabilityReferenceVsCommitted: { pagesDiffering: differing.length, pages: differing.slice(0, 20) },
    readabilityRealUrlVsReferenceUrl: { pagesDiffering: refVsOurs.length },
    pairedDifferences: Object.fromEntries(Object.entries(diffs).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([m, d]) => [m, { mean: r3(d.mean), std: r3(d.std) }]))])),
    aggregatorPages: aggRows,
    unwrapResultKinds: unwrapKinds,
    errors,
    jsdomStyleFallback: styleFallbackIds,
    cachedBaselines: cachedFrom,
    nodeExtractMedianMs: timing,
    worstForUnwrap: worstDetail,
    perPage,
  };

  // Targets.
  const u = evals.unwrap;
  const targets: Target[] = [
    { section: 'quality', name: 'F1 > readability', target: `> ${fmt(evals.readability.f1)}`, value: fmt(u.f1), met: u.f1 > evals.readability.f1 },
    { section: 'quality', name: 'F1 > defuddle', target: `> ${fmt(evals.defuddle.f1)}`, value: fmt(u.f1), met: u.f1 > evals.defuddle.f1 },
    { section: 'quality', name: 'precision > readability', target: `> ${fmt(evals.readability.precision)}`, value: fmt(u.precision), met: u.precision > evals.readability.precision },
    { section: 'quality', name: 'precision > defuddle', target: `> ${fmt(evals.defuddle.precision)}`, value: fmt(u.precision), met: u.precision > evals.defuddle.precision },
  ];

  // Markdown.
  const md: string[] = [];
  md.push(`## 1. Extraction quality (article-extraction-benchmark, ${ids.length} pages)`);
  md.push('');
  md.push('Metric: the benchmark\'s own (`evaluate.py` ported to `bench/lib/metric.ts`): `[\\p{L}\\p{N}_]+` tokens, word 4-gram shingles as multisets, per-page P/R normalised, means over pages, F1 of the means, exact token-list accuracy, ± = std over 1,000 bootstrap resamples. All systems run in one process pool with the same jsdom ' + (pkgVersion('jsdom') ?? '?') + ', the same HTML and the page\'s real URL; text = `textContent`.');
  md.push('');
  md.push(table(['System', 'F1', 'Precision', 'Recall', 'Accuracy'], (['unwrap', 'readability', 'defuddle'] as const).map((s) => [
    s === 'readability' ? `readability ${pkgVersion('@mozilla/readability')}` : s === 'defuddle' ? `defuddle ${pkgVersion('defuddle')}` : 'unwrap',
    `${fmt(evals[s].f1)} ± ${fmt(evals[s].f1_std)}`, `${fmt(evals[s].precision)} ± ${fmt(evals[s].precision_std)}`,
    `${fmt(evals[s].recall)} ± ${fmt(evals[s].recall_std)}`, `${fmt(evals[s].accuracy)} ± ${fmt(evals[s].accuracy_std)}`,
  ])));
  md.push('');
  md.push('Paired bootstrap differences (mean ± std over 1,000 resamples of the same pages):');
  md.push('');
  md.push(table(['Comparison', 'ΔF1', 'ΔPrecision', 'ΔRecall', 'ΔAccuracy'], Object.entries(diffs).map(([k, v]) => [k,
    `${fmt(v.f1.mean)} ± ${fmt(v.f1.std)}`, `${fmt(v.precision.mean)} ± ${fmt(v.precision.std)}`, `${fmt(v.recall.mean)} ± ${fmt(v.recall.std)}`, `${fmt(v.accuracy.mean)} ± ${fmt(v.accuracy.std)}`])));
  md.push('');
  md.push(`Unwrap's results: ${Object.entries(unwrapKinds).map(([k, n]) => `${k} ${n}`).join(', ')}. Errors: ${RUN_NAMES.map((r) => `${r} ${errors[r]!.length}`).join(', ')}.`);
  if (styleFallbackIds.length) md.push(`jsdom ${pkgVersion('jsdom')} throws while parsing the \`<style>\` of ${styleFallbackIds.length} pages (${styleFallbackIds.map((i) => i.slice(0, 8)).join(', ')}); the harness parses those again with \`<style>\` emptied, for every system alike.`);
  if (Object.keys(cachedFrom).length) md.push(`Baseline outputs reused from the cache (same library, jsdom and Node versions): ${Object.entries(cachedFrom).map(([k, d]) => `${k} (${d.slice(0, 10)})`).join(', ')}; \`npm run bench -- quality --fresh\` recomputes them.`);
  md.push('');
  md.push('### Scorer check');
  md.push('');
  md.push(`Scoring the committed upstream predictions with our port ${scorerOk ? '**reproduces the published table**' : '**does not reproduce the published table**'}:`);
  md.push('');
  md.push(table(['System', 'Version', 'F1 (ours)', 'P', 'R', 'Acc', 'Published F1 / P / R / Acc', 'Match'], checkRows));
  md.push('');
  const ref = evals.readability_ref;
  md.push(`Readability run exactly like the upstream runner (\`new JSDOM(html, { url: "${REF_URL}" })\`, \`parse().textContent\`) in this harness: F1 ${fmt(ref.f1)}, P ${fmt(ref.precision)}, R ${fmt(ref.recall)}, accuracy ${fmt(ref.accuracy)} (published 0.947 / 0.914 / 0.982 / 0.166). Its token lists differ from the committed \`readability_js.json\` on ${differing.length} of ${ids.length} pages${differing.length ? ` (${differing.slice(0, 8).map((d) => `${d.id.slice(0, 8)}: ${d.ours} vs ${d.committed} tokens`).join('; ')}${differing.length > 8 ? '; …' : ''})` : ''}. With the page's real URL instead of fake-url.com, ${refVsOurs.length} pages change.`);
  md.push('');
  md.push('### Aggregator pages in the set (P / R)');
  md.push('');
  md.push(table(['Page', 'unwrap', 'readability', 'defuddle'], aggRows.map((r) => [`${r.label} \`${r.id.slice(0, 8)}\``,
    ...(['unwrap', 'readability', 'defuddle'] as const).map((s) => (r[s] ? `${fmt(r[s]!.p)} / ${fmt(r[s]!.r)}` : '–'))])));
  md.push('');
  md.push(`### Where Unwrap loses most against plain Readability (${worstDetail.length} pages, per-page F1)`);
  md.push('');
  md.push('Ladder: recall (precision) after each pipeline stage, run with the product\'s own stage functions: `plain` Readability defaults → `options` Unwrap\'s Readability options on the clone → `prune` + pruneNonContent → `strip` + upsell/adapter strippers → `pipeline` full extractArticle.');
  md.push('');
  for (const w of worstDetail) {
    md.push(`- **\`${w.id.slice(0, 12)}\`** ${w.url}: F1 ${fmt(w.unwrap.f1)} vs ${fmt(w.readability.f1)} (unwrap P ${fmt(w.unwrap.p)} R ${fmt(w.unwrap.r)}; readability P ${fmt(w.readability.p)} R ${fmt(w.readability.r)}); unwrap → ${w.unwrapResult}; stage to blame: **${w.blame ?? (w.unwrap.p < w.readability.p ? 'precision (extra text)' : 'none > 0.02')}**`);
    md.push(`  - ladder: ${w.ladder.map((r) => `${r.rung} ${fmt(r.recall)} (${fmt(r.precision)})${r.note ? ` [${r.note}]` : ''}`).join(' → ')}`);
    if (w.missing.length) md.push(`  - missing (${w.missingWords} words that readability kept): ${w.missing.slice(0, 3).map((s) => `“${clip(s, 160)}”`).join(' · ')}`);
    if (w.extra.length) md.push(`  - extra (not in truth nor readability): ${w.extra.slice(0, 2).map((s) => `“${clip(s, 120)}”`).join(' · ')}`);
    if (w.removed.length) md.push(`  - removed by unwrap: ${w.removed.slice(0, 4).map((s) => `\`${clip(s, 90)}\``).join(', ')}`);
  }
  md.push('');
  return { name: 'quality', status: 'ok', seconds: (Date.now() - t0) / 1000, data, md: md.join('\n'), targets };
}
