/**
 * Gather everything for an export, read-only and in chunks (records are loaded 200 at a time). A damaged record is
 * exported as it is, in the quarantine list, and its item without a body: an export never hides a problem.
 */
import { readLibrary, readQuarantineRaw, readRecords } from '../read';
import type { QuarantineEntry } from '../schema';
import type { ExportItem } from './types';

const CHUNK = 200;

export async function collectExport(): Promise<{ items: ExportItem[]; quarantine: QuarantineEntry[] }> {
  const { entries } = await readLibrary();
  const quarantine = [...(await readQuarantineRaw())];
  const items: ExportItem[] = [];
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    const records = await readRecords(chunk.map((e) => e.id));
    for (const e of chunk) {
      const r = records.get(e.id);
      if (r && !r.ok) quarantine.push(r.problem);
      items.push({ ...e, body: r?.ok ? r.record.body : null });
    }
  }
  return { items, quarantine };
}
