/**
 * The batch CLI as a user runs it: `node scripts/extract.mjs …` (which builds and runs the esbuild bundle), spawned
 * on small pages written here: one file in each format, a batch with a bad file, a folder, a URL map, workers.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'extract.mjs');
const dir = mkdtempSync(join(tmpdir(), 'unwrap-cli-'));

const prose = (topic: string) => Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} about ${topic}: the council met on Tuesday evening and, after a long debate that ran past midnight, agreed to keep the old market hall open for another year while engineers study the roof.</p>`).join('\n');
const page = (title: string, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header><main><article><h1>${title}</h1>${prose(title)}</article></main><footer>Contact us</footer></body></html>`;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: dir, encoding: 'utf8', timeout: 200_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
// Generous time limits: each case starts Node (and jsdom) several times, which a loaded machine makes slow.
const lines = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(() => {
  writeFileSync(join(dir, 'market.html'), page('Market hall stays open', '<link rel="canonical" href="https://news.example/market-hall">'));
  writeFileSync(join(dir, 'bridge.html'), page('Bridge repairs start in May', '<meta property="og:url" content="https://news.example/bridge">'));
  writeFileSync(join(dir, 'bad.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  // jsdom 27's CSS parser throws on this shorthand pair (seen on real pages): the page still reads, with a warning.
  writeFileSync(join(dir, 'odd-css.html'), page('Harbour wall repaired', '<style>a{border:inherit;border-color:red}</style>'));
  mkdirSync(join(dir, 'saved', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'saved', 'a.html'), page('Library opens on Sundays'));
  writeFileSync(join(dir, 'saved', 'deeper', 'b.html.gz'), gzipSync(page('Ferry timetable changes')));
  writeFileSync(join(dir, 'saved', 'notes.txt'), 'not a page');
  writeFileSync(join(dir, 'urls.json'), JSON.stringify({ 'saved/a.html': 'https://library.example/sundays' }));
  // Build once up front, so that the tests below time nothing but themselves.
  expect(spawnSync(process.execPath, [SCRIPT, '--build-only'], { encoding: 'utf8', timeout: 120_000 }).status).toBe(0);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run extract: one file', { timeout: 240_000 }, () => {
  it('prints the article as JSON with its verdict and where the URL came from', () => {
    const r = run(['market.html']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ kind: 'article', title: 'Market hall stays open', url: 'https://news.example/market-hall', urlFrom: 'canonical', file: 'market.html' });
    expect((j.verdict as { readable: boolean }).readable).toBe(true);
  });
  it('keeps --url and the text format', () => {
    const r = run(['bridge.html', '--url', 'https://other.example/x', '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Bridge repairs start in May\n\n')).toBe(true);
    expect(r.stdout).toContain('Paragraph 6 about Bridge repairs start in May');
  });
  it('reports a bad file in one line and exits 1', () => {
    const r = run(['bad.html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('unwrap extract: bad.html is not HTML (binary content)\n');
    expect(run(['missing.html']).stderr).toBe('unwrap extract: cannot read missing.html: no such file\n');
    expect(run(['market.html', '--url', 'ftp://x.example/']).stderr).toBe('unwrap extract: --url must be http(s), got ftp:\n');
  });
});

describe('npm run extract: a style sheet jsdom cannot parse', { timeout: 240_000 }, () => {
  it('reads the page without its style sheets and says so', () => {
    const j = JSON.parse(run(['odd-css.html']).stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ kind: 'article', title: 'Harbour wall repaired' });
    expect(String((j.warnings as string[])[0])).toMatch(/^jsdom could not parse the page's style sheets \(.+\); parsed without them$/);
    const t = run(['odd-css.html', '--format', 'text']);
    expect(t.code).toBe(0);
    expect(t.stderr).toMatch(/^unwrap extract: warning: jsdom could not parse/);
  });
});

describe('npm run extract: batches', { timeout: 240_000 }, () => {
  it('prints one line per file in order; a bad file is an error line and the exit code says so', () => {
    const r = run(['market.html', 'bad.html', 'bridge.html', '--format', 'jsonl']);
    expect(r.code).toBe(1);
    const ls = lines(r.stdout);
    expect(ls.map((l) => [l.file, l.kind])).toEqual([['market.html', 'article'], ['bad.html', 'error'], ['bridge.html', 'article']]);
    expect(ls[1]!.error).toBe('bad.html is not HTML (binary content)');
    expect(ls[2]).toMatchObject({ url: 'https://news.example/bridge', urlFrom: 'og:url', title: 'Bridge repairs start in May' });
    expect(r.stderr).toMatch(/^unwrap extract: 3 files \(2 article, 1 error\) in [\d.]+ s, [\d.]+ pages\/s with 1 job; URLs from canonical 1, og:url 1\n$/);
  });
  it('reads a folder recursively (html and html.gz), with URLs from a map or else file://', () => {
    const r = run(['saved', '--urls', 'urls.json']);
    expect(r.code).toBe(0);
    const ls = lines(r.stdout);
    expect(ls.map((l) => [l.file, l.kind, l.urlFrom])).toEqual([
      [join('saved', 'a.html'), 'article', 'map'],
      [join('saved', 'deeper', 'b.html.gz'), 'article', 'file'],
    ]);
    expect(ls[0]!.url).toBe('https://library.example/sundays');
    expect(String(ls[1]!.url)).toMatch(/^file:\/\/\/.*\/saved\/deeper\/b\.html\.gz$/);
    expect(ls[1]!.title).toBe('Ferry timetable changes');
  });
  it('gives the same lines with worker processes', () => {
    const one = lines(run(['market.html', 'bad.html', 'saved']).stdout);
    const many = lines(run(['market.html', 'bad.html', 'saved', '--jobs', '2']).stdout);
    const strip = (l: Record<string, unknown>) => ({ ...l, ms: 0 });
    expect(many.map(strip)).toEqual(one.map(strip));
    expect(many).toHaveLength(4);
  });
  it('refuses a one-page format for several files, and --url for several files', () => {
    expect(run(['market.html', 'bridge.html', '--format', 'text']).stderr).toBe('unwrap extract: --format text prints one page; use --format jsonl for several files or a folder\n');
    expect(run(['market.html', 'bridge.html', '--url', 'https://x.example/']).code).toBe(1);
  });
});
