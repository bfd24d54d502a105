/** The files a command line names: files as given, folders read recursively for HTML files, in a stable order. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const HTML_FILE = /\.(?:html?|html?\.gz)$/i;

export interface Input {
  readonly file: string;
  /** Set when the path cannot be used (the batch reports it as an error line). */
  readonly error?: string;
}

function walk(dir: string, out: Input[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    out.push({ file: dir, error: `cannot read folder: ${(err as Error).message}` });
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch (err) {
      out.push({ file: p, error: `cannot read: ${(err as Error).message}` });
      continue;
    }
    if (isDir) walk(p, out);
    else if (HTML_FILE.test(name)) out.push({ file: p });
  }
}

export function expandInputs(paths: readonly string[]): { inputs: Input[]; folders: number } {
  const inputs: Input[] = [];
  let folders = 0;
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      inputs.push({ file: p }); // reading it reports "no such file" on its own line
      continue;
    }
    if (isDir) {
      folders++;
      walk(p, inputs);
    } else inputs.push({ file: p });
  }
  return { inputs, folders };
}
