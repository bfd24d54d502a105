/**
 * A batch: one JSON line per input file, in input order, on stdout. A bad file is an error line, never the end of
 * the batch. With `jobs > 1` the files are shared among worker processes (the same script started with
 * `--worker`), each paying jsdom's start-up once.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { errorRecord, extractFile, resultRecord, type GivenUrl } from './extract-file';
import type { Input } from './inputs';

export interface BatchItem {
  readonly i: number;
  readonly file: string;
  readonly given: GivenUrl | null;
  readonly force: boolean;
  readonly error?: string;
}

export interface BatchSummary {
  readonly files: number;
  readonly kinds: Record<string, number>;
  readonly urlFrom: Record<string, number>;
  readonly seconds: number;
}

/** One item to its JSON line (never throws). */
export function runItem(item: BatchItem): Record<string, unknown> {
  if (item.error) return errorRecord(item.file, new Error(item.error));
  try {
    const e = extractFile(item.file, { given: item.given, force: item.force });
    try {
      return { ...resultRecord(e), ms: Math.round(e.ms) };
    } finally {
      e.dom.window.close();
    }
  } catch (err) {
    return errorRecord(item.file, err);
  }
}

/** Worker side: answer items over IPC until the parent disconnects. */
export function serveWorker(): void {
  process.on('message', (item: BatchItem) => {
    process.send?.({ i: item.i, line: runItem(item) });
  });
  process.send?.({ ready: true });
}

export async function runBatch(
  inputs: readonly Input[],
  opts: { urlFor: (file: string) => GivenUrl | null; force: boolean; jobs: number; script: string; write: (line: string) => void },
): Promise<BatchSummary> {
  const t0 = performance.now();
  const items: BatchItem[] = inputs.map((inp, i) => ({ i, file: inp.file, given: inp.error ? null : opts.urlFor(inp.file), force: opts.force, ...(inp.error ? { error: inp.error } : {}) }));
  const kinds: Record<string, number> = {};
  const urlFrom: Record<string, number> = {};
  const done = new Map<number, Record<string, unknown>>();
  let nextOut = 0;
  const emit = (i: number, line: Record<string, unknown>) => {
    done.set(i, line);
    while (done.has(nextOut)) {
      const l = done.get(nextOut)!;
      done.delete(nextOut++);
      kinds[String(l.kind)] = (kinds[String(l.kind)] ?? 0) + 1;
      if (typeof l.urlFrom === 'string') urlFrom[l.urlFrom] = (urlFrom[l.urlFrom] ?? 0) + 1;
      opts.write(`${JSON.stringify(l)}\n`);
    }
  };

  const jobs = Math.min(opts.jobs, items.length);
  if (jobs <= 1) {
    for (const item of items) emit(item.i, runItem(item));
  } else {
    let next = 0;
    await Promise.all(Array.from({ length: jobs }, () => new Promise<void>((resolve) => {
      const child: ChildProcess = fork(opts.script, ['--worker'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      let current: BatchItem | null = null;
      const feed = () => {
        if (next >= items.length) {
          current = null;
          child.disconnect();
          return;
        }
        current = items[next++]!;
        child.send(current);
      };
      child.on('message', (m: { ready: true } | { i: number; line: Record<string, unknown> }) => {
        if ('ready' in m) return feed();
        emit(m.i, m.line);
        feed();
      });
      child.on('exit', (code, signal) => {
        // A worker that dies (out of memory on a huge page) fails its current file; the others go on.
        if (current) {
          emit(current.i, errorRecord(current.file, new Error(`worker exited with ${code ?? signal} while extracting`)));
          current = null;
        }
        resolve();
      });
    })));
    // Files a dead worker never got (every worker died): error lines, so that no input goes unreported.
    for (const item of items) if (!done.has(item.i) && item.i >= nextOut) emit(item.i, errorRecord(item.file, new Error('not extracted: no worker left')));
  }
  return { files: items.length, kinds, urlFrom, seconds: (performance.now() - t0) / 1000 };
}
