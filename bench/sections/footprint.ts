/**
 * Section 4: footprint.
 *  - Size of every built script (raw and gzip -9) in the bench's own `wxt build`.
 *  - Main-thread time the static aggregator content script (content-scripts/aggregator.js) adds at page load on
 *    the aggregator fixtures, served under their real host names: a Chromium trace of each load, summing the
 *    top-level events attributed to aggregator.js (evaluation, and any later callbacks into it), as thread time
 *    (CPU, robust on a busy machine) and wall time; plus the script's own `unwrap:aggregator:detect` measure.
 *    The same fixture served from 127.0.0.1 (where the script does not run) gives the page's own load cost.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadAggregatorFixtures } from '../lib/corpus';
import { launchWith } from '../lib/browser';
import { fmt, ms, table, type BenchContext, type SectionResult, type Target } from '../lib/section';
import { median, round, summarize } from '../lib/stats';

const STATIC_SCRIPT = 'content-scripts/aggregator.js';
const STATIC_LIMIT = 15 * 1024;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

interface TraceEvent { name: string; ph: string; dur?: number; tdur?: number; args?: Record<string, unknown>; ts: number; tid: number; pid: number }

export async function runFootprint(ctx: BenchContext): Promise<SectionResult> {
  const t0 = Date.now();
  const dir = ctx.extensionDir;
  if (!existsSync(join(dir, 'manifest.json'))) {
    return { name: 'footprint', status: 'not available', reason: `no build at ${dir}`, seconds: 0, data: {}, md: '## 4. Footprint\n\nnot available: no build\n', targets: [{ section: 'footprint', name: 'static content script (minified)', target: '≤ 15 KB', value: 'not built', met: null }] };
  }
  const scripts = walk(dir).filter((f) => f.endsWith('.js')).map((f) => {
    const buf = readFileSync(f);
    return { file: relative(dir, f), raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  }).sort((a, b) => b.raw - a.raw);
  const staticScript = scripts.find((s) => s.file === STATIC_SCRIPT) ?? null;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const staticScripts = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);

  const mainThread = staticScript ? await measureMainThread(ctx) : { ok: false as const, reason: `${STATIC_SCRIPT} not built` };

  const targets: Target[] = [
    {
      section: 'footprint', name: 'static content script (minified)', target: '≤ 15 KB',
      value: staticScript ? `${(staticScript.raw / 1024).toFixed(1)} KB (${(staticScript.gzip / 1024).toFixed(1)} KB gzip)` : 'not built',
      met: staticScript ? staticScript.raw <= STATIC_LIMIT : null,
    },
  ];

  const md: string[] = [];
  md.push('## 4. Footprint');
  md.push('');
  md.push(`Every script of the production build (\`wxt build\`, chrome-mv3). Static content scripts (loaded on every matching page): ${staticScripts.length ? staticScripts.map((s) => `\`${s}\``).join(', ') : 'none'}. Everything else loads on demand (reader, popup, library page) or in the service worker.`);
  md.push('');
  md.push(table(['Script', 'Raw', 'gzip -9'], scripts.map((s) => [s.file, `${(s.raw / 1024).toFixed(1)} KB`, `${(s.gzip / 1024).toFixed(1)} KB`])));
  md.push('');
  if (mainThread.ok) {
    const m = mainThread;
    md.push(`Main-thread time of \`${STATIC_SCRIPT}\` at page load on the ${m.pages.filter((p) => p.ran).length} aggregator fixtures where it is injected (served under their real host names; ${m.runs} loads each, per-page medians; from a Chromium trace: top-level events attributed to the script):`);
    md.push('');
    md.push(table(['Measure (per-page medians)', 'Median', 'p95', 'Max'], [
      ['aggregator.js thread time (CPU)', ms(m.thread.median), ms(m.thread.p95), ms(m.thread.max)],
      ['aggregator.js wall time', ms(m.wall.median), ms(m.wall.p95), ms(m.wall.max)],
      ['of which `unwrap:aggregator:detect` (detection)', ms(m.detect.median), ms(m.detect.p95), ms(m.detect.max)],
      ['page\'s own main-thread time, same page without the script (TaskDuration)', ms(m.baseline.median), ms(m.baseline.p95), ms(m.baseline.max)],
    ]));
    md.push('');
    md.push(table(['Fixture', 'Thread', 'Wall', 'Detect', 'Launcher shown'], m.pages.map((p) => (p.ran ? [p.id, ms(p.threadMs), ms(p.wallMs), ms(p.detectMs), p.launcher ? 'yes' : 'no'] : [p.id, 'not injected (host not in the static matches)', '–', '–', '–']))));
  } else {
    md.push(`Main-thread time at page load: not available: ${mainThread.reason}.`);
  }
  md.push('');
  return {
    name: 'footprint', status: 'ok', seconds: (Date.now() - t0) / 1000,
    data: { buildDir: relative(process.cwd(), dir), scripts, staticScripts, staticScript, staticLimitBytes: STATIC_LIMIT, mainThread },
    md: md.join('\n'), targets,
  };
}

type MainThread =
  | { ok: false; reason: string }
  | {
      ok: true; runs: number;
      thread: ReturnType<typeof summarize>; wall: ReturnType<typeof summarize>; detect: ReturnType<typeof summarize>; baseline: ReturnType<typeof summarize>;
      pages: { id: string; ran: boolean; threadMs: number; wallMs: number; detectMs: number; baselineMs: number; launcher: boolean }[];
    };

async function measureMainThread(ctx: BenchContext): Promise<MainThread> {
  const fixtures = loadAggregatorFixtures();
  if (fixtures.length === 0) return { ok: false, reason: 'no aggregator fixtures' };
  const { startHostServer } = await import('../../tests/e2e/helpers/hosts');
  const { startServer } = await import('../../tests/e2e/helpers/server');
  const hosts = await startHostServer([...new Set(fixtures.map((f) => new URL(f.expected.url).hostname))]);
  const plain = await startServer();
  for (const f of fixtures) {
    hosts.route(f.expected.url, f.html);
    plain.route(`/${f.id}/page.html`, { body: f.html });
  }
  process.env.UNWRAP_EXTENSION_DIR = ctx.extensionDir;
  const { launch } = await import('../../tests/e2e/helpers/chromium');
  const l = await launch({ hostRules: hosts.rules });
  const runs = Math.max(1, Math.min(ctx.runs, 3));
  const pages: Extract<MainThread, { ok: true }>['pages'] = [];
  try {
    for (const f of fixtures) {
      const thread: number[] = [];
      const wall: number[] = [];
      const detect: number[] = [];
      const baseline: number[] = [];
      let launcher = false;
      let ran = false;
      for (let r = 0; r < runs; r++) {
        // With the script: traced load on the real host name.
        const page = await l.context.newPage();
        await l.browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute'] });
        await page.goto(f.expected.url, { waitUntil: 'load' });
        // document_idle, then the launcher (storage round trip): give it time to settle.
        launcher = await page.waitForFunction(() => !!document.querySelector('unwrap-launcher'), undefined, { timeout: 3000 }).then(() => true, () => false) || launcher;
        await page.waitForTimeout(200);
        // A stub page may navigate itself away (Google News "Opening …"): then the measure is gone with the document.
        const detectMs = await page.evaluate(() => performance.getEntriesByName('unwrap:aggregator:detect').reduce((n, e) => n + e.duration, 0)).catch(() => Number.NaN);
        const trace = JSON.parse((await l.browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
        const own = attributed(trace.traceEvents, STATIC_SCRIPT);
        ran ||= own.events > 0;
        thread.push(own.thread);
        wall.push(own.wall);
        detect.push(detectMs);
        await page.close();
        // Without: the same HTML from 127.0.0.1 (no content script matches); the page's own main-thread time.
        const bare = await l.context.newPage();
        const cdp = await l.context.newCDPSession(bare);
        await cdp.send('Performance.enable');
        await bare.goto(`${plain.url}/${f.id}/page.html`, { waitUntil: 'load' });
        await bare.waitForTimeout(200);
        const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
        baseline.push((metrics.metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000);
        await cdp.detach().catch(() => undefined);
        await bare.close();
      }
      pages.push({ id: f.id, ran, threadMs: round(median(thread), 2), wallMs: round(median(wall), 2), detectMs: round(median(detect), 2), baselineMs: round(median(baseline), 1), launcher });
      ctx.log(`footprint: ${f.id} aggregator.js${ran ? '' : ' (not injected: host not matched)'} ${fmt(median(thread), 2)} ms thread, ${fmt(median(wall), 2)} ms wall`);
    }
  } finally {
    await l.close();
    await hosts.close();
    await plain.close();
  }
  const ran = pages.filter((p) => p.ran);
  if (ran.length === 0) return { ok: false, reason: 'the script was not injected on any fixture' };
  return {
    ok: true, runs,
    thread: summarize(ran.map((p) => p.threadMs)), wall: summarize(ran.map((p) => p.wallMs)),
    detect: summarize(ran.map((p) => p.detectMs)), baseline: summarize(ran.map((p) => p.baselineMs)),
    pages,
  };
}

/** Sum of top-level (non-nested) complete events on the renderer main thread whose script is `script`. */
function attributed(events: readonly TraceEvent[], script: string): { thread: number; wall: number; events: number } {
  const mine = events
    .filter((e) => e.ph === 'X' && ['EvaluateScript', 'FunctionCall', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'v8.run', 'RunMicrotasks'].includes(e.name))
    .filter((e) => {
      const d = (e.args?.data ?? e.args) as { url?: string; scriptName?: string; fileName?: string } | undefined;
      return [d?.url, d?.scriptName, d?.fileName, (e.args as { fileName?: string } | undefined)?.fileName].some((u) => typeof u === 'string' && u.startsWith('chrome-extension://') && u.endsWith(script));
    })
    .sort((a, b) => a.ts - b.ts);
  let thread = 0;
  let wall = 0;
  let end = -1;
  for (const e of mine) {
    if (e.ts < end) continue; // nested inside an event already counted (v8.run inside EvaluateScript)
    thread += (e.tdur ?? e.dur ?? 0) / 1000;
    wall += (e.dur ?? 0) / 1000;
    end = e.ts + (e.dur ?? 0);
  }
  return { thread, wall, events: mine.length };
}
