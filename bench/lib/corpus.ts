/** Loading the shared corpora (read-only) and the project's aggregator fixtures. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';

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
export const AGG_FIXTURES = join(ROOT, 'tests', 'fixtures', 'aggregators');

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
