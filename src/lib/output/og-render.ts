/**
 * Social images as PNG: the SVG of src/lib/output/og.ts rendered by resvg with the DejaVu fonts
 * (system fonts are not loaded, so every machine renders the same pixels, offline), cached on
 * disk so a rebuild renders only the images whose content changed.
 *
 * The cache key is a hash of everything the pixels depend on: the finished SVG (which holds the
 * spec's text, the colour tokens and whatever the layout code made of them, so a code change that
 * moves anything changes it), the font files' bytes, resvg's version and the render options. A
 * change that does not alter the drawing keeps every cached image.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import resvgPackage from '@resvg/resvg-js/package.json' with { type: 'json' };
import { FONT_FAMILY, fontPath } from '../design/text';
import { OG_WIDTH, ogLayout, ogSvg, type OgSite, type OgSpec } from './og';
import { OG_CACHE_DIR } from './og-cache.ts';

export { OG_CACHE_DIR };

const FONT_FILES = [fontPath('regular'), fontPath('bold')];
const RENDER_OPTIONS: ResvgRenderOptions = {
  fitTo: { mode: 'width', value: OG_WIDTH },
  font: {
    loadSystemFonts: false,
    fontFiles: FONT_FILES,
    defaultFontFamily: FONT_FAMILY,
    sansSerifFamily: FONT_FAMILY,
  },
};

let inputsHash: string | undefined;

/** Hash of what every image depends on besides its SVG, computed once per process. */
function rendererInputs(): string {
  inputsHash ??= FONT_FILES.reduce(
    (hash, file) => hash.update(readFileSync(file)),
    createHash('sha256').update(JSON.stringify({ resvg: resvgPackage.version, options: RENDER_OPTIONS })),
  ).digest('hex');
  return inputsHash;
}

/** A rendered image. */
export interface OgImage {
  png: Uint8Array;
  /** Came from the cache (nothing was rendered). */
  cached: boolean;
}

/** Where the image for `spec` is cached (its name is the hash of what it depends on), and its SVG. */
export function ogImageSource(spec: OgSpec, site: OgSite, cacheDir = OG_CACHE_DIR): { svg: string; file: string } {
  const svg = ogSvg(ogLayout(spec, site));
  const key = createHash('sha256').update(rendererInputs()).update(svg).digest('hex').slice(0, 40);
  return { svg, file: join(cacheDir, `${key}.png`) };
}

/** The cached PNG at `file`, or null when it was not rendered yet. */
export function cachedOgImage(file: string): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** Renders `svg` to PNG and keeps it in the cache at `file`. */
export function renderOgSvg(svg: string, file: string): Uint8Array {
  const png = new Resvg(svg, RENDER_OPTIONS).render().asPng();
  mkdirSync(dirname(file), { recursive: true });
  // Written under a temporary name and renamed, so a build running alongside never reads half a file.
  const partial = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}

/** The PNG of the social image for `spec`, from `cacheDir` when an identical one was rendered before. */
export function renderOgImage(spec: OgSpec, site: OgSite, cacheDir = OG_CACHE_DIR): OgImage {
  const { svg, file } = ogImageSource(spec, site, cacheDir);
  const png = cachedOgImage(file);
  return png ? { png, cached: true } : { png: renderOgSvg(svg, file), cached: false };
}
