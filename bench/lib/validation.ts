/**
 * The validation set's check (tests/validation/pages/<id>/{source.html,expected.json}; issue 11): one function
 * that the bench's residue section, a unit test and a real-browser test all use.
 *
 * An `article` page passes when the unforced result is an article and
 *   - title = expected.title (whitespace-normalised, case-sensitive),
 *   - the site shown (`article.siteName`) = expected.publisher, when that is non-null,
 *   - the byline = expected.byline, when non-null (whitespace-normalised, case-sensitive),
 *   - ≥ 95 % of `keySentences` occur in the body text (whitespace-normalised),
 *   - no `mustExclude` phrase occurs in what the reader shows (title + byline + site + body, case-insensitive),
 *   - every `mustKeep` occurs in what the reader shows (case-insensitive),
 *   - `teaser` matches, when given.
 * A `not-article` page passes when the unforced result is not an article (the reader shows the empty state).
 * `needsScripts` pages cannot be judged in jsdom (the caller skips them: "browser only").
 * Normalised = `normaliseText` (src/dom/text.ts): whitespace runs (NBSP included) to one space, zero-width
 * characters dropped, curly quotes folded to straight ones.
 */
import { z } from 'zod';
import type { ExtractResult } from '../../src/extract/index';
import { normaliseText } from '../../src/dom/text';

export const KEY_SENTENCE_SHARE = 0.95;

const str = z.string();
export const validationExpectedSchema = z.object({
  url: z.string().url(),
  aggregator: str.nullable(),
  verdict: z.enum(['article', 'not-article']),
  title: str.nullable(),
  publisher: str.nullable(),
  byline: str.nullable(),
  sourceUrl: str.nullable(),
  teaser: z.boolean().nullable().optional(),
  leadCaption: str.nullable().optional(),
  keySentences: z.array(str).default([]),
  mustExclude: z.array(str).default([]),
  mustKeep: z.array(str).default([]),
  needsScripts: z.boolean().default(false),
  classes: z.array(z.number()).default([]),
  notes: str.optional(),
});
export type ValidationExpected = z.infer<typeof validationExpectedSchema>;

/** Reads an expected.json's content; throws one clear line naming the fields that are wrong. */
export function parseValidationExpected(json: unknown, where = 'expected.json'): ValidationExpected {
  const r = validationExpectedSchema.safeParse(json);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new Error(`${where}: ${issues}`);
}

const norm = (s: string | null | undefined): string => normaliseText(s ?? '');

export interface ValidationCheck {
  readonly pass: boolean;
  readonly failures: string[];
  /** What was checked and held, and what is noted without failing (the lead caption). */
  readonly notes: string[];
}

const q = (s: string | null | undefined, n = 80) => {
  const t = norm(s);
  return `“${t.length > n ? `${t.slice(0, n)}…` : t}”`;
};

function describe(result: ExtractResult): string {
  if (result.kind === 'article') return 'an article';
  if (result.kind === 'stub') return `a stub pointing to ${result.stub.destination}`;
  return `empty (${result.reason})`;
}

export function checkValidationPage(expected: ValidationExpected, result: ExtractResult): ValidationCheck {
  const failures: string[] = [];
  const notes: string[] = [];
  if (expected.verdict === 'not-article') {
    if (result.kind === 'article') failures.push(`verdict: expected the empty state (not an article), got an article titled ${q(result.article.title)}`);
    else notes.push(`verdict: ${describe(result)}`);
    return { pass: failures.length === 0, failures, notes };
  }

  if (result.kind !== 'article') {
    failures.push(`verdict: expected an article, got ${describe(result)}`);
    return { pass: false, failures, notes };
  }
  const a = result.article;
  const body = norm(a.textContent);
  const shown = norm([a.title, a.byline, a.siteName, a.textContent].filter((x) => x).join('\n')).toLowerCase();

  if (expected.title !== null && norm(a.title) !== norm(expected.title)) failures.push(`title: expected ${q(expected.title)}, got ${q(a.title)}`);
  if (expected.publisher !== null && norm(a.siteName) !== norm(expected.publisher)) failures.push(`publisher: expected ${q(expected.publisher)}, got ${a.siteName === null ? 'none' : q(a.siteName)}`);
  if (expected.byline !== null && norm(a.byline) !== norm(expected.byline)) failures.push(`byline: expected ${q(expected.byline)}, got ${a.byline === null ? 'none' : q(a.byline)}`);

  const sentences = expected.keySentences.map(norm).filter(Boolean);
  const missing = sentences.filter((s) => !body.includes(s));
  if (sentences.length) {
    const share = (sentences.length - missing.length) / sentences.length;
    const line = `key sentences: ${sentences.length - missing.length} of ${sentences.length} (${(share * 100).toFixed(0)} %)`;
    if (share < KEY_SENTENCE_SHARE) failures.push(`${line}; missing ${missing.slice(0, 3).map((s) => q(s, 60)).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}`);
    else notes.push(line);
  }

  const leaked = expected.mustExclude.filter((p) => norm(p) && shown.includes(norm(p).toLowerCase()));
  for (const p of leaked) failures.push(`leak: ${q(p)}`);
  const lost = expected.mustKeep.filter((p) => norm(p) && !shown.includes(norm(p).toLowerCase()));
  for (const p of lost) failures.push(`lost: ${q(p)} (mustKeep)`);

  if (typeof expected.teaser === 'boolean' && a.teaser !== expected.teaser) failures.push(`teaser: expected ${expected.teaser}, got ${a.teaser}`);
  if (expected.leadCaption) {
    const cap = norm(expected.leadCaption);
    notes.push(body.includes(cap) ? 'lead caption kept' : `lead caption not in the body (not scored): ${q(cap, 60)}`);
  }
  return { pass: failures.length === 0, failures, notes };
}
