/** The press that never silently fails: momentary refusals are retried within ~300 ms; real ones are not. */
import { describe, expect, it, vi } from 'vitest';
import { isTransientRefusal, RETRY_DELAYS_MS, withRetry } from '../../../src/background/inject';

const refused = () => new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');

describe('injection retry', () => {
  it('retries the "cannot access contents" refusal and succeeds when the grant arrives', async () => {
    const run = vi.fn().mockRejectedValueOnce(refused()).mockRejectedValueOnce(refused()).mockResolvedValue('ok');
    const waits: number[] = [];
    await expect(withRetry(run, (e) => isTransientRefusal((e as Error).message), RETRY_DELAYS_MS, async (ms) => void waits.push(ms))).resolves.toBe('ok');
    expect(run).toHaveBeenCalledTimes(3);
    expect(waits).toEqual(RETRY_DELAYS_MS.slice(0, 2));
  });

  it('gives up within about 300 ms and throws the refusal for the caller to explain', async () => {
    const run = vi.fn().mockRejectedValue(refused());
    const waits: number[] = [];
    await expect(withRetry(run, (e) => isTransientRefusal((e as Error).message), RETRY_DELAYS_MS, async (ms) => void waits.push(ms))).rejects.toThrow(/Cannot access/);
    expect(run).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(300);
  });

  it('does not retry pages the browser never lets Unwrap read, nor other errors', async () => {
    expect(isTransientRefusal('Cannot access contents of url "file:///tmp/a.html". Extension manifest must request permission')).toBe(false);
    expect(isTransientRefusal('Cannot access contents of url "https://chromewebstore.google.com/". The extensions gallery cannot be scripted.')).toBe(false);
    expect(isTransientRefusal('Cannot access a chrome:// URL')).toBe(false);
    expect(isTransientRefusal('Cannot access contents of url "https://example.com/". Extension manifest must request permission to access this host.')).toBe(true);
    const run = vi.fn().mockRejectedValue(new Error('No tab with id: 5'));
    await expect(withRetry(run, (e) => isTransientRefusal((e as Error).message), RETRY_DELAYS_MS, async () => undefined)).rejects.toThrow(/No tab/);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
