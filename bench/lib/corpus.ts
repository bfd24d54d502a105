/** Loading the shared corpora (read-only) and the project's aggregator fixtures. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { pageTypeOf } from './wcxb-metric';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/**
 * The shared folder with the public corpora and the seed (never copied into the repo): `../shared` next to the
 * checkout, else the machine's shared folder, so a fresh clone elsewhere (as CI makes) still finds it.
 * `UNWRAP_CORPORA` overrides the corpora folder. Tests that need them report a named skip when none exists.
 */
export const SHARED = [join(ROOT, '..', 'shared'), '/work/shared'].find((dir) => existsSync(dir)) ?? join(ROOT, '..', 'shared');
export const CORPORA = resolve(process.env.UNWRAP_CORPORA ?? join(SHARED, 'corpora'));
export const AEB = join(CORPORA, 'article-extraction-benchmark');
export const RTP = join(CORPORA, 'readability-test-pages');
export const WCXB = join(CORPORA, 'wcxb-dev');
export const AGG_FIXTURES = join(ROOT, 'tests', 'fixtures', 'aggregators');
/** The independent validation set (issue 11): `<id>/{source.html,expected.json}`; `UNWRAP_VALIDATION_PAGES` overrides. */
export const VALIDATION_PAGES = resolve(process.env.UNWRAP_VALIDATION_PAGES ?? join(ROOT, 'tests', 'validation', 'pages'));

export interface GroundTruthItem {
  readonly articleBody: string;
  readonly url: string;
}

export function loadGroundTruth(): Record<string, GroundTruthItem> {
  return JSON.parse(readFileSync(join(AEB, 'ground-truth.json'), 'utf8')) as Record<string, GroundTruthItem>;
}

export function loadAebHtml(id: string): string {
  return gunzipSync(readFileSync(join(AEB, 'html', `${id}.html.gz`))).toString('utf8');
}

/** Committed upstream predictions: `{id: {articleBody}}` or `{version, output: {id: {articleBody}}}`. */
export function loadPredictions(system: string): { version: string | null; bodies: Record<string, string> } {
  const raw = JSON.parse(readFileSync(join(AEB, 'output', `${system}.json`), 'utf8')) as Record<string, unknown>;
  const wrapped = typeof raw.output === 'object' && raw.output !== null && 'version' in raw;
  const items = (wrapped ? raw.output : raw) as Record<string, { articleBody?: string }>;
  const bodies: Record<string, string> = {};
  for (const [id, v] of Object.entries(items)) bodies[id] = v?.articleBody ?? '';
  return { version: wrapped ? String(raw.version) : null, bodies };
}

export function listPredictionSystems(): string[] {
  const dir = join(AEB, 'output');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
}

export function listRtpPages(): string[] {
  if (!existsSync(RTP)) return [];
  return readdirSync(RTP).filter((d) => existsSync(join(RTP, d, 'source.html'))).sort();
}

export interface AggregatorFixture {
  readonly id: string; // "<site>/<case>"
  readonly dir: string;
  readonly html: string;
  readonly expected: {
    readonly url: string;
    readonly stub?: boolean;
    readonly mustInclude?: readonly string[];
    readonly mustExclude?: readonly string[];
    readonly [k: string]: unknown;
  };
}

export function loadAggregatorFixtures(): AggregatorFixture[] {
  if (!existsSync(AGG_FIXTURES)) return [];
  const out: AggregatorFixture[] = [];
  for (const site of readdirSync(AGG_FIXTURES).sort()) {
    const siteDir = join(AGG_FIXTURES, site);
    if (!statSync(siteDir).isDirectory()) continue;
    for (const c of readdirSync(siteDir).sort()) {
      const dir = join(siteDir, c);
      const src = join(dir, 'source.html');
      const exp = join(dir, 'expected.json');
      if (!existsSync(src) || !existsSync(exp)) continue;
      try {
        out.push({ id: `${site}/${c}`, dir, html: readFileSync(src, 'utf8'), expected: JSON.parse(readFileSync(exp, 'utf8')) });
      } catch (err) {
        console.warn(`bench: skipping fixture ${site}/${c}: ${(err as Error).message}`);
      }
    }
  }
  return out;
}

/** One WCXB page: its reference (`ground-truth/<id>.json`) and its domain (`metadata.json`). */
export interface WcxbPage {
  readonly id: string;
  readonly url: string;
  /** Upstream page type (`category` read as `collection`). */
  readonly type: string;
  /** `metadata.json`'s domain, lower-cased; the URL's host (without `www.`) for the few entries that have none. */
  readonly domain: string;
  readonly domainFrom: 'metadata' | 'url';
  readonly spa: boolean;
  readonly title: string;
  readonly mainContent: string;
  readonly with: readonly string[];
  readonly without: readonly string[];
}

export function listWcxbPages(): WcxbPage[] {
  if (!existsSync(join(WCXB, 'metadata.json'))) return [];
  const meta = JSON.parse(readFileSync(join(WCXB, 'metadata.json'), 'utf8')) as { files?: Record<string, { domain?: string; spa?: boolean }> };
  const files = meta.files ?? {};
  const out: WcxbPage[] = [];
  for (const f of readdirSync(join(WCXB, 'ground-truth')).filter((x) => x.endsWith('.json')).sort()) {
    const id = f.replace(/\.json$/, '');
    const raw = JSON.parse(readFileSync(join(WCXB, 'ground-truth', f), 'utf8')) as {
      url?: string; _internal?: { page_type?: unknown } | null;
      ground_truth?: { title?: string; main_content?: string | null; with?: string[] | null; without?: string[] | null };
    };
    const gt = raw.ground_truth;
    if (!gt || typeof gt !== 'object') continue; // upstream skips these too
    const url = raw.url ?? `https://wcxb.invalid/${id}`;
    const metaDomain = (files[id]?.domain ?? '').trim().toLowerCase();
    let host = '';
    try {
      host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
    } catch {
      host = id;
    }
    out.push({
      id, url, type: pageTypeOf(raw), domain: metaDomain || host, domainFrom: metaDomain ? 'metadata' : 'url',
      spa: files[id]?.spa === true, title: gt.title ?? '', mainContent: gt.main_content ?? '', with: gt.with ?? [], without: gt.without ?? [],
    });
  }
  return out;
}

export function wcxbHtmlPath(id: string): string {
  return join(WCXB, 'html', `${id}.html.gz`);
}

export function loadWcxbHtml(id: string): string {
  return gunzipSync(readFileSync(wcxbHtmlPath(id))).toString('utf8');
}

export interface ValidationPageFiles {
  readonly id: string;
  readonly dir: string;
  readonly html: string;
  /** expected.json parsed as JSON (checked by bench/lib/validation.ts), or the reason it could not be read. */
  readonly expected: unknown;
  readonly error?: string;
}

/** The validation pages under `dir` (default tests/validation/pages); null when the folder does not exist. */
export function loadValidationPages(dir = VALIDATION_PAGES): ValidationPageFiles[] | null {
  if (!existsSync(dir)) return null;
  const out: ValidationPageFiles[] = [];
  for (const id of readdirSync(dir).sort()) {
    const d = join(dir, id);
    if (!statSync(d).isDirectory()) continue;
    const src = join(d, 'source.html');
    const exp = join(d, 'expected.json');
    if (!existsSync(src) || !existsSync(exp)) {
      out.push({ id, dir: d, html: '', expected: null, error: `missing ${existsSync(src) ? 'expected.json' : 'source.html'}` });
      continue;
    }
    try {
      out.push({ id, dir: d, html: readFileSync(src, 'utf8'), expected: JSON.parse(readFileSync(exp, 'utf8')) });
    } catch (err) {
      out.push({ id, dir: d, html: '', expected: null, error: `expected.json: ${(err as Error).message}` });
    }
  }
  return out;
}
