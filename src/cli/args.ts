/** The command line of `npm run extract`: files or folders, and the flags. Bad flags are one clear line. */
export type Format = 'json' | 'html' | 'text' | 'markdown' | 'jsonl';
export const FORMATS: readonly Format[] = ['json', 'html', 'text', 'markdown', 'jsonl'];

export interface CliArgs {
  readonly inputs: readonly string[];
  /** --url: the page's URL (one input file only). */
  readonly url: string | null;
  /** --urls: a JSON file `{ "<file>": "<url>" }`. */
  readonly urls: string | null;
  /** null: not given (json for one file, jsonl for several or a folder). */
  readonly format: Format | null;
  readonly force: boolean;
  readonly jobs: number;
  readonly help: boolean;
}

export const USAGE = `usage: npm run extract -- <file.html|file.html.gz|folder>... [options]
  --url <URL>         the page's URL (one file only); else --urls, else the page's canonical or og:url, else file://
  --urls <map.json>   URLs per file: { "<file as given or found>": "<URL>" }
  --format <f>        json | html | text | markdown (one file; default json) | jsonl (one object per line;
                      the default for several files or a folder)
  --force             extract even when the page verdict is "not an article"
  --jobs <N>          worker processes for a batch (default 1)
Folders are read recursively for *.html, *.htm and *.html.gz. In a batch a bad file is an error line, and the exit
code is 1 when any file failed.
`;

export class UsageError extends Error {}

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const inputs: string[] = [];
  let url: string | null = null;
  let urls: string | null = null;
  let format: Format | null = null;
  let force = false;
  let jobs = 1;
  let help = false;
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--url') url = value(i++, a);
    else if (a === '--urls') urls = value(i++, a);
    else if (a === '--force') force = true;
    else if (a === '--format') {
      const f = value(i++, a) as Format;
      if (!FORMATS.includes(f)) throw new UsageError(`unknown format "${f}" (use ${FORMATS.join(', ')})`);
      format = f;
    } else if (a === '--jobs' || a === '-j') {
      const v = value(i++, a);
      jobs = Number(v);
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64, got "${v}"`);
    } else if (a === '--help' || a === '-h') help = true;
    else if (a.startsWith('--')) throw new UsageError(`unexpected argument "${a}"`);
    else inputs.push(a);
  }
  if (help) return { inputs, url, urls, format, force, jobs, help };
  if (inputs.length === 0) throw new UsageError('missing input file (usage: npm run extract -- <file.html> --url <URL>)');
  if (url !== null) {
    if (!isHttpUrl(url)) throw new UsageError(/^[a-z][a-z0-9+.-]*:/i.test(url) && URL.canParse(url) ? `--url must be http(s), got ${new URL(url).protocol}` : `--url is not a valid URL: ${url}`);
    if (inputs.length > 1) throw new UsageError('--url gives one page\'s URL: use --urls map.json for several files');
  }
  if (url !== null && urls !== null) throw new UsageError('give --url or --urls, not both');
  return { inputs, url, urls, format, force, jobs, help };
}
