/**
 * A tiny matcher for simple selector lists (`tag`, `#id`, `.class`, `[attr]`, `[attr="v"]`, `[attr^=|*=|$=|~="v" i]`,
 * compounds like `div.banner[role="dialog"]`; no combinators or pseudo-classes), so one walk over the page can test
 * dozens of list rules at once. Selector engines in DOM emulations (jsdom) cost milliseconds per call on large pages;
 * browsers do not need this, but the same code runs in both. Returns null for anything it does not understand, and
 * the caller falls back to `querySelectorAll`.
 */

import { allElements } from './walk';

type AttrOp = '' | '=' | '^=' | '*=' | '$=' | '~=';

interface AttrTest {
  readonly name: string;
  readonly op: AttrOp;
  readonly value: string;
  readonly insensitive: boolean;
}

interface Compound {
  readonly tag: string | null;
  readonly id: string | null;
  readonly classes: readonly string[];
  readonly attrs: readonly AttrTest[];
}

export type ElementTest = (el: Element) => boolean;

const COMPOUND = /^([a-zA-Z][\w-]*|\*)?((?:#[\w-]+|\.[\w-]+|\[[^\]]+\])*)$/;
const PART = /#([\w-]+)|\.([\w-]+)|\[\s*([\w-]+)\s*(?:(\^=|\*=|\$=|~=|=)\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))\s*(i)?\s*)?\]/g;

function compileCompound(source: string): Compound | null {
  const m = COMPOUND.exec(source.trim());
  if (!m) return null;
  const tag = m[1] && m[1] !== '*' ? m[1].toUpperCase() : null;
  let id: string | null = null;
  const classes: string[] = [];
  const attrs: AttrTest[] = [];
  const rest = m[2] ?? '';
  let consumed = 0;
  for (const p of rest.matchAll(PART)) {
    consumed += p[0].length;
    if (p[1]) id = p[1];
    else if (p[2]) classes.push(p[2]);
    else if (p[3]) {
      const value = p[5] ?? p[6] ?? p[7] ?? '';
      const insensitive = p[8] === 'i';
      attrs.push({ name: p[3], op: (p[4] ?? '') as AttrOp, value: insensitive ? value.toLowerCase() : value, insensitive });
    }
  }
  if (consumed !== rest.length) return null; // something we do not parse (a pseudo-class, an escape)
  return { tag, id, classes, attrs };
}

function testAttr(el: Element, a: AttrTest, f: Facts): boolean {
  // `class` and `id` were read once per element; other attributes only exist on elements with more attributes.
  const raw = a.name === 'class' ? f.rawCls : a.name === 'id' ? f.id : f.more ? el.getAttribute(a.name) : null;
  if (raw === null) return false;
  const v = a.insensitive ? raw.toLowerCase() : raw;
  switch (a.op) {
    case '':
      return true;
    case '=':
      return v === a.value;
    case '^=':
      return a.value !== '' && v.startsWith(a.value);
    case '*=':
      return a.value !== '' && v.includes(a.value);
    case '$=':
      return a.value !== '' && v.endsWith(a.value);
    case '~=':
      return v.split(/\s+/).includes(a.value);
  }
}

/** What a compound test needs from an element, read once per element (attribute reads are slow in DOM emulations). */
interface Facts {
  readonly tag: string;
  readonly id: string | null;
  readonly rawCls: string | null;
  /** Class attribute padded with spaces: ` a b c `. */
  readonly cls: string;
  /** The element has attributes besides `class` and `id`. */
  readonly more: boolean;
}

function factsOf(el: Element): Facts {
  const rawCls = el.getAttribute('class');
  const id = el.getAttribute('id');
  const more = el.attributes.length > (rawCls === null ? 0 : 1) + (id === null ? 0 : 1);
  const cls = rawCls ? ` ${/[\t\n\r\f]|  /.test(rawCls) ? rawCls.replace(/\s+/g, ' ') : rawCls} ` : '';
  return { tag: el.tagName.toUpperCase(), id, rawCls, cls, more };
}

function testCompound(el: Element, c: Compound, f: Facts = factsOf(el)): boolean {
  if (c.tag && f.tag !== c.tag) return false;
  if (c.id !== null && f.id !== c.id) return false;
  for (const k of c.classes) if (!f.cls.includes(` ${k} `)) return false;
  for (const a of c.attrs) if (!testAttr(el, a, f)) return false;
  return true;
}

/** Split a selector list on top-level commas (commas inside `[...]` or quotes stay). */
export function splitSelectorList(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out.filter(Boolean);
}

/** A predicate for a simple selector list, or null when any part needs a real selector engine. */
export function compileSimpleSelector(list: string): ElementTest | null {
  const compounds: Compound[] = [];
  for (const part of splitSelectorList(list)) {
    const c = compileCompound(part);
    if (!c) return null;
    compounds.push(c);
  }
  return (el) => compounds.some((c) => testCompound(el, c));
}

interface IndexEntry {
  readonly compound: Compound;
  readonly list: number;
}

/**
 * Is this DOM implemented by the browser itself? Then its selector engine is fast and is used directly; in a DOM
 * written in JavaScript (jsdom: tests, the CLI, the benchmark's Node runs) one walk with the simple matcher is far
 * faster than a `querySelectorAll` per list. Judged from the node passed in, not from any global.
 */
export function hasNativeSelectors(node: Element): boolean {
  let native = nativeByProto.get(Object.getPrototypeOf(node) as object);
  if (native === undefined) {
    native = /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(node.querySelectorAll));
    nativeByProto.set(Object.getPrototypeOf(node) as object, native);
  }
  return native;
}

const nativeByProto = new WeakMap<object, boolean>();

/**
 * Many selector lists tested in one pass: compounds are bucketed by id, first class or tag (the usual selector-engine
 * trick), so each element is tested only against compounds that could match it. Lists that are not simple fall back
 * to `querySelectorAll`.
 */
export class SelectorIndex {
  private readonly byId = new Map<string, IndexEntry[]>();
  private readonly byClass = new Map<string, IndexEntry[]>();
  private readonly byTag = new Map<string, IndexEntry[]>();
  private readonly rest: IndexEntry[] = [];
  private readonly complex: Array<{ readonly list: number; readonly selector: string }> = [];

  constructor(readonly lists: readonly string[]) {
    lists.forEach((list, i) => {
      const compounds = splitSelectorList(list).map(compileCompound);
      if (compounds.some((c) => c === null)) {
        this.complex.push({ list: i, selector: list });
        return;
      }
      for (const c of compounds as Compound[]) {
        const entry = { compound: c, list: i };
        if (c.id !== null) push(this.byId, c.id, entry);
        else if (c.classes[0] !== undefined) push(this.byClass, c.classes[0], entry);
        else if (c.tag) push(this.byTag, c.tag, entry);
        else this.rest.push(entry);
      }
    });
  }

  /**
   * For each list (by index), the matching elements among `elements` (every element under `root`), in document
   * order. In a browser, the browser's own engine does it.
   */
  match(root: Element, elements: readonly Element[]): Element[][] {
    if (hasNativeSelectors(root)) return this.lists.map((list) => queryAll(root, list));
    const out: Element[][] = this.lists.map(() => []);
    const test = (el: Element, f: Facts, entries: readonly IndexEntry[] | undefined): void => {
      if (!entries) return;
      for (const e of entries) {
        const bucket = out[e.list]!;
        if (bucket[bucket.length - 1] !== el && testCompound(el, e.compound, f)) bucket.push(el);
      }
    };
    for (const el of elements) {
      const f = factsOf(el);
      if (f.id) test(el, f, this.byId.get(f.id));
      if (f.cls) for (const k of f.cls.split(' ')) if (k) test(el, f, this.byClass.get(k));
      test(el, f, this.byTag.get(f.tag));
      test(el, f, this.rest);
    }
    for (const { list, selector } of this.complex) out[list] = queryAll(root, selector);
    return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Elements under `root` matching `selector`: a walk with the simple matcher when the list is simple, else the DOM's
 * `querySelectorAll`; an unparseable selector matches nothing. Pass `elements` to reuse one walk for many selectors.
 */
export function selectAll(root: Element, selector: string, elements?: readonly Element[]): Element[] {
  const test = hasNativeSelectors(root) ? null : compileCached(selector);
  if (test) return (elements ?? allElements(root)).filter(test);
  return queryAll(root, selector);
}

/** `querySelectorAll` as an array; a selector this DOM implementation cannot parse matches nothing. */
function queryAll(root: Element, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

const cache = new Map<string, ElementTest | null>();

function compileCached(selector: string): ElementTest | null {
  let t = cache.get(selector);
  if (t === undefined) {
    t = compileSimpleSelector(selector);
    cache.set(selector, t);
  }
  return t;
}
