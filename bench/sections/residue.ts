/**
 * Section 2: upsell residue. Three systems through the same harness as the quality section.
 *  - Aggregator fixtures (tests/fixtures/aggregators/<site>/<case>): mustExclude phrases leaked into the text,
 *    and article recall = share of mustInclude phrases found, per page.
 *  - The validation set (tests/validation/pages/<id>, issue 11), reported apart from the fixtures: Unwrap's
 *    unforced result checked by bench/lib/validation.ts (verdict, title, publisher, byline, key sentences, leaks,
 *    kept lines, teaser); `needsScripts` pages are counted as "browser only" (jsdom runs no page scripts).
 *  - Aggregator pages of the corpora: the §1.1 pages of the article-extraction benchmark (P/R against the truth
 *    plus §4 pattern hits) and the msn/yahoo-* Readability test pages (§4 pattern hits, words, and how much of
 *    plain Readability's text each system keeps).
 */
import { join, relative } from 'node:path';
import { loadAggregatorFixtures, loadGroundTruth, loadValidationPages, ROOT, RTP, VALIDATION_PAGES } from '../lib/corpus';
import { containsPhrase, leakHits } from '../lib/upsell-phrases';
import { precisionScore, recallScore, scoreDoc } from '../lib/metric';
import { runJobs } from '../lib/pool';
import { fmt, table, type BenchContext, type SectionResult, type Target } from '../lib/section';
import { SYSTEMS, type SystemName, type SystemOutput } from '../lib/systems';
import type { Job } from '../lib/worker';
import { parseValidationExpected, type ValidationExpected } from '../lib/validation';
import { AEB_AGGREGATOR_PAGES } from './quality';

const RTP_AGGREGATOR_PAGES: Readonly<Record<string, string>> = {
  msn: 'MSN copy of a Business Insider article',
  'yahoo-1': 'finance.yahoo.com (Yahoo Tech)',
  'yahoo-2': 'Yahoo News carrying AP',
  'yahoo-3': 'gma.yahoo.com carrying ABC News',
  'yahoo-4': 'Yahoo!ニュース carrying CNET Japan',
};
const RTP_URL = 'http://fakehost/test/page.html';

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export async function runResidue(ctx: BenchContext): Promise<SectionResult> {
  const t0 = Date.now();
  const fixtures = loadAggregatorFixtures();
  const gt = loadGroundTruth();
  const jobs: Job[] = [];
  for (const f of fixtures) for (const s of SYSTEMS) jobs.push({ key: `fx\u0000${f.id}\u0000${s}`, system: s, source: { file: join(f.dir, 'source.html') }, url: f.expected.url });
  for (const id of Object.keys(AEB_AGGREGATOR_PAGES)) for (const s of SYSTEMS) jobs.push({ key: `aeb\u0000${id}\u0000${s}`, system: s, source: { aeb: id }, url: gt[id]?.url ?? 'https://example.com/' });
  for (const slug of Object.keys(RTP_AGGREGATOR_PAGES)) for (const s of SYSTEMS) jobs.push({ key: `rtp\u0000${slug}\u0000${s}`, system: s, source: { file: join(RTP, slug, 'source.html') }, url: RTP_URL });
  // Validation set: parsed here (a bad expected.json is a failing page with its reason, never a crash).
  const validationFiles = loadValidationPages();
  const validationPages = (validationFiles ?? []).map((v) => {
    let expected: ValidationExpected | null = null;
    let error = v.error ?? null;
    if (!error) {
      try {
        expected = parseValidationExpected(v.expected, `${v.id}/expected.json`);
      } catch (err) {
        error = (err as Error).message;
      }
    }
    return { ...v, parsed: expected, error };
  });
  for (const v of validationPages) {
    if (v.parsed && !v.parsed.needsScripts) jobs.push({ key: `val\u0000${v.id}\u0000unwrap`, op: 'validate', system: 'unwrap', source: { file: join(v.dir, 'source.html') }, url: v.parsed.url, expected: v.expected });
  }
  ctx.log(`residue: ${fixtures.length} fixtures, ${validationFiles ? `${validationPages.length} validation pages` : 'no validation set'}, ${jobs.length} jobs`);
  const res = await runJobs(jobs);
  const out = (kind: string, id: string, s: SystemName): SystemOutput => res.get(`${kind}\u0000${id}\u0000${s}`)?.out ?? { text: '', ms: 0, error: 'no result' };

  const validationRows = validationPages.map((v) => {
    const base = { id: v.id, verdict: v.parsed?.verdict ?? null, aggregator: v.parsed?.aggregator ?? null, classes: v.parsed?.classes ?? [] };
    if (v.error) return { ...base, status: 'fail' as const, result: 'unreadable', failures: [v.error], notes: [] as string[] };
    if (v.parsed!.needsScripts) return { ...base, status: 'browser only' as const, result: '–', failures: [] as string[], notes: [] as string[] };
    const r = res.get(`val\u0000${v.id}\u0000unwrap`);
    const o = r?.out;
    const check = r?.check ?? { pass: false, failures: ['no result from the worker'], notes: [] };
    const result = o?.error ? 'error' : o?.kind === 'empty' ? `empty: ${o.reason}` : (o?.kind ?? 'none');
    return { ...base, status: check.pass ? ('pass' as const) : ('fail' as const), result, failures: check.failures, notes: check.notes };
  });
  const judged = validationRows.filter((r) => r.status !== 'browser only');
  const validationTotals = {
    pages: validationRows.length,
    judged: judged.length,
    passed: judged.filter((r) => r.status === 'pass').length,
    browserOnly: validationRows.length - judged.length,
    leaks: judged.reduce((n, r) => n + r.failures.filter((f) => f.startsWith('leak:')).length, 0),
    byCheck: {
      ...Object.fromEntries(['verdict', 'title', 'publisher', 'byline', 'key sentences', 'leak', 'lost', 'teaser', 'error'].map((k) => [k, judged.filter((r) => r.failures.some((f) => f.startsWith(`${k}:`))).length])),
      'unreadable expected.json / source.html': judged.filter((r) => r.result === 'unreadable').length,
    },
  };

  // Fixtures.
  const fixtureRows = fixtures.map((f) => {
    const mustInclude = f.expected.mustInclude ?? [];
    const mustExclude = f.expected.mustExclude ?? [];
    const per = Object.fromEntries(SYSTEMS.map((s) => {
      const o = out('fx', f.id, s);
      const shown = o.shown ?? o.text;
      const leaked = mustExclude.filter((p) => containsPhrase(shown, p));
      const found = mustInclude.filter((p) => containsPhrase(shown, p));
      const missing = mustInclude.filter((p) => !containsPhrase(shown, p));
      return [s, {
        result: o.error ? `error: ${o.error.split('\n')[0]}` : s === 'unwrap' ? (o.kind === 'empty' ? `empty: ${o.reason}` : o.kind === 'stub' ? 'stub' : 'article') : o.text ? 'text' : 'nothing',
        leaked: leaked.length, leakedPhrases: leaked,
        recall: mustInclude.length ? r3(found.length / mustInclude.length) : null,
        missing,
      }];
    })) as Record<SystemName, { result: string; leaked: number; leakedPhrases: string[]; recall: number | null; missing: string[] }>;
    return { id: f.id, url: f.expected.url, stub: Boolean(f.expected.stub), mustInclude: mustInclude.length, mustExclude: mustExclude.length, ...per };
  });
  const totals = Object.fromEntries(SYSTEMS.map((s) => {
    const withIncl = fixtureRows.filter((r) => r[s].recall !== null);
    return [s, {
      leaked: fixtureRows.reduce((n, r) => n + r[s].leaked, 0),
      phrases: fixtureRows.reduce((n, r) => n + r.mustExclude, 0),
      pagesLeaking: fixtureRows.filter((r) => r[s].leaked > 0).length,
      minRecall: withIncl.length ? Math.min(...withIncl.map((r) => r[s].recall!)) : null,
      meanRecall: withIncl.length ? r3(withIncl.reduce((n, r) => n + r[s].recall!, 0) / withIncl.length) : null,
      pagesBelow098: withIncl.filter((r) => r[s].recall! < 0.98).length,
    }];
  })) as Record<SystemName, { leaked: number; phrases: number; pagesLeaking: number; minRecall: number | null; meanRecall: number | null; pagesBelow098: number }>;

  // Corpus aggregator pages.
  const aebRows = Object.entries(AEB_AGGREGATOR_PAGES).map(([id, label]) => {
    const truth = gt[id]?.articleBody ?? '';
    return {
      id, label,
      ...Object.fromEntries(SYSTEMS.map((s) => {
        const o = out('aeb', id, s);
        const d = scoreDoc(truth, o.text);
        const hits = leakHits(o.text);
        return [s, { p: r3(precisionScore(d)), r: r3(recallScore(d)), hits: hits.length, hitTexts: hits.map((h) => `${h.shape}: ${h.text}`).slice(0, 8) }];
      })),
    } as { id: string; label: string } & Record<SystemName, { p: number; r: number; hits: number; hitTexts: string[] }>;
  });
  const rtpRows = Object.entries(RTP_AGGREGATOR_PAGES).map(([slug, label]) => {
    const base = out('rtp', slug, 'readability').text;
    return {
      slug, label,
      ...Object.fromEntries(SYSTEMS.map((s) => {
        const o = out('rtp', slug, s);
        const d = scoreDoc(base, o.text); // "truth" = plain Readability's text
        const hits = leakHits(o.text);
        return [s, {
          words: (o.text.match(/[\p{L}\p{N}_]+/gu) ?? []).length,
          keptOfReadability: r3(recallScore(d)), extraVsReadability: r3(1 - precisionScore(d)),
          hits: hits.length, hitTexts: hits.map((h) => `${h.shape}: ${h.text}`).slice(0, 8),
          result: o.error ? 'error' : s === 'unwrap' ? (o.kind === 'empty' ? `empty: ${o.reason}` : o.kind ?? '') : '',
        }];
      })),
    } as { slug: string; label: string } & Record<SystemName, { words: number; keptOfReadability: number; extraVsReadability: number; hits: number; hitTexts: string[]; result: string }>;
  });

  const u = totals.unwrap;
  const validationTargets: Target[] = validationFiles && validationTotals.judged
    ? [
        { section: 'residue', name: 'validation set pass rate (jsdom)', target: '≥ 95 %', value: `${validationTotals.passed} of ${validationTotals.judged} (${((validationTotals.passed / validationTotals.judged) * 100).toFixed(0)} %)${validationTotals.browserOnly ? `; ${validationTotals.browserOnly} browser only` : ''}`, met: validationTotals.passed / validationTotals.judged >= 0.95 },
        { section: 'residue', name: 'validation set leaks (jsdom)', target: '0', value: String(validationTotals.leaks), met: validationTotals.leaks === 0 },
      ]
    : [];
  const targets: Target[] = [...(fixtures.length
    ? [
        { section: 'residue', name: 'leaked upsell phrases (fixtures)', target: '0', value: `${u.leaked} of ${u.phrases} on ${u.pagesLeaking} pages`, met: u.leaked === 0 },
        { section: 'residue', name: 'article recall every page (fixtures)', target: '≥ 0.98', value: `min ${fmt(u.minRecall)} (${u.pagesBelow098} pages below)`, met: u.minRecall === null ? null : u.minRecall >= 0.98 },
      ]
    : [{ section: 'residue', name: 'aggregator fixtures', target: 'present', value: 'not available: no fixtures in tests/fixtures/aggregators', met: null }]), ...validationTargets];

  const md: string[] = [];
  md.push(`## 2. Upsell residue`);
  md.push('');
  md.push(`### Aggregator fixtures (${fixtures.length} pages, \`tests/fixtures/aggregators\`)`);
  md.push('');
  md.push('Text checked = what each reader view shows: title and byline (Unwrap also its publisher/“via” line) above the extracted text. Leaked = `mustExclude` phrases found in it; recall = share of `mustInclude` phrases found (whitespace collapsed, quotes folded, case-insensitive). Stub pages have no article: Unwrap shows a pointer to the original instead of text.');
  md.push('');
  md.push(table(['System', 'Leaked phrases', 'Pages leaking', 'Mean recall', 'Min recall', 'Pages < 0.98'], SYSTEMS.map((s) => [s, `${totals[s].leaked} / ${totals[s].phrases}`, totals[s].pagesLeaking, fmt(totals[s].meanRecall), fmt(totals[s].minRecall), totals[s].pagesBelow098])));
  md.push('');
  md.push(table(['Fixture', ...SYSTEMS.map((s) => `${s} leaked / recall`), 'unwrap result'], fixtureRows.map((r) => [r.id, ...SYSTEMS.map((s) => `${r[s].leaked} / ${r[s].recall === null ? '–' : fmt(r[s].recall, 2)}`), r.unwrap.result])));
  const problems = fixtureRows.filter((r) => r.unwrap.leaked > 0 || (r.unwrap.recall !== null && r.unwrap.recall < 0.98));
  if (problems.length) {
    md.push('');
    md.push('Unwrap misses on the fixtures:');
    for (const r of problems) {
      if (r.unwrap.leaked) md.push(`- ${r.id}: leaked ${r.unwrap.leakedPhrases.map((p) => `“${p}”`).join(', ')}`);
      if (r.unwrap.missing.length) md.push(`- ${r.id}: missing ${r.unwrap.missing.map((p) => `“${p.slice(0, 90)}”`).join(', ')}`);
    }
  }
  md.push('');
  const valDir = relative(ROOT, VALIDATION_PAGES);
  if (!validationFiles) {
    md.push(`### Validation set: skipped — \`${valDir}\` does not exist yet`);
    md.push('');
  } else {
    const t = validationTotals;
    md.push(`### Validation set (${t.pages} pages, \`${valDir}\`; reported apart from the fixtures, never tuned to)`);
    md.push('');
    md.push('Unwrap\'s unforced result in jsdom, checked by `bench/lib/validation.ts` (the same check the unit and browser tests use): an article page passes with an article result, the title, the publisher shown (when given), the byline (when given), ≥ 95 % of key sentences in the body, no `mustExclude` phrase in title + byline + site + body, every `mustKeep` there, and the teaser flag; a not-article page passes when the reader shows the empty state. Pages that need their scripts run are counted as browser only.');
    md.push('');
    md.push(`**Passed ${t.passed} of ${t.judged}**${t.judged ? ` (${((t.passed / t.judged) * 100).toFixed(0)} %)` : ''}; browser only ${t.browserOnly}; leaked phrases ${t.leaks}; pages failing by check: ${Object.entries(t.byCheck).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}.`);
    md.push('');
    if (validationRows.length) {
      md.push(table(['Page', 'Expected', 'Unwrap result', 'Status', 'Failures'], validationRows.map((r) => [r.id, r.verdict ?? '?', r.result, r.status, r.failures.length ? r.failures.slice(0, 4).join('; ') + (r.failures.length > 4 ? `; +${r.failures.length - 4} more` : '') : '–'])));
      md.push('');
    }
  }
  md.push('### Aggregator pages of the article-extraction benchmark (P / R against the truth; §4 pattern hits)');
  md.push('');
  md.push(table(['Page', ...SYSTEMS], aebRows.map((r) => [`${r.label} \`${r.id.slice(0, 8)}\``, ...SYSTEMS.map((s) => `${fmt(r[s].p)} / ${fmt(r[s].r)}; ${r[s].hits} hits`)])));
  md.push('');
  md.push('### Aggregator pages of the Readability test pages (words; share of plain Readability\'s text kept; §4 pattern hits)');
  md.push('');
  md.push(table(['Page', ...SYSTEMS], rtpRows.map((r) => [`${r.slug} (${r.label})`, ...SYSTEMS.map((s) => `${r[s].words} w; kept ${fmt(r[s].keptOfReadability, 2)}; ${r[s].hits} hits${r[s].result && r[s].result !== 'article' ? ` (${r[s].result})` : ''}`)])));
  const hitList = [...aebRows.flatMap((r) => SYSTEMS.map((s) => [s, r.id.slice(0, 8), r[s].hitTexts] as const)), ...rtpRows.flatMap((r) => SYSTEMS.map((s) => [s, r.slug, r[s].hitTexts] as const))].filter(([, , h]) => h.length);
  if (hitList.length) {
    md.push('');
    md.push('Pattern hits: ' + hitList.map(([s, p, h]) => `${s}@${p}: ${h.map((x) => `“${x}”`).join(', ')}`).join('; '));
  }
  md.push('');
  return {
    name: 'residue', status: fixtures.length ? 'ok' : 'not available', reason: fixtures.length ? undefined : 'no aggregator fixtures',
    seconds: (Date.now() - t0) / 1000,
    data: { fixtures: { totals, pages: fixtureRows }, validation: validationFiles ? { totals: validationTotals, pages: validationRows } : { skipped: `${relative(ROOT, VALIDATION_PAGES)} does not exist` }, corpusPages: { articleExtractionBenchmark: aebRows, readabilityTestPages: rtpRows } },
    md: md.join('\n'), targets,
  };
}
