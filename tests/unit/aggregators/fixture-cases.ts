/**
 * Shared by the aggregator tests: discover fixture folders at runtime and load them as jsdom documents.
 * Not a test file itself (no `.test.` in the name).
 */
import { JSDOM } from 'jsdom';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures');
export const AGGREGATOR_FIXTURES = join(FIXTURES, 'aggregators');
export const TRAP_FIXTURES = join(FIXTURES, 'traps');

export interface Expected {
  readonly url: string;
  readonly title?: string;
  readonly publisher?: string | null;
  readonly aggregator?: string | null;
  readonly sourceUrl?: string | null;
  readonly teaser?: boolean;
  readonly stub?: boolean;
  readonly destination?: string;
  readonly mustInclude?: readonly string[];
  readonly mustExclude?: readonly string[];
}

export interface FixtureCase {
  /** `aggregators/inkl/seed` or `traps/app-review`. */
  readonly name: string;
  readonly dir: string;
  readonly kind: 'aggregator' | 'trap';
  readonly site: string | null;
  readonly expected: Expected;
  readonly html: string;
}

const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();

function caseAt(dir: string, name: string, kind: FixtureCase['kind'], site: string | null): FixtureCase | null {
  const exp = join(dir, 'expected.json');
  const src = join(dir, 'source.html');
  if (!existsSync(exp) || !existsSync(src)) return null;
  return { name, dir, kind, site, expected: JSON.parse(readFileSync(exp, 'utf8')) as Expected, html: readFileSync(src, 'utf8') };
}

/** Every `aggregators/<site>/<case>/` folder with both files. */
export function aggregatorCases(): FixtureCase[] {
  if (!isDir(AGGREGATOR_FIXTURES)) return [];
  const out: FixtureCase[] = [];
  for (const site of readdirSync(AGGREGATOR_FIXTURES).sort()) {
    const siteDir = join(AGGREGATOR_FIXTURES, site);
    if (!isDir(siteDir)) continue;
    for (const c of readdirSync(siteDir).sort()) {
      const fc = caseAt(join(siteDir, c), `aggregators/${site}/${c}`, 'aggregator', site);
      if (fc) out.push(fc);
    }
  }
  return out;
}

/** Every `traps/<case>/` folder with both files. */
export function trapCases(): FixtureCase[] {
  if (!isDir(TRAP_FIXTURES)) return [];
  return readdirSync(TRAP_FIXTURES)
    .sort()
    .map((c) => caseAt(join(TRAP_FIXTURES, c), `traps/${c}`, 'trap', null))
    .filter((c): c is FixtureCase => c !== null);
}

export function loadDom(html: string, url: string): JSDOM {
  return new JSDOM(html, { url });
}

/** Whitespace collapsed, curly quotes folded, lowercased: how fixture strings are compared with extracted text. */
export function norm(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Attach `<template shadowrootmode>` as real open shadow roots, as Chromium's parser does (jsdom 27 leaves the
 * templates in the tree). From tests/fixtures/aggregators/README.md.
 */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const t of Array.from(root.querySelectorAll('template[shadowrootmode]'))) {
    const host = t.parentElement;
    if (!host || host.shadowRoot) continue;
    const mode = t.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const sr = host.attachShadow({ mode });
    sr.append((t as HTMLTemplateElement).content.cloneNode(true));
    t.remove();
    attachDeclarativeShadowRoots(sr);
  }
}
