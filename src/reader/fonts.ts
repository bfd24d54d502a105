/**
 * The bundled Atkinson Hyperlegible (SIL OFL 1.1, public/fonts/OFL.txt). A shadow root cannot declare
 * @font-face, so the overlay registers the faces through the FontFace API, once, when the font is chosen;
 * the page's DOM is not touched.
 */
export const LEGIBLE_FAMILY = 'Unwrap Atkinson Hyperlegible';
const FACES = [
  { file: 'atkinson-hyperlegible-latin-400-normal.woff2', weight: '400', style: 'normal' },
  { file: 'atkinson-hyperlegible-latin-700-normal.woff2', weight: '700', style: 'normal' },
  { file: 'atkinson-hyperlegible-latin-400-italic.woff2', weight: '400', style: 'italic' },
  { file: 'atkinson-hyperlegible-latin-700-italic.woff2', weight: '700', style: 'italic' },
] as const;

const loaded = new WeakSet<FontFaceSet>();

export function ensureLegibleFont(fonts: FontFaceSet, urlFor: (path: string) => string): void {
  if (loaded.has(fonts)) return;
  loaded.add(fonts);
  for (const f of FACES) {
    const face = new FontFace(LEGIBLE_FAMILY, `url("${urlFor(`/fonts/${f.file}`)}") format("woff2")`, { weight: f.weight, style: f.style, display: 'swap' });
    fonts.add(face);
    face.load().catch((err: unknown) => console.warn('Unwrap: could not load Atkinson Hyperlegible; using the system font.', err));
  }
}
