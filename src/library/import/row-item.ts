/** Shared row → item validation: one reason per rejected row, warnings for what was repaired. */
import { importItemSchema, reasonOf, tagSchema, type ImportItem } from '../schema';
import { excerptOf, type RowProblem } from './types';

export interface RowOutcome {
  item: ImportItem | null;
  invalid: RowProblem | null;
  warnings: RowProblem[];
}

export function validateRow(row: number, raw: Record<string, unknown>, excerptSource: unknown, warnings: RowProblem[]): RowOutcome {
  const parsed = importItemSchema.safeParse(raw);
  if (!parsed.success) return { item: null, invalid: { row, reason: reasonOf(parsed.error), excerpt: excerptOf(excerptSource) }, warnings: [] };
  return { item: parsed.data, invalid: null, warnings };
}

/** Valid tags only; each dropped tag becomes a warning. */
export function cleanTags(row: number, tags: readonly string[], warnings: RowProblem[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const trimmed = t.trim();
    if (!trimmed) continue;
    const ok = tagSchema.safeParse(trimmed);
    if (ok.success) out.push(ok.data);
    else warnings.push({ row, reason: `tag dropped: ${reasonOf(ok.error)}`, excerpt: excerptOf(trimmed) });
  }
  return [...new Set(out)].slice(0, 50);
}

export function nonEmpty(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}
