/**
 * Toolbar and store icons from the one SVG source (assets/icon.svg), rendered to PNG with @resvg/resvg-js at build
 * time (wxt.config.ts, hook `build:publicAssets`): `icons/icon-<size>.png` for the manifest's `icons` and the
 * action, and `icons/icon-detected-<size>.png` (the same icon with the dot of the `#detected` group) for tabs that
 * show an aggregator page. Nothing generated is committed. Run alone: `npx tsx scripts/icons.ts <outDir>`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 128] as const;
export const ACTION_SIZES = [16, 32] as const;
export const SOURCE = resolve(import.meta.dirname ?? __dirname, '../assets/icon.svg');

export type IconVariant = 'plain' | 'detected';

export function iconPath(size: number, variant: IconVariant = 'plain'): string {
  return `icons/icon-${variant === 'detected' ? 'detected-' : ''}${size}.png`;
}

/** The SVG of a variant: the `#detected` group is removed from the plain icon. */
export function variantSvg(svg: string, variant: IconVariant): string {
  if (variant === 'detected') return svg;
  const out = svg.replace(/<g id="detected">[\s\S]*?<\/g>/, '');
  if (out === svg) throw new Error(`${SOURCE}: no <g id="detected"> group to remove for the plain icon`);
  return out;
}

export function renderPng(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng());
}

/** Write every icon under `outDir` (e.g. `icons/icon-16.png`); returns the written files, relative to `outDir`. */
export function writeIcons(outDir: string): string[] {
  const svg = readFileSync(SOURCE, 'utf8');
  const written: string[] = [];
  for (const variant of ['plain', 'detected'] as const) {
    const source = variantSvg(svg, variant);
    for (const size of variant === 'plain' ? ICON_SIZES : ACTION_SIZES) {
      const rel = iconPath(size, variant);
      mkdirSync(join(outDir, 'icons'), { recursive: true });
      writeFileSync(join(outDir, rel), renderPng(source, size));
      written.push(rel);
    }
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  const out = resolve(process.argv[2] ?? 'tmp/icons');
  console.log(writeIcons(out).map((f) => join(out, f)).join('\n'));
}
