/**
 * `npm run extract -- <file.html> --url <URL> [--format json|html|text|markdown]`
 * Runs the same pipeline as the extension, in Node with jsdom, and prints the result.
 */
import { readFileSync, statSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../extract';
import { toMarkdown } from './markdown';

type Format = 'json' | 'html' | 'text' | 'markdown';
const FORMATS: readonly Format[] = ['json', 'html', 'text', 'markdown'];

function fail(message: string): never {
  process.stderr.write(`unwrap extract: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]): { file: string; url: string; format: Format; force: boolean } {
  let file: string | undefined;
  let url: string | undefined;
  let format: Format = 'json';
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--url') url = argv[++i];
    else if (a === '--force') force = true;
    else if (a === '--format') {
      const f = argv[++i] as Format;
      if (!FORMATS.includes(f)) fail(`unknown format "${f}" (use ${FORMATS.join(', ')})`);
      format = f;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run extract -- <file.html> --url <URL> [--format json|html|text|markdown] [--force]\n  --force  extract even when the page verdict is "not an article"\n');
      process.exit(0);
    } else if (!a.startsWith('--') && !file) file = a;
    else fail(`unexpected argument "${a}"`);
  }
  if (!file) fail('missing input file (usage: npm run extract -- <file.html> --url <URL>)');
  const pageUrl = url ?? 'https://example.invalid/';
  try {
    const u = new URL(pageUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') fail(`--url must be http(s), got ${u.protocol}`);
  } catch {
    fail(`--url is not a valid URL: ${pageUrl}`);
  }
  return { file, url: pageUrl, format, force };
}

function readHtml(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  if (size > 50 * 1024 * 1024) fail(`${file} is ${Math.round(size / 1e6)} MB; the limit is 50 MB`);
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    fail(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (buf.includes(0)) fail(`${file} is not HTML (binary content)`);
  const text = buf.toString('utf8');
  if (text.startsWith('%PDF')) fail(`${file} is a PDF, not HTML`);
  if (!/<\s*(html|body|head|article|div|p|main|!doctype)\b/i.test(text.slice(0, 20000))) fail(`${file} does not look like HTML`);
  return text;
}

function main(): void {
  const { file, url, format, force } = parseArgs(process.argv.slice(2));
  const html = readHtml(file);
  const dom = new JSDOM(html, { url });
  const result = extractArticle(dom.window.document, url, { window: dom.window as unknown as Window & typeof globalThis, force });
  if (result.kind === 'stub') {
    if (format === 'json') process.stdout.write(`${JSON.stringify({ kind: 'stub', ...result.stub }, null, 2)}\n`);
    else process.stdout.write(`This page only links to the story: ${result.stub.destination}\n`);
    return;
  }
  if (result.kind === 'empty') {
    if (format === 'json') process.stdout.write(`${JSON.stringify({ kind: 'empty', reason: result.reason, verdict: result.verdict ?? null, removed: result.removed }, null, 2)}\n`);
    else process.stderr.write(`unwrap extract: no article found (${result.reason})\n`);
    process.exitCode = format === 'json' ? 0 : 2;
    return;
  }
  const a = result.article;
  switch (format) {
    case 'json':
      process.stdout.write(`${JSON.stringify({ kind: 'article', verdict: result.verdict, ...a }, null, 2)}\n`);
      break;
    case 'html':
      process.stdout.write(`${a.content}\n`);
      break;
    case 'text':
      process.stdout.write(`${a.title}\n\n${a.textContent}\n`);
      break;
    case 'markdown':
      process.stdout.write(toMarkdown(a, dom.window.document));
      break;
  }
}

main();
