/**
 * `npm run extract -- <file.html>... [--url URL | --urls map.json] [--format json|html|text|markdown|jsonl]
 * [--force] [--jobs N]` — the extension's pipeline in Node (jsdom), for one page or a batch.
 *
 * One file: prints the result as json (default), html, text or markdown; any error is one line and exit 1.
 * Several files or a folder (or `--format jsonl`): one JSON object per line per file (`file`, `url`, `urlFrom`,
 * `kind`, `verdict`, the article fields, or `error`), a summary line on stderr, exit 1 when any file failed.
 * `npm run extract` runs the esbuild bundle of this file (.output/cli/extract.mjs, rebuilt when a source is newer;
 * scripts/extract.mjs), so Node's and jsdom's start-up is paid once per batch, not per page.
 */
import { fileURLToPath } from 'node:url';
import { toMarkdown } from './markdown';
import { parseArgs, USAGE, UsageError, type CliArgs } from './args';
import { runBatch, serveWorker } from './batch';
import { extractFile, resultRecord, type GivenUrl } from './extract-file';
import { expandInputs } from './inputs';
import { readUrlMap } from './page-url';

function fail(message: string): never {
  process.stderr.write(`unwrap extract: ${message}\n`);
  process.exit(1);
}

function single(args: CliArgs, file: string, given: GivenUrl | null): void {
  const format = args.format ?? 'json';
  let e: ReturnType<typeof extractFile>;
  try {
    e = extractFile(file, { given, force: args.force });
  } catch (err) {
    fail((err as Error).message.split('\n')[0] ?? String(err));
  }
  const result = e.result;
  if (format !== 'json') for (const w of e.warnings) process.stderr.write(`unwrap extract: warning: ${w}\n`);
  try {
    if (result.kind === 'stub') {
      if (format === 'json') process.stdout.write(`${JSON.stringify(resultRecord(e), null, 2)}\n`);
      else process.stdout.write(`This page only links to the story: ${result.stub.destination}\n`);
      return;
    }
    if (result.kind === 'empty') {
      if (format === 'json') process.stdout.write(`${JSON.stringify(resultRecord(e), null, 2)}\n`);
      else process.stderr.write(`unwrap extract: no article found (${result.reason})\n`);
      process.exitCode = format === 'json' ? 0 : 2;
      return;
    }
    const a = result.article;
    if (format === 'json') process.stdout.write(`${JSON.stringify(resultRecord(e), null, 2)}\n`);
    else if (format === 'html') process.stdout.write(`${a.content}\n`);
    else if (format === 'text') process.stdout.write(`${a.title}\n\n${a.textContent}\n`);
    else process.stdout.write(toMarkdown(a, e.dom.window.document));
  } finally {
    e.dom.window.close();
  }
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--worker') return serveWorker();
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) fail(err.message);
    throw err;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  let urlFor: (file: string) => GivenUrl | null = () => null;
  if (args.url !== null) {
    const url = args.url;
    urlFor = () => ({ url, from: 'flag' });
  } else if (args.urls !== null) {
    let map: ReturnType<typeof readUrlMap>;
    try {
      map = readUrlMap(args.urls);
    } catch (err) {
      fail((err as Error).message);
    }
    urlFor = (file) => {
      const url = map.lookup(file);
      return url ? { url, from: 'map' } : null;
    };
  }
  const { inputs, folders } = expandInputs(args.inputs);
  const batch = args.format === 'jsonl' || inputs.length !== 1 || folders > 0;
  if (!batch) return single(args, inputs[0]!.file, urlFor(inputs[0]!.file));
  if (args.format !== null && args.format !== 'jsonl') fail(`--format ${args.format} prints one page; use --format jsonl for several files or a folder`);
  if (inputs.length === 0) fail(`no HTML files (*.html, *.htm, *.html.gz) in ${args.inputs.join(', ')}`);
  const summary = await runBatch(inputs, {
    urlFor, force: args.force, jobs: args.jobs, script: fileURLToPath(import.meta.url),
    write: (line) => process.stdout.write(line),
  });
  const errors = summary.kinds.error ?? 0;
  const kinds = Object.entries(summary.kinds).map(([k, n]) => `${n} ${k}`).join(', ');
  const from = Object.entries(summary.urlFrom).map(([k, n]) => `${k} ${n}`).join(', ');
  process.stderr.write(`unwrap extract: ${summary.files} files (${kinds}) in ${summary.seconds.toFixed(1)} s, ${(summary.files / Math.max(summary.seconds, 1e-3)).toFixed(1)} pages/s with ${Math.min(args.jobs, summary.files)} job${args.jobs > 1 ? 's' : ''}; URLs from ${from || '–'}\n`);
  if (errors) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((err: unknown) => fail((err as Error).stack ?? String(err)));
