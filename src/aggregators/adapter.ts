/**
 * What Unwrap knows about one aggregator. One file per aggregator in this folder exports a detector (tiny: hosts and
 * a fingerprint, used by the static content script at page load) and an adapter (the rest, used only when reading).
 */

export interface AggregatorDetector {
  /** Stable id, also the fixture folder name: `tests/fixtures/aggregators/<id>/`. */
  readonly id: string;
  /** Name shown to the reader: "via inkl". */
  readonly label: string;
  /** Host names; a name matches itself and its subdomains (`inkl.com` matches `www.inkl.com`). */
  readonly hosts: readonly string[];
  /** Optional path test for hosts that also serve non-article pages. */
  readonly path?: RegExp;
  /** DOM/text fingerprint, for mirrors and custom domains; must be cheap (runs at page load). */
  readonly fingerprint?: (doc: Document) => boolean;
  /** A stub page only points elsewhere (Google News "Opening https://…"). */
  readonly stubOnly?: boolean;
}

export interface StripRule {
  readonly selector: string;
  /** Short reason, recorded as `aggregator:<id>:<reason>`; end it in `gate` only for a real paywall gate. */
  readonly reason: string;
  /** Remove the closest ancestor matching this selector instead (e.g. the overlay around a `.mobile-gate`). */
  readonly upTo?: string;
  /** Remove only when at least this share of the element's text is link text (link lists, not bullet lists). */
  readonly minLinkDensity?: number;
}

export interface TextRule {
  /** Matched against a block's normalised text (whitespace collapsed, curly quotes folded); anchor with ^…$. */
  readonly pattern: RegExp;
  readonly reason: string;
  /**
   * `line` (default) removes the smallest element whose text matches; `block` grows it to the widget around it
   * (a rail heading with its cards, a pitch with its button), never into the article.
   */
  readonly scope?: 'line' | 'block';
}

export interface AggregatorAdapter extends AggregatorDetector {
  /** Where the article body lives, tried in order; the first that matches with enough text wins. */
  readonly bodyRoot?: readonly string[];
  /** Chrome removed by selector before reading. */
  readonly strip?: readonly StripRule[];
  /** Chrome removed by its text: the smallest block whose whole text matches. */
  readonly stripText?: readonly TextRule[];
  /** The original publisher's name as the page gives it (generic page facts are tried after it: `extract/publisher.ts`). */
  readonly publisher?: (doc: Document, url: string) => string | null;
  /**
   * The platform writes or hosts the text itself (Ground News summaries, Medium and Substack posts): there is no
   * original publisher to find, so the generic publisher search does not run.
   */
  readonly ownContent?: boolean;
  /** The publisher's original URL when the page reveals it. */
  readonly sourceUrl?: (doc: Document, url: string) => string | null;
  /** True when the page shows only the start of the story and gates the rest. */
  readonly isTeaser?: (doc: Document) => boolean;
  /** For stub pages: where the link goes. */
  readonly stubDestination?: (doc: Document, url: string) => string | null;
  /** The byline element when the page's markup does not say so (runs on the cleaned working copy). */
  readonly bylineHint?: (doc: Document) => Element | null;
}

/** True when `hostname` is `host` or one of its subdomains. */
export function hostMatches(hostname: string, host: string): boolean {
  const h = hostname.toLowerCase();
  return h === host || h.endsWith(`.${host}`);
}

export function matchesDetector(d: AggregatorDetector, doc: Document, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const onHost = d.hosts.some((h) => hostMatches(parsed.hostname, h));
  if (onHost && (!d.path || d.path.test(parsed.pathname))) return true;
  return d.fingerprint ? d.fingerprint(doc) : false;
}

/**
 * An adapter built from its detector. Call it as `/* @__PURE__ *\/ defineAdapter(…)`: bundlers then drop every
 * adapter from the static content script, which imports only the detectors from the same files.
 */
export function defineAdapter(
  detector: AggregatorDetector,
  rest: Omit<AggregatorAdapter, keyof AggregatorDetector>,
): AggregatorAdapter {
  return { ...detector, ...rest };
}

/** Strip rules grouped by reason (`{ app: ['#smartbanner', …] }`), plus any rules that need options. */
export function rulesByReason(groups: Readonly<Record<string, readonly string[]>>, extra: readonly StripRule[] = []): StripRule[] {
  const out: StripRule[] = [...extra];
  for (const [reason, selectors] of Object.entries(groups)) for (const selector of selectors) out.push({ selector, reason });
  return out;
}
