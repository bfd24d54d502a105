/**
 * Section 3: opening speed.
 *
 * Chromium (the built extension loaded, pages served from 127.0.0.1): for every Readability test page, each run
 *   1. times bare `new Readability(document.cloneNode(true)).parse()` in the page (Readability.js added with a
 *      script tag once per page), and
 *   2. presses the toolbar button for real (CDP Extensions.triggerAction → action.onClicked → executeScript) with a
 *      probe armed in the page: time from the trigger to `<unwrap-reader>` attached, to its body in the shadow
 *      root, and to two animation frames later (painted). Escape closes the overlay before the next run.
 *   3. measures the bare cost of the trigger path (an executeScript of a one-line function from the service
 *      worker), so the extension's own time can be told apart from the browser's messaging.
 * Per page: medians over the runs; then median and p95 over pages of the per-page ratio unwrap / readability.
 *
 * Node (jsdom): per page, extractArticle vs bare Readability on a clone of the same parsed document.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { listRtpPages, RTP } from '../lib/corpus';
import { armPaintProbe, launchWith, helpers, readabilitySource, readPaintProbe, waitNoOverlay, type PaintTiming } from '../lib/browser';
import { runJobs } from '../lib/pool';
import { fmt, ms, table, type BenchContext, type SectionResult, type Target } from '../lib/section';
import { median, p95, round, summarize } from '../lib/stats';
import type { Job } from '../lib/worker';

const RTP_URL = 'http://fakehost/test/page.html';

interface PageRun {
  readonly readability: number;
  readonly paint: PaintTiming;
  readonly trigger: number;
  /** The reader's own marks: `unwrap:reader:*` start times and `unwrap:stage:*` durations (ms). */
  readonly marks: Record<string, number>;
}

/** Read (and clear) the reader's performance marks; the content script's marks share the page's timeline. */
const READ_MARKS = `(async () => {
  for (let i = 0; i < 30 && performance.getEntriesByName('unwrap:reader:painted').length === 0; i++) await new Promise((r) => requestAnimationFrame(r));
  const out = {};
  for (const m of performance.getEntriesByType('mark')) {
    if (!m.name.startsWith('unwrap:')) continue;
    out[m.name] = m.name.startsWith('unwrap:stage:') ? Number(m.detail) : m.startTime;
  }
  performance.clearMarks();
  return out;
})()`;

export async function runSpeed(ctx: BenchContext): Promise<SectionResult> {
  const t0 = Date.now();
  const limit = Number(process.env.BENCH_PAGES ?? 0);
  const pages = listRtpPages().slice(0, limit > 0 ? limit : undefined);
  if (pages.length === 0) {
    return { name: 'speed', status: 'not available', reason: `no Readability test pages in ${RTP}`, seconds: 0, data: {}, md: '## 3. Opening speed\n\nnot available: no test pages\n', targets: [{ section: 'speed', name: 'median ratio vs readability', target: '≤ 1.0', value: 'not available', met: null }] };
  }

  // --- Chromium ---------------------------------------------------------------------------------------------
  const browserData = await chromiumSpeed(ctx, pages);

  // --- Node ---------------------------------------------------------------------------------------------------
  const nodeRuns = Math.max(1, Math.min(ctx.runs, 3));
  ctx.log(`speed: Node (jsdom), ${pages.length} pages × ${nodeRuns} runs on ${availableParallelism()} workers`);
  const jobs: Job[] = pages.map((slug) => ({ key: slug, op: 'nodeSpeed', runs: nodeRuns, system: 'unwrap', source: { file: join(RTP, slug, 'source.html') }, url: RTP_URL }));
  const nodeRes = await runJobs(jobs);
  const nodePages = pages.map((slug) => {
    const s = nodeRes.get(slug)?.speed;
    const u = s ? median(s.unwrap) : Number.NaN;
    const r = s ? median(s.readability) : Number.NaN;
    const stages = Object.fromEntries(Object.entries(s?.stages ?? {}).map(([k, v]) => [k, round(median(v), 2)]));
    return { slug, unwrapMs: round(u, 2), readabilityMs: round(r, 2), ratio: round(u / r, 3), kind: s?.kind ?? 'error', stages };
  });
  const nodeRatios = nodePages.map((p) => p.ratio).filter(Number.isFinite);
  const node = {
    runs: nodeRuns,
    unwrapMs: summarize(nodePages.map((p) => p.unwrapMs)),
    readabilityMs: summarize(nodePages.map((p) => p.readabilityMs)),
    ratio: summarize(nodeRatios),
    slowest: [...nodePages].sort((a, b) => b.unwrapMs - a.unwrapMs).slice(0, 5),
    stages: Object.fromEntries([...new Set(nodePages.flatMap((p) => Object.keys(p.stages)))].map((k) => [k, summarize(nodePages.map((p) => p.stages[k] ?? 0))])),
    pages: nodePages,
  };

  const targets: Target[] = [
    browserData.ok
      ? { section: 'speed', name: 'median ratio vs bare readability (Chromium, to painted)', target: '≤ 1.0', value: `${fmt(browserData.ratio.median, 2)} (p95 ${fmt(browserData.ratio.p95, 2)})`, met: browserData.ratio.median <= 1 }
      : { section: 'speed', name: 'median ratio vs bare readability (Chromium, to painted)', target: '≤ 1.0', value: `not available: ${browserData.reason}`, met: null },
  ];

  const md: string[] = [];
  md.push(`## 3. Opening speed (${pages.length} Readability test pages)`);
  md.push('');
  if (browserData.ok) {
    const b = browserData;
    md.push(`Chromium ${b.chromium}, headless, extension from \`wxt build\`, pages from a local server, ${b.runs} runs per page (medians per page, then over pages). Unwrap = toolbar press (CDP \`Extensions.triggerAction\`) → overlay painted (body in the shadow root + two animation frames). Readability = bare \`new Readability(document.cloneNode(true)).parse()\` in the same page, no rendering.`);
    md.push('');
    md.push(table(['Measure (per-page medians)', 'Median', 'p95', 'Min', 'Max'], [
      ['Unwrap: press → painted', ms(b.unwrap.median), ms(b.unwrap.p95), ms(b.unwrap.min), ms(b.unwrap.max)],
      ['  press → host attached (script + extraction + settings)', ms(b.host.median), ms(b.host.p95), ms(b.host.min), ms(b.host.max)],
      ['  host attached → painted (render + paint)', ms(b.render.median), ms(b.render.p95), ms(b.render.min), ms(b.render.max)],
      ['Trigger path alone (SW executeScript of a no-op)', ms(b.trigger.median), ms(b.trigger.p95), ms(b.trigger.min), ms(b.trigger.max)],
      ['Bare Readability parse', ms(b.readability.median), ms(b.readability.p95), ms(b.readability.min), ms(b.readability.max)],
      ['**Ratio unwrap / readability**', `**${fmt(b.ratio.median, 2)}**`, fmt(b.ratio.p95, 2), fmt(b.ratio.min, 2), fmt(b.ratio.max, 2)],
      ['Ratio without the trigger path', fmt(b.ratioNoTrigger.median, 2), fmt(b.ratioNoTrigger.p95, 2), fmt(b.ratioNoTrigger.min, 2), fmt(b.ratioNoTrigger.max, 2)],
      ['Reader marks: script start → painted (`unwrap:reader:start` → `:painted`)', ms(b.startToPaint.median), ms(b.startToPaint.p95), ms(b.startToPaint.min), ms(b.startToPaint.max)],
      ['  of which extraction (`:start` → `:extracted`)', ms(b.extract.median), ms(b.extract.p95), ms(b.extract.min), ms(b.extract.max)],
      ['Ratio script start → painted / readability', fmt(b.ratioFromStart.median, 2), fmt(b.ratioFromStart.p95, 2), fmt(b.ratioFromStart.min, 2), fmt(b.ratioFromStart.max, 2)],
    ]));
    if (Object.keys(b.stages).length) {
      md.push('');
      md.push('Extraction stages in Chromium (the pipeline\'s own `unwrap:stage:*` marks; per-page medians, then over pages):');
      md.push('');
      md.push(table(['Stage', 'Median', 'p95', 'Max'], Object.entries(b.stages).map(([k, v]) => [k, ms(v.median), ms(v.p95), ms(v.max)])));
    }
    md.push('');
    md.push(`Overlay states: ${Object.entries(b.kinds).map(([k, n]) => `${k} ${n}`).join(', ')}. Failed pages: ${b.failed.length ? b.failed.map((f) => `${f.slug} (${f.error})`).join(', ') : 'none'}.`);
    md.push('');
    md.push('Five slowest pages (Unwrap, press → painted):');
    md.push('');
    md.push(table(['Page', 'Unwrap', 'press → host', 'extraction', 'slowest stages', 'Readability', 'Ratio'], b.slowest.map((p) => [p.slug, ms(p.unwrapMs), ms(p.hostMs), ms(p.extractMs),
      Object.entries(p.stages).sort((a, c) => c[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '), ms(p.readabilityMs), fmt(p.ratio, 2)])));
  } else {
    md.push(`Chromium: not available: ${browserData.reason}`);
  }
  md.push('');
  md.push(`Node (jsdom), extractor time only (document parsed once per page; ${nodeRuns} runs, alternating order): Unwrap \`extractArticle\` median ${ms(node.unwrapMs.median)} (p95 ${ms(node.unwrapMs.p95)}), bare Readability on a clone ${ms(node.readabilityMs.median)} (p95 ${ms(node.readabilityMs.p95)}); per-page ratio median ${fmt(node.ratio.median, 2)}, p95 ${fmt(node.ratio.p95, 2)}. Slowest in Node: ${node.slowest.map((p) => `${p.slug} ${ms(p.unwrapMs)} (×${fmt(p.ratio, 1)})`).join(', ')}. Stage medians in Node: ${Object.entries(node.stages).map(([k, v]) => `${k} ${ms(v.median)}`).join(', ')}.`);
  md.push('');
  return { name: 'speed', status: browserData.ok ? 'ok' : 'not available', reason: browserData.ok ? undefined : browserData.reason, seconds: (Date.now() - t0) / 1000, data: { chromium: browserData, node }, md: md.join('\n'), targets };
}

type ChromiumResult =
  | { ok: false; reason: string }
  | {
      ok: true; chromium: string; runs: number;
      unwrap: ReturnType<typeof summarize>; host: ReturnType<typeof summarize>; render: ReturnType<typeof summarize>;
      trigger: ReturnType<typeof summarize>; readability: ReturnType<typeof summarize>;
      ratio: ReturnType<typeof summarize>; ratioNoTrigger: ReturnType<typeof summarize>;
      startToPaint: ReturnType<typeof summarize>; ratioFromStart: ReturnType<typeof summarize>; extract: ReturnType<typeof summarize>;
      stages: Record<string, ReturnType<typeof summarize>>;
      kinds: Record<string, number>; failed: { slug: string; error: string }[];
      slowest: PageFigures[]; pages: PageFigures[];
    };

interface PageFigures {
  readonly slug: string;
  readonly unwrapMs: number;
  readonly hostMs: number;
  readonly renderMs: number;
  readonly triggerMs: number;
  readonly readabilityMs: number;
  readonly ratio: number;
  readonly kind: string;
  /** From the reader's marks: script start → painted, and start → extracted. NaN when the build has no marks. */
  readonly startToPaintMs: number;
  readonly extractMs: number;
  readonly stages: Record<string, number>;
  readonly runs: readonly { unwrap: number | null; readability: number }[];
}

async function chromiumSpeed(ctx: BenchContext, pages: readonly string[]): Promise<ChromiumResult> {
  let l: Awaited<ReturnType<typeof launchWith>>;
  try {
    l = await launchWith(ctx.extensionDir);
  } catch (err) {
    return { ok: false, reason: (err as Error).message.split('\n')[0]! };
  }
  const { clickToolbar } = await helpers();
  const { startServer } = await import('../../tests/e2e/helpers/server');
  const server = await startServer({ root: RTP });
  const readabilityJs = readabilitySource();
  const figures: PageFigures[] = [];
  const failed: { slug: string; error: string }[] = [];
  const tStart = Date.now();
  try {
    let page = await l.context.newPage();
    page.setDefaultTimeout(20_000);
    for (const [i, slug] of pages.entries()) {
      const url = `${server.url}/${encodeURIComponent(slug)}/source.html`;
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
        await page.addScriptTag({ content: readabilityJs });
        await page.bringToFront();
        const runs: PageRun[] = [];
        for (let r = 0; r < ctx.runs; r++) {
          const readability = await page.evaluate(() => {
            const R = (window as unknown as { Readability: new (d: Document) => { parse(): unknown } }).Readability;
            const t = performance.now();
            new R(document.cloneNode(true) as Document).parse();
            return performance.now() - t;
          });
          await armPaintProbe(page);
          await clickToolbar(l, page);
          const paint = await readPaintProbe(page);
          const marks = paint.kind === 'timeout' ? {} : ((await page.evaluate(READ_MARKS)) as Record<string, number>);
          if (paint.kind !== 'timeout') {
            await page.keyboard.press('Escape');
            await waitNoOverlay(page).catch(async () => {
              // Escape did not close it (focus elsewhere): toggle it off with the toolbar, as a user would.
              await clickToolbar(l, page);
              await waitNoOverlay(page);
            });
          }
          // After the first press the tab has activeTab, so the service worker may script it.
          const trigger = await triggerCost(l, page);
          runs.push({ readability, paint, trigger, marks });
        }
        const ok = runs.filter((x) => x.paint.painted !== null);
        if (ok.length === 0) throw new Error('overlay never painted');
        const unwrapMs = median(ok.map((x) => x.paint.painted! - x.paint.t0));
        const hostMs = median(ok.map((x) => x.paint.host! - x.paint.t0));
        const renderMs = median(ok.map((x) => x.paint.painted! - x.paint.host!));
        const readabilityMs = median(runs.map((x) => x.readability));
        const withMarks = ok.filter((x) => x.marks['unwrap:reader:start'] !== undefined && x.marks['unwrap:reader:painted'] !== undefined);
        const startToPaintMs = withMarks.length ? median(withMarks.map((x) => x.marks['unwrap:reader:painted']! - x.marks['unwrap:reader:start']!)) : Number.NaN;
        const extractMs = withMarks.length ? median(withMarks.map((x) => (x.marks['unwrap:reader:extracted'] ?? Number.NaN) - x.marks['unwrap:reader:start']!)) : Number.NaN;
        const stageNames = [...new Set(ok.flatMap((x) => Object.keys(x.marks).filter((k) => k.startsWith('unwrap:stage:'))))];
        const stages = Object.fromEntries(stageNames.map((k) => [k.slice('unwrap:stage:'.length), round(median(ok.map((x) => x.marks[k] ?? 0)), 2)]));
        figures.push({
          slug, unwrapMs: round(unwrapMs, 2), hostMs: round(hostMs, 2), renderMs: round(renderMs, 2),
          triggerMs: round(median(runs.map((x) => x.trigger)), 2), readabilityMs: round(readabilityMs, 3),
          ratio: round(unwrapMs / readabilityMs, 3), kind: ok[0]!.paint.kind,
          startToPaintMs: round(startToPaintMs, 2), extractMs: round(extractMs, 2), stages,
          runs: runs.map((x) => ({ unwrap: x.paint.painted === null ? null : round(x.paint.painted - x.paint.t0, 2), readability: round(x.readability, 3) })),
        });
      } catch (err) {
        failed.push({ slug, error: (err as Error).message.split('\n')[0]!.slice(0, 160) });
        await page.close().catch(() => undefined);
        page = await l.context.newPage(); // keep going on a fresh tab
        page.setDefaultTimeout(20_000);
      }
      if ((i + 1) % 10 === 0 || i + 1 === pages.length) ctx.log(`speed: Chromium ${i + 1}/${pages.length} pages (${((Date.now() - tStart) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await server.close();
    await l.close();
  }
  if (figures.length === 0) return { ok: false, reason: `no page painted (${failed[0]?.error ?? 'unknown'})` };
  const kinds: Record<string, number> = {};
  for (const f of figures) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
  const ratios = figures.map((f) => f.ratio);
  return {
    ok: true, chromium: (l.browser.version?.() as string | undefined) ?? 'unknown', runs: ctx.runs,
    unwrap: summarize(figures.map((f) => f.unwrapMs)), host: summarize(figures.map((f) => f.hostMs)), render: summarize(figures.map((f) => f.renderMs)),
    trigger: summarize(figures.map((f) => f.triggerMs)), readability: summarize(figures.map((f) => f.readabilityMs)),
    ratio: { ...summarize(ratios), median: round(median(ratios), 3), p95: round(p95(ratios), 3) },
    ratioNoTrigger: summarize(figures.map((f) => (f.unwrapMs - f.triggerMs) / f.readabilityMs)),
    startToPaint: summarize(figures.map((f) => f.startToPaintMs)),
    ratioFromStart: summarize(figures.map((f) => f.startToPaintMs / f.readabilityMs)),
    extract: summarize(figures.map((f) => f.extractMs)),
    stages: Object.fromEntries([...new Set(figures.flatMap((f) => Object.keys(f.stages)))].map((k) => [k, summarize(figures.map((f) => f.stages[k] ?? 0))])),
    kinds, failed,
    slowest: [...figures].sort((a, b) => b.unwrapMs - a.unwrapMs).slice(0, 5),
    pages: figures,
  };
}

/** The browser's own cost of the trigger path: service worker → executeScript of a one-liner that stamps the page. */
async function triggerCost(l: Awaited<ReturnType<typeof launchWith>>, page: import('playwright-core').Page): Promise<number> {
  const t0 = await page.evaluate(() => {
    delete document.documentElement.dataset.unwrapBenchStamp;
    return performance.now();
  });
  // Plain JavaScript source: tsx's name helpers must not leak into the worker.
  await l.worker.evaluate(`(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u.replace(/#.*$/, '') });
    if (!tab || !tab.id) throw new Error('no tab for ' + u);
    await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => { document.documentElement.dataset.unwrapBenchStamp = String(performance.now()); } });
  })(${JSON.stringify(page.url())})`);
  const t1 = await page.evaluate(() => Number(document.documentElement.dataset.unwrapBenchStamp));
  await page.evaluate(() => { delete document.documentElement.dataset.unwrapBenchStamp; });
  return t1 - t0;
}
