/**
 * The fixed tune / validate split of a corpus, by domain: FNV-1a 32-bit over the UTF-8 bytes of the lower-cased
 * domain; even hash → `tune`, odd → `validate`. Every page of one domain lands in the same half, so a rule tuned on
 * a site's template cannot score on the same template in the other half. Never re-drawn: the halves are the same
 * on every machine and every run.
 */
export type Half = 'tune' | 'validate';
export const HALVES: readonly Half[] = ['tune', 'validate'];

export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(s)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function halfOf(domain: string): Half {
  return fnv1a32(domain.trim().toLowerCase()) % 2 === 0 ? 'tune' : 'validate';
}
