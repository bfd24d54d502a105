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

const compiled = new Map<string, ReadonlyMap<PhraseShape, RegExp>>();

/**
 * One regex per shape covering the given languages (all shipped ones by default), compiled on first use and cached.
 * Compiling is the costly part of the detector's first run on a page (tens of milliseconds for every language at
 * once), so a page that says which language it is in only pays for that language and English.
 */
export function shapeMatchers(langs: readonly string[] = LANGUAGES): ReadonlyMap<PhraseShape, RegExp> {
  const key = langs.join(',');
  let m = compiled.get(key);
  if (!m) {
    const files = PHRASE_FILES.filter((f) => langs.includes(f.lang));
    const built = new Map<PhraseShape, RegExp>();
    for (const shape of SHAPES) {
      const re = compileShape(shape, files);
      if (re) built.set(shape, re);
    }
    compiled.set(key, (m = built));
  }
  return m;
}

/**
 * The phrase languages to match on a page: its declared language (`<html lang>`, else a Content-Language meta) when
 * we ship phrases for it, with English (aggregator chrome is often English); every language when the page does not
 * say, or says one we do not ship.
 */
export function phraseLanguagesOf(doc: Document): readonly string[] {
  const declared =
    doc.documentElement?.getAttribute('lang') ??
    doc.documentElement?.getAttribute('xml:lang') ??
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ??
    '';
  const primary = declared.trim().toLowerCase().split(/[-_,\s]/)[0] ?? '';
  if (!LANGUAGES.includes(primary)) return LANGUAGES;
  return primary === 'en' ? ['en'] : ['en', primary];
}

export interface PhraseMatch {
  readonly shape: PhraseShape;
  /** The matched text. */
  readonly match: string;
}

/** Every shape whose phrases (in `langs`, default all) match `text` (already normalised), with the first match of each. */
export function matchShapes(text: string, langs?: readonly string[]): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  const lower = text.toLowerCase();
  for (const [shape, re] of shapeMatchers(langs)) {
    const m = re.exec(lower);
    if (m) out.push({ shape, match: m[0] });
  }
  return out;
}
