/** A small pool of forked workers (one per core by default) that run extraction jobs. */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Job, JobResult } from './worker';

const WORKER = join(import.meta.dirname, 'worker.ts');
/** jsdom keeps a lot alive between pages; a fresh process every so often keeps memory flat. */
const JOBS_PER_WORKER = 80;
/** A job that takes longer than this is recorded as an error and its worker replaced (a page that hangs jsdom). */
const JOB_TIMEOUT_MS = Number(process.env.BENCH_JOB_TIMEOUT_MS ?? 180_000);

export async function runJobs(
  jobs: readonly Job[],
  opts: { workers?: number; jobsPerWorker?: number; timeoutMs?: number; onResult?: (r: JobResult, done: number) => void } = {},
): Promise<Map<string, JobResult>> {
  const perWorker = opts.jobsPerWorker ?? JOBS_PER_WORKER;
  const timeoutMs = opts.timeoutMs ?? JOB_TIMEOUT_MS;
  const n = Math.max(1, Math.min(opts.workers ?? Number(process.env.BENCH_WORKERS ?? availableParallelism()), jobs.length));
  const results = new Map<string, JobResult>();
  let next = 0;
  let done = 0;

  const spawnWorker = (): Promise<void> => new Promise((resolve, reject) => {
    // fork() reuses process.execArgv, so the tsx loader that runs this file also runs the worker.
    const child: ChildProcess = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let handled = 0;
    let current: Job | null = null;
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const feed = () => {
      if (next >= jobs.length || handled >= perWorker) {
        child.disconnect();
        return;
      }
      current = jobs[next++]!;
      child.send(current);
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
    };
    child.on('message', (m: JobResult | { ready: true }) => {
      if ('ready' in m) return feed();
      clearTimeout(timer);
      results.set(m.key, m);
      handled++;
      done++;
      current = null;
      opts.onResult?.(m, done);
      feed();
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (current) {
        // The worker died mid-job (out of memory, a crash in jsdom, a timeout): record it and carry on.
        const error = timedOut ? `timed out after ${timeoutMs / 1000} s` : `worker exited with ${code ?? signal}`;
        const r: JobResult = { key: current.key, out: { text: '', ms: 0, error }, styleFallback: false };
        results.set(current.key, r);
        done++;
        opts.onResult?.(r, done);
      }
      if (next < jobs.length) spawnWorker().then(resolve, reject);
      else resolve();
    });
    child.on('error', reject);
  });

  await Promise.all(Array.from({ length: n }, spawnWorker));
  return results;
}
