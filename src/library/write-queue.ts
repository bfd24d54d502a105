/**
 * Serialised writes with group commit. Jobs run strictly one batch at a time, in arrival order; every job that
 * arrives while a batch is running joins the next batch, which the runner applies to one working copy and
 * commits with one storage write. So 20 tabs saving at once cost a handful of writes, and no job ever reads a
 * state that another job is halfway through changing (no lost updates). Pure: knows nothing about storage.
 */

export interface Job<C> {
  readonly run: (ctx: C) => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
}

/** Runs one batch: must settle every job (resolve or reject); a throw rejects those it left unsettled. */
export type BatchRunner<C> = (jobs: readonly Job<C>[]) => Promise<void>;

export class WriteQueue<C> {
  private pending: Job<C>[] = [];
  private draining = false;
  private idle: Promise<void> = Promise.resolve();

  constructor(private readonly runBatch: BatchRunner<C>, private readonly maxBatch = 500) {}

  enqueue<T>(run: (ctx: C) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) this.idle = this.drain();
    });
  }

  /** Resolves when every job enqueued so far has settled. */
  whenIdle(): Promise<void> {
    return this.idle;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const jobs = this.pending.splice(0, this.maxBatch);
        const settled = new Set<Job<C>>();
        const tracked = jobs.map((j) => ({
          run: j.run,
          resolve: (v: unknown) => { settled.add(j); j.resolve(v); },
          reject: (e: unknown) => { settled.add(j); j.reject(e); },
        }));
        try {
          await this.runBatch(tracked);
        } catch (err) {
          console.error('Unwrap: library write failed', err);
          jobs.forEach((j) => settled.has(j) || j.reject(err));
        }
        jobs.forEach((j) => settled.has(j) || j.reject(new Error('Unwrap: a library change was not processed')));
      }
    } finally {
      this.draining = false;
    }
  }
}
