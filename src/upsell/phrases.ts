/**
 * Upsell and chrome phrases in every language we ship, compiled once into one case-insensitive regex per block shape.
 * The phrases are data (`phrases/<lang>.json`: shape → regex sources), matched case-insensitively against normalised
 * text (whitespace collapsed, curly quotes folded; see `normaliseText`). `\b` in a source means a Unicode word boundary,
 * so `déjà abonné\b` works as written.
 */
import de from './phrases/de.json';
import en from './phrases/en.json';
import es from './phrases/es.json';
import fr from './phrases/fr.json';
import it from './phrases/it.json';
import pt from './phrases/pt.json';

/** Block shapes, from aggregators.md §4 (plus `chrome`: ad labels, comment counters, feedback prompts). */
export const SHAPES = [
  'gate', 'member', 'value', 'trial', 'app', 'newsletter', 'cookie', 'support', 'rail', 'share', 'chrome',
] as const;
export type PhraseShape = (typeof SHAPES)[number];

export interface PhraseFile {
  readonly lang: string;
  readonly shapes: Partial<Record<string, readonly string[]>>;
}

export const PHRASE_FILES: readonly PhraseFile[] = [en, fr, de, es, pt, it];
export const LANGUAGES: readonly string[] = PHRASE_FILES.map((f) => f.lang);

/** Letters of the languages we ship (Latin script): JavaScript's `\\w` stops at ASCII. */
const WORD_CLASS = '[0-9a-z_\\u00c0-\\u024f]';
const NOT_WORD_AHEAD = `(?!${WORD_CLASS})`;
const NOT_WORD_BEHIND = `(?<!${WORD_CLASS})`;
const ASCII_WORD = /[A-Za-z0-9_]/;

/**
 * Make `\b` in a phrase source Unicode-aware without slowing matching down: JavaScript's `\b` only knows ASCII word
 * characters, so a boundary next to `é` or `ü` in the pattern becomes a lookaround; next to ASCII it stays `\b`
 * (lookbehinds at every position of a large alternation are slow).
 */
export function unicodeSource(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === 'b') {
        const prev = source[i - 1];
        const after = source[i + 2];
        const afterIsWordStart =
          after !== undefined && (/[\w(\[\u00c0-\u024f]/.test(after) || (after === '\\' && /[dwp]/.test(source[i + 3] ?? '')));
        const prevIsWordEnd = prev !== undefined && /[\w)\]?+*}\u00c0-\u024f]/.test(prev);
        if (afterIsWordStart && !prevIsWordEnd) {
          out += /[\u00c0-\u024f]/.test(after) ? NOT_WORD_BEHIND : '\\b'; // leading boundary
        } else if (prevIsWordEnd && !afterIsWordStart) {
          out += ASCII_WORD.test(prev) ? '\\b' : NOT_WORD_AHEAD; // trailing boundary
        } else {
          out += '\\b';
        }
        i += 1;
        continue;
      }
      out += c + (next ?? '');
      i += 1;
      continue;
    }
    out += c.toLowerCase();
  }
  return out;
}

/**
 * Sources are lowercased (escapes kept) and matched without the `i` and `u` flags against lowercased text:
 * case-insensitive Unicode matching over a large alternation is an order of magnitude slower.
 */
export function compilePhrase(source: string): RegExp {
  return new RegExp(unicodeSource(source));
}

function compileShape(shape: PhraseShape, files: readonly PhraseFile[]): RegExp | null {
  const sources = files.flatMap((f) => f.shapes[shape] ?? []);
  if (sources.length === 0) return null;
  return new RegExp(sources.map((s) => `(?:${unicodeSource(s)})`).join('|'));
}

let compiled: ReadonlyMap<PhraseShape, RegExp> | null = null;

/** One regex per shape covering every language (compiled on first use, then cached). */
export function shapeMatchers(): ReadonlyMap<PhraseShape, RegExp> {
  if (!compiled) {
    const m = new Map<PhraseShape, RegExp>();
    for (const shape of SHAPES) {
      const re = compileShape(shape, PHRASE_FILES);
      if (re) m.set(shape, re);
    }
    compiled = m;
  }
  return compiled;
}

/**
 * A phrase source with its assertions dropped (`^`, `$`, `\b` outside character classes): it matches every text
 * that contains a match of the original anywhere, including texts of which a matching line is only a part.
 */
export function looseSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!(next === 'b' && !inClass)) out += c + next;
      i += 1;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c !== '^' && c !== '$') {
      out += c;
    }
  }
  return out;
}

let loose: readonly RegExp[] | null = null;

/**
 * Could a lowercased, normalised text hold a phrase of any shape anywhere inside it? False means no element inside
 * it can match either: their texts are substrings of it, and every phrase loosened (see `looseSource`) matches
 * wherever the phrase does. One regex per shape, like the matchers: V8 interprets one alternation of every phrase
 * instead of compiling it, which is fifty times slower.
 */
export function mayHoldPhrase(lowerText: string): boolean {
  loose ??= SHAPES.map((shape) => PHRASE_FILES.flatMap((f) => f.shapes[shape] ?? []))
    .filter((sources) => sources.length > 0)
    .map((sources) => new RegExp(sources.map((s) => `(?:${unicodeSource(looseSource(s))})`).join('|')));
  for (const re of loose) if (re.test(lowerText)) return true;
  return false;
}

export interface PhraseMatch {
  readonly shape: PhraseShape;
  /** The matched text. */
  readonly match: string;
}

/** Every shape whose phrases match `text` (already normalised), with the first match of each. */
export function matchShapes(text: string): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const lower = text.toLowerCase();
  for (const [shape, re] of shapeMatchers()) {
    const m = re.exec(lower);
    if (m) out.push({ shape, match: m[0] });
  }
  return out;
}
