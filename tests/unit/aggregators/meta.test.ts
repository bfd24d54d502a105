/**
 * Conventions as tests (style.md habit 20): every aggregator module has fixtures, is registered in both lists, and
 * exports a detector and an adapter under its id; detectors stay free of heavy imports.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../../src/aggregators/detectors';
import { AGGREGATOR_HOSTS } from '../../../src/aggregators/hosts';
import { ADAPTERS } from '../../../src/aggregators/registry';
import { AGGREGATOR_FIXTURES, PROJECT_ROOT } from './fixture-cases';

const AGGREGATORS_DIR = join(PROJECT_ROOT, 'src', 'aggregators');
/** Infrastructure modules in src/aggregators that are not aggregators. */
const INFRASTRUCTURE = new Set([
  'adapter', 'registry', 'detectors', 'source-url', 'fingerprint', 'page-facts', 'hosts',
]);

const modules = readdirSync(AGGREGATORS_DIR)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.slice(0, -3))
  .filter((id) => !INFRASTRUCTURE.has(id))
  .sort();

describe('aggregator modules', () => {
  it('exist', () => {
    expect(modules.length).toBeGreaterThanOrEqual(13);
  });

  for (const id of modules) {
    describe(id, () => {
      it('has at least one fixture case in tests/fixtures/aggregators/<id>/', () => {
        const dir = join(AGGREGATOR_FIXTURES, id);
        const cases = existsSync(dir) ? readdirSync(dir).filter((c) => existsSync(join(dir, c, 'expected.json'))) : [];
        expect(cases.length, `no fixtures for ${id}`).toBeGreaterThan(0);
      });

      it('appears in DETECTORS and ADAPTERS', () => {
        expect(DETECTORS.map((d) => d.id)).toContain(id);
        expect(ADAPTERS.map((a) => a.id)).toContain(id);
      });

      it(`exports ${id}Detector and ${id} with id "${id}"`, async () => {
        const mod = (await import(`../../../src/aggregators/${id}.ts`)) as Record<string, { id?: string } | undefined>;
        expect(mod[`${id}Detector`]?.id).toBe(id);
        expect(mod[id]?.id).toBe(id);
      });

      it('imports nothing heavy (the detector ships in the static content script)', () => {
        const src = readFileSync(join(AGGREGATORS_DIR, `${id}.ts`), 'utf8');
        expect(src).not.toMatch(/from '(@mozilla\/readability|dompurify|preact)/);
        expect(src).not.toMatch(/from '\.\.\/(extract|cleanup)/);
        expect(src).not.toMatch(/\bbrowser\.|\bwindow\.|getComputedStyle/);
      });
    });
  }

  it('every registered id has a module', () => {
    for (const d of DETECTORS) expect(modules).toContain(d.id);
  });
});

/** A manifest match pattern (`*://*.inkl.com/*`) tested against a URL. */
function matchPattern(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const u = new URL(url);
  const host = m[2]!;
  const hostOk = host === '*' || (host.startsWith('*.') ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1)) : u.hostname === host);
  const path = new RegExp(`^${m[3]!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return hostOk && path.test(u.pathname + u.search);
}

/**
 * Detector hosts the static content script does not cover yet (hosts.ts is the manifest's list). Detection still works
 * there when the user opens the reader; the static launcher does not run. TODO: add them to hosts.ts, then empty this.
 */
const NOT_IN_MANIFEST = new Set(['msn.cn', 'yahoo.co.jp']);

describe('manifest hosts (src/aggregators/hosts.ts) cover every detector host', () => {
  for (const d of DETECTORS) {
    for (const host of d.hosts) {
      if (NOT_IN_MANIFEST.has(host)) continue;
      it(`${d.id}: ${host}`, () => {
        const urls = [`https://${host}/news/x`, `https://www.${host}/news/x`];
        expect(urls.some((u) => AGGREGATOR_HOSTS.some((h) => matchPattern(h.pattern, u)))).toBe(true);
      });
    }
  }
});
