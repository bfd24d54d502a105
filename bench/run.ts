/**
 * `npm run bench [-- <section>...] [--fresh] [--runs N] [--no-build] [--half tune|validate] [--type a,b] [--only s,t]`
 *
 * Sections: quality, wcxb, residue, speed, footprint, library (default: all, in that order). `--half`, `--type`
 * and `--only` (and `BENCH_PAGES=N`, a sample) filter the wcxb section; a filtered run prints its figures but
 * leaves the section's figures in latest.* as they were. Each can run alone; its
 * figures replace that section's in bench/results/latest.json, and latest.md is rewritten from the whole JSON.
 * Timings are figures, never assertions: the bench exits 0 whatever the targets say (non-zero only on a crash).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './lib/corpus';
import { machine, type Machine } from './lib/env';
import { table, type BenchContext, type BenchFilters, type SectionResult, type Target } from './lib/section';
import { ensureBuild, PRODUCT_BUILD, TEST_BUILD } from './lib/build';

const SECTIONS = ['quality', 'wcxb', 'residue', 'speed', 'footprint', 'library'] as const;
type SectionName = (typeof SECTIONS)[number];
const NEEDS_BUILD: ReadonlySet<SectionName> = new Set(['speed', 'footprint', 'library']);

const RESULTS = join(ROOT, 'bench', 'results');
const JSON_OUT = join(RESULTS, 'latest.json');
const MD_OUT = join(RESULTS, 'latest.md');

async function load(name: SectionName): Promise<(ctx: BenchContext) => Promise<SectionResult>> {
  switch (name) {
    case 'quality': return (await import('./sections/quality')).runQuality;
    case 'wcxb': return (await import('./sections/wcxb')).runWcxb;
    case 'residue': return (await import('./sections/residue')).runResidue;
    case 'speed': return (await import('./sections/speed')).runSpeed;
    case 'footprint': return (await import('./sections/footprint')).runFootprint;
    case 'library': return (await import('./sections/library')).runLibrary;
  }
}

interface Latest {
  schema: 1;
  machine: Machine;
  /** Per section: when it last ran, and on what. */
  runs: Record<string, { date: string; machine: Machine; seconds: number }>;
  sections: Record<string, Omit<SectionResult, 'md'>>;
  md: Record<string, string>;
  /** Stable, flat view for other tools. */
  quality?: { systems: Record<string, { f1: number; precision: number; recall: number; accuracy: number }> };
  targets: Target[];
}

function parseArgs(argv: readonly string[]) {
  const sections: SectionName[] = [];
  let fresh = false;
  let build = true;
  let runs = Number(process.env.BENCH_RUNS ?? 5);
  const filters: { half?: string; types?: string[]; only?: string[] } = {};
  const list = (v: string | undefined) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const value = (a: string, i: number): [string | undefined, number] => (a.includes('=') ? [a.slice(a.indexOf('=') + 1), i] : [argv[i + 1], i + 1]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.split('=')[0]!;
    if (name === '--half' || name === '--type' || name === '--only') {
      const [v, j] = value(a, i);
      i = j;
      if (!v) {
        console.error(`bench: ${name} needs a value`);
        process.exit(2);
      }
      if (name === '--half') {
        if (v !== 'tune' && v !== 'validate') {
          console.error(`bench: --half must be tune or validate, not ${v}`);
          process.exit(2);
        }
        filters.half = v;
      } else if (name === '--type') filters.types = list(v);
      else filters.only = list(v);
    } else if (a === '--fresh') fresh = true;
    else if (a === '--no-build') build = false;
    else if (a === '--runs') runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) runs = Number(a.slice(7));
    else if ((SECTIONS as readonly string[]).includes(a)) sections.push(a as SectionName);
    else if (a === 'all') sections.push(...SECTIONS);
    else if (a === '-h' || a === '--help') {
      console.log('usage: npm run bench [-- quality|wcxb|residue|speed|footprint|library ...] [--fresh] [--runs N] [--no-build]\n'
        + '       wcxb filters: [--half tune|validate] [--type article,forum,...] [--only unwrap,readability,defuddle]; BENCH_PAGES=N for a sample');
      process.exit(0);
    } else {
      console.error(`bench: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(runs) || runs < 1) runs = 5;
  return { sections: sections.length ? [...new Set(sections)] : [...SECTIONS], fresh, build, runs, filters: filters as BenchFilters };
}

function readLatest(): Latest | null {
  try {
    const j = JSON.parse(readFileSync(JSON_OUT, 'utf8')) as Latest;
    return j.schema === 1 ? j : null;
  } catch {
    return null;
  }
}

function summaryTable(targets: readonly Target[]): string {
  return table(['Section', 'Target', 'Wanted', 'Measured', 'Met'], targets.map((t) => [t.section, t.name, t.target, t.value, t.met === null ? 'n/a' : t.met ? 'met' : 'NOT met']));
}

function renderMd(latest: Latest): string {
  const m = latest.machine;
  const out: string[] = [];
  out.push('# Unwrap benchmarks (`npm run bench`)');
  out.push('');
  out.push('Generated by `bench/run.ts`; do not edit by hand. Timings are medians over repeated runs, and every comparison is a ratio measured in the same run. None of these figures is a test assertion.');
  out.push('');
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; ${m.chromium ?? 'Chromium not found'}. Packages: ${Object.entries(m.packages).map(([k, v]) => `${k} ${v ?? '–'}`).join(', ')}.`);
  out.push('');
  out.push(table(['Section', 'Last run', 'Seconds', 'Load average at start', 'Status'], SECTIONS.filter((s) => latest.runs[s]).map((s) => [s, latest.runs[s]!.date, latest.runs[s]!.seconds.toFixed(0), latest.runs[s]!.machine.loadAverage.join(' / '), latest.sections[s]!.status + (latest.sections[s]!.reason ? `: ${latest.sections[s]!.reason}` : '')])));
  out.push('');
  out.push('## Summary: targets (issue 5)');
  out.push('');
  out.push(summaryTable(latest.targets));
  out.push('');
  for (const s of SECTIONS) if (latest.md[s]) out.push(latest.md[s]!, '');
  return `${out.join('\n').trimEnd()}\n`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const log = (msg: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
  const extensionDir = resolve(process.env.UNWRAP_EXTENSION_DIR ?? PRODUCT_BUILD);
  if (args.build && args.sections.some((s) => NEEDS_BUILD.has(s))) {
    log('building the extension (wxt build) into bench/.build …');
    await ensureBuild(extensionDir, log);
  }
  const testExtensionDir = resolve(process.env.UNWRAP_TEST_EXTENSION_DIR ?? TEST_BUILD);
  const ctx: BenchContext = { fresh: args.fresh, runs: args.runs, extensionDir, testExtensionDir, build: args.build, log, filters: args.filters };
  const latest: Latest = readLatest() ?? { schema: 1, machine: machine(), runs: {}, sections: {}, md: {}, targets: [] };
  latest.machine = machine();
  mkdirSync(RESULTS, { recursive: true });

  for (const name of args.sections) {
    const m = machine();
    log(`${name}: start (load average ${m.loadAverage.join(' / ')})`);
    const t0 = Date.now();
    let res: SectionResult;
    try {
      res = await (await load(name))(ctx);
    } catch (err) {
      const e = err as Error;
      console.error(e.stack ?? e.message);
      res = { name, status: 'failed', reason: e.message.split('\n')[0], seconds: (Date.now() - t0) / 1000, data: {}, md: `## ${name}\n\nfailed: ${e.message.split('\n')[0]}\n`, targets: [] };
    }
    if (res.partial) {
      log(`${name}: ${res.status} in ${res.seconds.toFixed(0)} s; partial run (${res.partial}): latest.* left as it was`);
      continue;
    }
    // Another bench run may have written other sections meanwhile: start from the file as it is now.
    const onDisk = readLatest();
    if (onDisk) {
      latest.sections = onDisk.sections;
      latest.md = onDisk.md;
      latest.runs = onDisk.runs;
    }
    const { md, ...rest } = res;
    latest.sections[name] = rest;
    latest.md[name] = md;
    latest.runs[name] = { date: m.date, machine: m, seconds: res.seconds };
    latest.targets = SECTIONS.flatMap((s) => latest.sections[s]?.targets ?? []);
    const q = latest.sections.quality?.data as { systems?: Latest['quality'] extends infer Q ? Q extends { systems: infer S } ? S : never : never } | undefined;
    if (q?.systems) latest.quality = { systems: Object.fromEntries(Object.entries(q.systems).map(([k, v]) => [k, { f1: v.f1, precision: v.precision, recall: v.recall, accuracy: v.accuracy }])) };
    writeFileSync(JSON_OUT, `${JSON.stringify(latest, null, 2)}\n`);
    writeFileSync(MD_OUT, renderMd(latest));
    log(`${name}: ${res.status}${res.reason ? ` (${res.reason})` : ''} in ${res.seconds.toFixed(0)} s`);
  }

  console.log('');
  console.log(summaryTable(latest.targets));
  console.log('');
  console.log(`Wrote ${JSON_OUT} and ${MD_OUT} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  if (!existsSync(JSON_OUT)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
