import { describe, expect, it } from 'vitest';
import { WriteQueue, type Job } from '../../../src/library/write-queue';

describe('write queue', () => {
  it('runs batches one at a time, in order, grouping jobs that arrive while a batch runs', async () => {
    const batches: number[][] = [];
    let running = 0;
    const q = new WriteQueue<number[]>(async (jobs: readonly Job<number[]>[]) => {
      expect(running).toBe(0);
      running++;
      const log: number[] = [];
      const values: unknown[] = [];
      for (const j of jobs) values.push(await j.run(log));
      await new Promise((r) => setTimeout(r, 5));
      batches.push(log);
      running--;
      jobs.forEach((j, i) => j.resolve(values[i]));
    });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => q.enqueue(async (log) => (log.push(i), i * 2))));
    expect(results).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(batches.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(batches.length).toBeLessThan(10);
  });

  it('rejects the jobs a failing batch left unsettled, and keeps going', async () => {
    let calls = 0;
    const q = new WriteQueue<null>(async (jobs) => {
      calls++;
      if (calls === 1) throw new Error('disk on fire');
      for (const j of jobs) j.resolve(await j.run(null));
    });
    await expect(q.enqueue(async () => 1)).rejects.toThrow('disk on fire');
    await expect(q.enqueue(async () => 2)).resolves.toBe(2);
  });
});
