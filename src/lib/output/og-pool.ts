/**
 * Renders many social images at once: the share pages need one per section (hundreds), and one
 * image takes tens of milliseconds of CPU, so they are spread over worker threads, one per core.
 * The calling thread lays every image out and looks it up in og-render.ts's disk cache, so a
 * rebuild whose drawings did not change starts no worker and renders nothing; the workers only
 * rasterise the SVGs that are new. A handful of them is rendered on the calling thread instead,
 * where starting workers would cost more than it saves.
 *
 * Workers run plain JavaScript, so og-worker.ts is bundled once per build with esbuild (a project
 * dependency) into the image cache folder; packages stay external and load from node_modules.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { OgSite, OgSpec } from './og';
import { OG_CACHE_DIR, ogImageSource, renderOgSvg } from './og-render';

/** One image to render. */
export interface OgRequest {
  spec: OgSpec;
  site: OgSite;
}

/** An image in the cache: the build links `file` into the site rather than copy its bytes. */
export interface PooledImage {
  /** The PNG in the cache folder. */
  file: string;
  /** It was there already (nothing was rendered). */
  cached: boolean;
}

/** Below this many images, rendering on the calling thread is quicker than starting workers. */
const INLINE_LIMIT = 12;

/** Bundles the worker into `cacheDir` (named by its code, so concurrent builds share one file safely). */
async function workerFile(cacheDir: string): Promise<string> {
  const entry = fileURLToPath(new URL('./og-worker.ts', import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  mkdirSync(cacheDir, { recursive: true });
  const file = join(resolve(cacheDir), `worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  try {
    if (readFileSync(file, 'utf8') === code) return file;
  } catch {
    // Not written yet.
  }
  writeFileSync(file, code);
  return file;
}

/**
 * The cached PNG of every request, in order, rendered first where missing; `threads` caps the
 * workers (default: one per core).
 */
export async function renderOgImages(
  requests: readonly OgRequest[],
  cacheDir = OG_CACHE_DIR,
  threads = availableParallelism(),
): Promise<PooledImage[]> {
  // Laying an image out is quick and tells its cache file: only the images not cached go to the workers.
  const sources = requests.map((request) => ogImageSource(request.spec, request.site, cacheDir));
  const results: (PooledImage | undefined)[] = sources.map((source) =>
    existsSync(source.file) ? { file: source.file, cached: true } : undefined,
  );
  const missing = results.flatMap((result, index) => (result ? [] : [index]));
  const count = Math.min(threads, Math.ceil(missing.length / INLINE_LIMIT));
  if (count <= 1) {
    for (const index of missing) {
      const { svg, file } = sources[index] as { svg: string; file: string };
      renderOgSvg(svg, file);
      results[index] = { file, cached: false };
    }
    return results as PooledImage[];
  }

  const file = await workerFile(cacheDir);
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        const index = missing[next++];
        if (index === undefined) return resolve();
        worker.postMessage({ index, ...sources[index] });
      };
      worker.on('message', (message: { index: number; error?: string }) => {
        if (message.error) return reject(new Error(`social image ${message.index}: ${message.error}`));
        results[message.index] = { file: (sources[message.index] as { file: string }).file, cached: false };
        send();
      });
      worker.on('error', reject);
      send();
    });
  const workers = Array.from({ length: count }, () => new Worker(file));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results as PooledImage[];
}
