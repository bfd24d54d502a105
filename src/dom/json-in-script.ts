/**
 * JSON a page carries in its scripts: JSON-LD objects (flattened through `@graph` and arrays) and string values of
 * the state objects single-page apps embed (`"providerName":"Reuters"`). Read-only: a fact the page already holds.
 */

/** Every JSON-LD object on the page, flattened through `@graph` and arrays. Malformed blocks are skipped. */
export function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    let data: unknown;
    try {
      data = JSON.parse((s.textContent ?? '').trim());
    } catch {
      continue; // malformed JSON-LD is common on real pages; the other metadata sources still apply
    }
    const stack = [data];
    while (stack.length) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...v);
      else if (v && typeof v === 'object') {
        out.push(v as Record<string, unknown>);
        const graph = (v as Record<string, unknown>)['@graph'];
        if (graph) stack.push(graph);
      }
    }
  }
  return out;
}

/** The `@type` values of a JSON-LD object, as strings. */
export function typesOf(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function decode(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw.replace(/\\\//g, '/');
  }
}

/** Scripts that carry data, not code we would read: JSON blocks and inline state assignments. */
function dataScripts(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('script:not([src])'));
}

/**
 * A string value from JSON embedded in the page's scripts: the first `"key":"value"` (any nesting). With `inside`,
 * only within the object that follows `"inside":{` (e.g. the `name` of `"publisher":{…}`).
 */
export function scriptString(doc: Document, key: string, opts: { inside?: string; max?: number } = {}): string | null {
  const max = opts.max ?? 500;
  const value = `"${escape(key)}"\\s*:\\s*"((?:[^"\\\\]|\\\\.){1,${max}})"`;
  const re = opts.inside ? new RegExp(`"${escape(opts.inside)}"\\s*:\\s*\\{[^{}]*?${value}`) : new RegExp(value);
  for (const s of dataScripts(doc)) {
    const m = re.exec(s.textContent ?? '');
    if (m?.[1]) return decode(m[1]);
  }
  return null;
}

/** True when some script holds `"key":true`. */
export function scriptFlag(doc: Document, key: string): boolean {
  const re = new RegExp(`"${escape(key)}"\\s*:\\s*true\\b`);
  return dataScripts(doc).some((s) => re.test(s.textContent ?? ''));
}
