/**
 * "Report a page": a plain-text description of what the reader saw (URL, verdict, removed blocks), for the user to
 * paste wherever they report the problem. Nothing is sent anywhere. Pure.
 */
import type { RemovedBlock, Verdict } from '../extract/types';

export function pageDiagnostic(d: { url: string; reason: string; verdict?: Verdict; removed: readonly RemovedBlock[]; version?: string }): string {
  const lines = [
    `Unwrap page report${d.version ? ` (Unwrap ${d.version})` : ''}`,
    `URL: ${d.url}`,
    `Result: ${d.reason}`,
    d.verdict ? `Verdict: ${d.verdict.readable ? 'readable' : 'not readable'}, ${d.verdict.kind} (${d.verdict.signals.join(', ') || 'no signals'})` : 'Verdict: none',
    `Removed blocks: ${d.removed.length}`,
    ...d.removed.map((r) => `- ${r.reason}: ${r.text.replace(/\s+/g, ' ').slice(0, 160)}`),
  ];
  return lines.join('\n');
}
