/**
 * Social images as PNG: the drawing of src/lib/output/og.ts rasterised by resvg, laid together and
 * encoded by sharp, and cached on disk so a rebuild renders only the images whose content changed.
 * The drawing has no text for the renderer to shape (text.ts draws it as glyph outlines), so no
 * font is loaded and every machine renders the same pixels, offline.
 *
 * An image is a backdrop with its own foreground laid over it (pixels.ts). The backdrop (the
 * tint's gradients, header and footer) fills every pixel and is the same for many images; drawing
 * it took half of each image's time, so each renderer (a worker process, or the build itself)
 * draws each backdrop once and keeps it. The foreground is drawn over its own box only.
 *
 * The cache key is a hash of everything the pixels depend on: both SVGs (which hold the spec's
 * text as outlines, the colour tokens and whatever the layout code made of them, so a code change
 * that moves anything changes it), the versions of resvg, sharp and the libraries sharp encodes
 * with, and the options given to them. A change that does not alter the drawing keeps every
 * cached image.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import resvgPackage from '@resvg/resvg-js/package.json' with { type: 'json' };
import sharp from 'sharp';
import { layOver } from './pixels';
import { OG_HEIGHT, OG_WIDTH, ogDrawing, ogLayout, type OgDrawing, type OgSite, type OgSpec } from './og';
import { OG_CACHE_DIR, OG_RENDERER } from './og-cache.ts';

export { OG_CACHE_DIR };

// Each SVG is drawn at its own size: the backdrop 1200×630, a foreground its box.
const RENDER_OPTIONS: ResvgRenderOptions = { font: { loadSystemFonts: false } };
// zlib level 1: 3.8 ms of CPU and about 137 KB for a typical image, against 4.7 ms and 123 KB at
// level 2, 5.1 ms and 109 KB at 4 and 8.8 ms and 92 KB at the default 6 (sharp 0.35, this site's
// images). An unfurler fetches one image; the build renders hundreds, so the fastest level wins.
const PNG_OPTIONS = { compressionLevel: 1 } as const;

// One image at a time per renderer: the pool (og-pool.ts) runs one worker process per core.
sharp.concurrency(1);
sharp.cache(false);

const INPUTS = createHash('sha256')
  .update(JSON.stringify({ resvg: resvgPackage.version, sharp: sharp.versions, RENDER_OPTIONS, PNG_OPTIONS }))
  .digest('hex');

/** A rendered image. */
export interface OgImage {
  png: Uint8Array;
  /** Came from the cache (nothing was rendered). */
  cached: boolean;
}

/** A drawing and the cache file its image goes to. */
export type OgSource = OgDrawing & { file: string };

/** Where the image for `spec` is cached (its name is the hash of what it depends on), and its drawing. */
export function ogImageSource(spec: OgSpec, site: OgSite, cacheDir = OG_CACHE_DIR): OgSource {
  const drawing = ogDrawing(ogLayout(spec, site));
  const key = createHash('sha256')
    .update(INPUTS)
    .update(drawing.background)
    .update('\0')
    .update(drawing.foreground)
    .update(`\0${drawing.box.x},${drawing.box.y}`)
    .digest('hex')
    .slice(0, 40);
  return { ...drawing, file: join(cacheDir, `${key}.png`) };
}

/** The cached PNG at `file`, or null when it was not rendered yet. */
export function cachedOgImage(file: string): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** The premultiplied RGBA pixels of an SVG, at its own size. */
const rasterise = (svg: string): Uint8Array => new Resvg(svg, RENDER_OPTIONS).render().pixels;

/** Backdrops drawn by this process, by their SVG. */
const backdrops = new Map<string, Uint8Array>();

/** The pixels of a backdrop, drawn the first time this process needs them. */
export function backdrop(svg: string): Uint8Array {
  let pixels = backdrops.get(svg);
  if (!pixels) {
    pixels = rasterise(svg);
    backdrops.set(svg, pixels);
  }
  return pixels;
}

/**
 * The canvas an image is put together on, kept from one image to the next: a new 3 MB buffer an
 * image kept the garbage collector busy. Taken by one image at a time (a renderer renders one
 * after another); another drawn meanwhile gets a canvas of its own.
 */
let spare: Buffer | undefined;

/** Renders `drawing` to PNG and keeps it in the cache at `file`. */
export async function renderOgDrawing(drawing: OgDrawing, file: string): Promise<Uint8Array> {
  const ground = backdrop(drawing.background);
  const canvas = spare ?? Buffer.allocUnsafe(ground.length);
  spare = undefined;
  canvas.set(ground);
  const pixels = layOver(rasterise(drawing.foreground), drawing.box, canvas, OG_WIDTH);
  // The backdrop is opaque, so the image is RGB: a quarter fewer bytes to compress.
  const png = await sharp(pixels, { raw: { width: OG_WIDTH, height: OG_HEIGHT, channels: 4 } })
    .removeAlpha()
    .png(PNG_OPTIONS)
    .toBuffer()
    .finally(() => {
      spare = canvas;
    });
  mkdirSync(dirname(file), { recursive: true });
  // Written under a temporary name and renamed, so a build running alongside never reads half a file.
  const partial = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}

/** Renders a drawing into its cache file somewhere else: the build's image workers, when it has them. */
export type OgRenderer = (source: OgSource) => Promise<void>;

/**
 * The PNG of the social image for `spec`, from `cacheDir` when an identical one was rendered before.
 * During a build, the image workers render it (the page images' route runs on the thread that
 * renders every page, and drawing a dozen images there took most of a second).
 */
export async function renderOgImage(spec: OgSpec, site: OgSite, cacheDir = OG_CACHE_DIR): Promise<OgImage> {
  const source = ogImageSource(spec, site, cacheDir);
  const png = cachedOgImage(source.file);
  if (png) return { png, cached: true };
  const workers = (globalThis as { [OG_RENDERER]?: OgRenderer })[OG_RENDERER];
  if (!workers) return { png: await renderOgDrawing(source, source.file), cached: false };
  await workers(source);
  return { png: readFileSync(source.file), cached: false };
}
