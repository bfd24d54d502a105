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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { listRtpPages, RTP } from '../lib/corpus';
import {
  armPaintProbe, launchWith, PEER_OVERLAY, pressAction, readabilitySource, readPaintProbe, UNWRAP_OVERLAY, waitNoOverlay, workerOf, type OverlayShape,
} from '../lib/browser';
import { ensureBuild } from '../lib/build';
import { buildPeer } from '../lib/peer';
import { runJobs } from '../lib/pool';
import { fmt, ms, table, type BenchContext, type SectionResult, type Target } from '../lib/section';
import { median, p95, round, summarize } from '../lib/stats';
import type { Job } from '../lib/worker';

const RTP_URL = 'http://fakehost/test/page.html';

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

/** reader.js of the product build, raw and gzip; and the script files it names (lazy chunks, if it gets split). */
function readerSize(buildDir: string) {
  const file = join(buildDir, 'content-scripts', 'reader.js');
  if (!existsSync(file)) return null;
  const src = readFileSync(file);
  const text = src.toString('utf8');
  const chunks: { file: string; bytes: number; gzip: number }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js') && p !== file && text.includes(e.name)) {
        const b = readFileSync(p);
        chunks.push({ file: relative(buildDir, p), bytes: b.length, gzip: gzipSync(b, { level: 9 }).length });
      }
    }
  };
  walk(buildDir);
  return { bytes: src.length, gzip: gzipSync(src, { level: 9 }).length, chunks };
}

const READER_JS_BEFORE_KB = 215;

export async function runSpeed(ctx: BenchContext): Promise<SectionResult> {
  const t0 = Date.now();
  const limit = Number(process.env.BENCH_PAGES ?? 0);
  const pages = listRtpPages().slice(0, limit > 0 ? limit : undefined);
  if (pages.length === 0) {
    return { name: 'speed', status: 'not available', reason: `no Readability test pages in ${RTP}`, seconds: 0, data: {}, md: '## 3. Opening speed\n\nnot available: no test pages\n', targets: [{ section: 'speed', name: 'median ratio vs readability', target: '≤ 1.0', value: 'not available', met: null }] };
  }
  if (ctx.build) {
    ctx.log('speed: building the test build (UNWRAP_TEST_BUILD=1: stage marks, press outcomes) into bench/.build-test …');
    await ensureBuild(ctx.testExtensionDir, ctx.log, { test: true });
  }
  const size = readerSize(ctx.extensionDir);

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

  // Targets (issue 15).
  const targets: Target[] = [];
  const na = (name: string, target: string, why: string): Target => ({ section: 'speed', name, target, value: `not available: ${why}`, met: null });
  if (browserData.ok) {
    const b = browserData;
    const rl = b.ratios.laterVsReadability!;
    const rf = b.ratios.firstVsReadability!;
    targets.push({ section: 'speed', name: 'later opens vs bare readability (Chromium, to painted)', target: 'median ≤ 1.0, p95 ≤ 2.0', value: `${fmt(rl.median, 2)} (p95 ${fmt(rl.p95, 2)})`, met: rl.median <= 1 && rl.p95 <= 2 });
    targets.push({ section: 'speed', name: 'first open vs bare readability (Chromium, to painted)', target: 'median ≤ 2.0, p95 ≤ 4.0', value: `${fmt(rf.median, 2)} (p95 ${fmt(rf.p95, 2)})`, met: rf.median <= 2 && rf.p95 <= 4 });
    if (b.ratios.firstVsPeer && b.ratios.laterVsPeer) {
      const pf = b.ratios.firstVsPeer;
      const pl = b.ratios.laterVsPeer;
      targets.push({ section: 'speed', name: 'ahead of the reference reader (Unwrap / peer)', target: 'median < 1.0 first and later', value: `first ${fmt(pf.median, 2)}, later ${fmt(pl.median, 2)}`, met: pf.median < 1 && pl.median < 1 });
    } else targets.push(na('ahead of the reference reader (Unwrap / peer)', 'median < 1.0 first and later', 'reference reader not built'));
    const slowest = Math.max(...b.pages.map((p) => Math.max(p.unwrap.first, p.unwrap.later)));
    targets.push({ section: 'speed', name: 'no page above 1 s (press → painted)', target: '≤ 1000 ms', value: ms(slowest), met: slowest <= 1000 });
  } else {
    targets.push(na('later opens vs bare readability (Chromium, to painted)', 'median ≤ 1.0, p95 ≤ 2.0', browserData.reason));
    targets.push(na('first open vs bare readability (Chromium, to painted)', 'median ≤ 2.0, p95 ≤ 4.0', browserData.reason));
  }
  targets.push(size
    ? { section: 'speed', name: 'reader.js first-open part', target: `≤ ${READER_JS_BEFORE_KB / 2} KB (half of ${READER_JS_BEFORE_KB} KB)`, value: `${(size.bytes / 1024).toFixed(1)} KB (${(size.gzip / 1024).toFixed(1)} KB gzip)`, met: size.bytes / 1024 <= READER_JS_BEFORE_KB / 2 }
    : na('reader.js first-open part', `≤ ${READER_JS_BEFORE_KB / 2} KB`, `no product build at ${ctx.extensionDir}`));

  const md: string[] = [];
  md.push(`## 3. Opening speed (${pages.length} Readability test pages)`);
  md.push('');
  if (browserData.ok) {
    const b = browserData;
    md.push(`Chromium ${b.chromium}, headless, pages from a local server. Two extensions loaded side by side: Unwrap's test build (\`UNWRAP_TEST_BUILD=1\`, bench/.build-test: the product plus its \`unwrap:stage:*\` marks and press outcomes) and the **reference reader** (bench/peer, built with esbuild: the same toolbar path — action → \`scripting.executeScript\` of its script, a resident toggle for later presses — then Readability + DOMPurify + a render into a shadow root, no cleaning${b.peerReaderBytes ? `; reader.js ${(b.peerReaderBytes / 1024).toFixed(1)} KB` : ''}). Time = press (CDP \`Extensions.triggerAction\`) → overlay painted (body in the shadow root + two animation frames). **First open**: the first press in a new document; **later opens**: close (Escape), press again in the same document. Per page ${b.rounds} rounds; each round opens a fresh document per reader (order alternating) for one first open and ${b.laterPerRound} later opens; bare \`new Readability(document.cloneNode(true)).parse()\` is timed once per document. Medians per page, then median / p95 over pages.`);
    md.push('');
    const row = (label: string, x: Summary | null) => (x ? [label, ms(x.median), ms(x.p95), ms(x.min), ms(x.max)] : [label, '–', '–', '–', '–']);
    const rrow = (label: string, x: Summary | null) => (x ? [label, fmt(x.median, 2), fmt(x.p95, 2), fmt(x.min, 2), fmt(x.max, 2)] : [label, '–', '–', '–', '–']);
    md.push(table(['Measure (per-page medians)', 'Median', 'p95', 'Min', 'Max'], [
      row('Unwrap first open: press → painted', b.unwrapFirst),
      row('Unwrap later opens: press → painted', b.unwrapLater),
      row('Reference reader first open', b.peerFirst),
      row('Reference reader later opens', b.peerLater),
      row('Bare Readability parse', b.readability),
      rrow('**Unwrap first open / Readability**', b.ratios.firstVsReadability),
      rrow('**Unwrap later opens / Readability**', b.ratios.laterVsReadability),
      rrow('**Unwrap first open / reference reader**', b.ratios.firstVsPeer),
      rrow('**Unwrap later opens / reference reader**', b.ratios.laterVsPeer),
      rrow('Reference reader first open / Readability', b.ratios.peerFirstVsReadability),
      rrow('Reference reader later opens / Readability', b.ratios.peerLaterVsReadability),
      row('Unwrap first open: press → host attached', b.host),
      row('Unwrap first open: host → painted (render)', b.render),
      row('Unwrap extraction, first open (`:start` → `:extracted`)', b.extract),
      row('Unwrap extraction, later opens', b.laterExtract),
      row('Trigger path alone (SW executeScript of a no-op)', b.trigger),
    ]));
    if (Object.keys(b.stages).length) {
      md.push('');
      md.push('Unwrap\'s extraction stages in Chromium (`unwrap:stage:*` marks; per-page medians, then over pages), first open | later opens:');
      md.push('');
      md.push(table(['Stage', 'First: median', 'p95', 'max', 'Later: median', 'p95', 'max'], Object.entries(b.stages).map(([k, v]) => {
        const l = b.laterStages[k];
        return [k, ms(v.median), ms(v.p95), ms(v.max), ms(l?.median), ms(l?.p95), ms(l?.max)];
      })));
    } else {
      md.push('');
      md.push('No `unwrap:stage:*` marks in this build: the stage breakdown is missing.');
    }
    md.push('');
    md.push(`Overlay states (Unwrap): ${Object.entries(b.kinds).map(([k, c]) => `${k} ${c}`).join(', ')}. Failed pages: ${b.failed.length ? b.failed.map((f) => `${f.slug} (${f.error})`).join(', ') : 'none'}.`);
    md.push('');
    md.push('Five slowest pages (Unwrap first open), with the stages of that open:');
    md.push('');
    md.push(table(['Page', 'First', 'Later', 'Peer first', 'Peer later', 'Readability', 'press → host', 'extraction', 'slowest stages'], b.slowest.map((p) => [p.slug, ms(p.unwrap.first), ms(p.unwrap.later),
      ms(p.peer?.first), ms(p.peer?.later), ms(p.readabilityMs), ms(p.hostMs), ms(p.extractMs),
      Object.entries(p.stages).sort((a, c) => c[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ') || '–'])));
  } else {
    md.push(`Chromium: not available: ${browserData.reason}`);
  }
  md.push('');
  if (size) {
    md.push(`\`reader.js\` (product build, bench/.build): ${(size.bytes / 1024).toFixed(1)} KB, ${(size.gzip / 1024).toFixed(1)} KB gzip (${READER_JS_BEFORE_KB} KB before issue 15). ${size.chunks.length ? `It names ${size.chunks.length} further script file(s), loaded after the first paint or on demand: ${size.chunks.map((c) => `${c.file} ${(c.bytes / 1024).toFixed(1)} KB (${(c.gzip / 1024).toFixed(1)} KB gzip)`).join(', ')}; the first-open part is reader.js alone.` : 'It is one file: all of it loads on the first open.'}`);
    md.push('');
  }
  md.push(`Node (jsdom), extractor time only (document parsed once per page; ${nodeRuns} runs, alternating order): Unwrap \`extractArticle\` median ${ms(node.unwrapMs.median)} (p95 ${ms(node.unwrapMs.p95)}), bare Readability on a clone ${ms(node.readabilityMs.median)} (p95 ${ms(node.readabilityMs.p95)}); per-page ratio median ${fmt(node.ratio.median, 2)}, p95 ${fmt(node.ratio.p95, 2)}. Slowest in Node: ${node.slowest.map((p) => `${p.slug} ${ms(p.unwrapMs)} (×${fmt(p.ratio, 1)})`).join(', ')}. Stage medians in Node: ${Object.entries(node.stages).map(([k, v]) => `${k} ${ms(v.median)}`).join(', ')}.`);
  md.push('');
  return { name: 'speed', status: browserData.ok ? 'ok' : 'not available', reason: browserData.ok ? undefined : browserData.reason, seconds: (Date.now() - t0) / 1000, data: { chromium: browserData, readerJs: size, node }, md: md.join('\n'), targets };
}

type Summary = ReturnType<typeof summarize>;

/** One reader's figures on one page: medians over its first opens and over its later opens (ms, press → painted). */
interface ReaderFigures {
  readonly first: number;
  readonly later: number;
  readonly firstRuns: readonly (number | null)[];
  readonly laterRuns: readonly (number | null)[];
  readonly kind: string;
}

interface PageFigures {
  readonly slug: string;
  readonly readabilityMs: number;
  readonly unwrap: ReaderFigures;
  readonly peer: ReaderFigures | null;
  /** Unwrap's first open: press → host attached, host → painted, script start → extracted (its marks). */
  readonly hostMs: number;
  readonly renderMs: number;
  readonly extractMs: number;
  readonly laterExtractMs: number;
  readonly triggerMs: number;
  /** Unwrap's `unwrap:stage:*` durations, first open (median over rounds). */
  readonly stages: Record<string, number>;
  readonly laterStages: Record<string, number>;
}

type ChromiumResult =
  | { ok: false; reason: string }
  | {
      ok: true; chromium: string; rounds: number; laterPerRound: number; peerBuilt: boolean; peerReaderBytes: number | null;
      readability: Summary; trigger: Summary;
      unwrapFirst: Summary; unwrapLater: Summary; peerFirst: Summary | null; peerLater: Summary | null;
      host: Summary; render: Summary; extract: Summary; laterExtract: Summary;
      ratios: Record<'firstVsReadability' | 'laterVsReadability' | 'firstVsPeer' | 'laterVsPeer' | 'peerFirstVsReadability' | 'peerLaterVsReadability', Summary | null>;
      stages: Record<string, Summary>; laterStages: Record<string, Summary>;
      kinds: Record<string, number>; failed: { slug: string; error: string }[];
      slowest: PageFigures[]; pages: PageFigures[];
    };

interface OpenRun {
  readonly ms: number | null;
  readonly host: number | null;
  readonly kind: string;
  readonly marks: Record<string, number>;
}

const LATER_PER_ROUND = 2;

async function chromiumSpeed(ctx: BenchContext, pages: readonly string[]): Promise<ChromiumResult> {
  let peer: Awaited<ReturnType<typeof buildPeer>> | null = null;
  try {
    peer = await buildPeer();
    ctx.log(`speed: reference reader built (reader.js ${(peer.readerBytes / 1024).toFixed(1)} KB, id ${peer.id})`);
  } catch (err) {
    ctx.log(`speed: could not build the reference reader: ${(err as Error).message.split('\n')[0]}`);
  }
  let l: Awaited<ReturnType<typeof launchWith>>;
  try {
    l = await launchWith(ctx.testExtensionDir, peer ? [{ dir: peer.dir, id: peer.id }] : []);
  } catch (err) {
    return { ok: false, reason: (err as Error).message.split('\n')[0]! };
  }
  const { startServer } = await import('../../tests/e2e/helpers/server');
  const server = await startServer({ root: RTP });
  const readabilityJs = readabilitySource();
  const unwrapExt = { id: l.extensionId, worker: l.worker, outcomeKey: '__unwrapLastOutcome' };
  const peerExt = peer ? { id: peer.id, worker: await workerOf(l, peer.id), outcomeKey: '__peerLastOutcome' } : null;
  const rounds = Math.max(1, Math.min(ctx.runs, 3));
  const figures: PageFigures[] = [];
  const failed: { slug: string; error: string }[] = [];
  const tStart = Date.now();
  let n = 0;
  try {
    let page = await l.context.newPage();
    page.setDefaultTimeout(20_000);

    /** Press, wait for the paint, read the marks, close again (Escape, else another press). */
    const open = async (ext: typeof unwrapExt, shape: OverlayShape): Promise<OpenRun> => {
      await armPaintProbe(page, 15_000, shape);
      await pressAction(l, page, ext);
      const paint = await readPaintProbe(page);
      const marks = paint.kind === 'timeout' || shape !== UNWRAP_OVERLAY ? {} : ((await page.evaluate(READ_MARKS)) as Record<string, number>);
      if (paint.kind !== 'timeout') {
        await page.keyboard.press('Escape');
        await waitNoOverlay(page, 5000, shape.host).catch(async () => {
          await pressAction(l, page, ext);
          await waitNoOverlay(page, 5000, shape.host);
        });
      }
      return { ms: paint.painted === null ? null : paint.painted - paint.t0, host: paint.host === null ? null : paint.host - paint.t0, kind: paint.kind, marks };
    };
    /** A fresh document (a URL this tab has not shown: no back/forward cache, no resident reader). */
    const fresh = async (slug: string) => {
      await page.goto(`${server.url}/${encodeURIComponent(slug)}/source.html?n=${++n}`, { waitUntil: 'load', timeout: 20_000 });
      await page.addScriptTag({ content: readabilityJs });
      await page.bringToFront();
      return page.evaluate(() => {
        const R = (window as unknown as { Readability: new (d: Document) => { parse(): unknown } }).Readability;
        const t = performance.now();
        new R(document.cloneNode(true) as Document).parse();
        return performance.now() - t;
      });
    };

    for (const [i, slug] of pages.entries()) {
      try {
        const readability: number[] = [];
        const u = { first: [] as OpenRun[], later: [] as OpenRun[] };
        const p = { first: [] as OpenRun[], later: [] as OpenRun[] };
        const triggers: number[] = [];
        for (let r = 0; r < rounds; r++) {
          const order: ('unwrap' | 'peer')[] = peerExt ? (r % 2 === 0 ? ['unwrap', 'peer'] : ['peer', 'unwrap']) : ['unwrap'];
          for (const who of order) {
            readability.push(await fresh(slug));
            const ext = who === 'unwrap' ? unwrapExt : peerExt!;
            const shape = who === 'unwrap' ? UNWRAP_OVERLAY : PEER_OVERLAY;
            const into = who === 'unwrap' ? u : p;
            into.first.push(await open(ext, shape));
            if (who === 'unwrap') triggers.push(await triggerCost(l, page)); // the tab has activeTab now
            for (let k = 0; k < LATER_PER_ROUND; k++) into.later.push(await open(ext, shape));
          }
        }
        const okMs = (runs: OpenRun[]) => runs.map((x) => x.ms).filter((x): x is number => x !== null);
        if (okMs(u.first).length === 0) throw new Error(`overlay never painted (${u.first.map((x) => x.kind).join(', ')})`);
        const reader = (x: typeof u): ReaderFigures => ({
          first: round(median(okMs(x.first)), 2), later: round(median(okMs(x.later)), 2),
          firstRuns: x.first.map((o) => (o.ms === null ? null : round(o.ms, 2))), laterRuns: x.later.map((o) => (o.ms === null ? null : round(o.ms, 2))),
          kind: x.first.find((o) => o.kind !== 'timeout')?.kind ?? 'timeout',
        });
        const stagesOf = (runs: OpenRun[]) => {
          const names = [...new Set(runs.flatMap((o) => Object.keys(o.marks).filter((k) => k.startsWith('unwrap:stage:'))))];
          return Object.fromEntries(names.map((k) => [k.slice('unwrap:stage:'.length), round(median(runs.map((o) => o.marks[k] ?? 0)), 2)]));
        };
        const extractOf = (runs: OpenRun[]) => median(runs.filter((o) => o.marks['unwrap:reader:start'] !== undefined).map((o) => (o.marks['unwrap:reader:extracted'] ?? Number.NaN) - o.marks['unwrap:reader:start']!));
        const okFirst = u.first.filter((o) => o.ms !== null && o.host !== null);
        figures.push({
          slug, readabilityMs: round(median(readability), 3), unwrap: reader(u), peer: peerExt ? reader(p) : null,
          hostMs: round(median(okFirst.map((o) => o.host!)), 2), renderMs: round(median(okFirst.map((o) => o.ms! - o.host!)), 2),
          extractMs: round(extractOf(u.first), 2), laterExtractMs: round(extractOf(u.later), 2), triggerMs: round(median(triggers), 2),
          stages: stagesOf(u.first), laterStages: stagesOf(u.later),
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
  for (const f of figures) kinds[f.unwrap.kind] = (kinds[f.unwrap.kind] ?? 0) + 1;
  const ratio = (fn: (f: PageFigures) => number) => summarize(figures.map(fn));
  const withPeer = figures.some((f) => f.peer);
  const stageSummary = (key: 'stages' | 'laterStages') => Object.fromEntries([...new Set(figures.flatMap((f) => Object.keys(f[key])))].map((k) => [k, summarize(figures.map((f) => f[key][k] ?? 0))]));
  return {
    ok: true, chromium: (l.browser.version?.() as string | undefined) ?? 'unknown', rounds, laterPerRound: LATER_PER_ROUND, peerBuilt: Boolean(peer), peerReaderBytes: peer?.readerBytes ?? null,
    readability: summarize(figures.map((f) => f.readabilityMs)), trigger: summarize(figures.map((f) => f.triggerMs)),
    unwrapFirst: summarize(figures.map((f) => f.unwrap.first)), unwrapLater: summarize(figures.map((f) => f.unwrap.later)),
    peerFirst: withPeer ? summarize(figures.map((f) => f.peer?.first ?? Number.NaN)) : null,
    peerLater: withPeer ? summarize(figures.map((f) => f.peer?.later ?? Number.NaN)) : null,
    host: summarize(figures.map((f) => f.hostMs)), render: summarize(figures.map((f) => f.renderMs)),
    extract: summarize(figures.map((f) => f.extractMs)), laterExtract: summarize(figures.map((f) => f.laterExtractMs)),
    ratios: {
      firstVsReadability: ratio((f) => f.unwrap.first / f.readabilityMs),
      laterVsReadability: ratio((f) => f.unwrap.later / f.readabilityMs),
      firstVsPeer: withPeer ? ratio((f) => f.unwrap.first / (f.peer?.first ?? Number.NaN)) : null,
      laterVsPeer: withPeer ? ratio((f) => f.unwrap.later / (f.peer?.later ?? Number.NaN)) : null,
      peerFirstVsReadability: withPeer ? ratio((f) => (f.peer?.first ?? Number.NaN) / f.readabilityMs) : null,
      peerLaterVsReadability: withPeer ? ratio((f) => (f.peer?.later ?? Number.NaN) / f.readabilityMs) : null,
    },
    stages: stageSummary('stages'), laterStages: stageSummary('laterStages'),
    kinds, failed,
    slowest: [...figures].sort((a, b) => b.unwrap.first - a.unwrap.first).slice(0, 5),
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
