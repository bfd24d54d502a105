/** What every section returns: its figures (JSON), its part of latest.md, and its targets. */
export interface Target {
  readonly section: string;
  readonly name: string;
  /** The target as written in issue 5. */
  readonly target: string;
  /** The measured value, as printed. */
  readonly value: string;
  /** null: could not be measured (the reason is in `value`). */
  readonly met: boolean | null;
}

export interface SectionResult {
  readonly name: string;
  readonly status: 'ok' | 'not available' | 'failed';
  /** Why the section (or part of it) is not available. */
  readonly reason?: string;
  readonly seconds: number;
  readonly data: Record<string, unknown>;
  readonly md: string;
  readonly targets: readonly Target[];
  /**
   * Set when the run covered only part of the section (filters, a sample): what it covered. Such a result is
   * printed but does not replace the section's figures in bench/results/latest.*.
   */
  readonly partial?: string;
}

/** Filters for sections that support them (wcxb): `--half`, `--type`, `--only`. */
export interface BenchFilters {
  readonly half?: string;
  readonly types?: readonly string[];
  readonly only?: readonly string[];
}

export interface BenchContext {
  readonly fresh: boolean;
  readonly runs: number;
  /** The product build (bench/.build, or UNWRAP_EXTENSION_DIR). */
  readonly extensionDir: string;
  /** The test build (bench/.build-test, or UNWRAP_TEST_EXTENSION_DIR): the speed section times it for its marks. */
  readonly testExtensionDir: string;
  /** false with `--no-build`: sections use the builds as they are. */
  readonly build: boolean;
  readonly log: (msg: string) => void;
  readonly filters: BenchFilters;
}

export const fmt = (x: number | null | undefined, d = 3): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d));
export const ms = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(1)} ms`);

export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const esc = (c: string | number) => String(c).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${head.map(esc).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}
