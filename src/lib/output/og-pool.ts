/**
 * Renders many social images at once: the share pages need one per section (hundreds), and one
 * image takes over ten milliseconds of CPU, so they are spread over worker processes, one per
 * core. The calling thread lays every image out and looks it up in og-render.ts's disk cache, so a
 * rebuild whose drawings did not change renders nothing; the workers render only the drawings
 * that are new. A handful of them is rendered on the calling thread instead, where starting
 * workers would cost more than it saves.
 *
 * Processes, not worker threads: threads share the build's address space, and every page fault
 * of a 3 MB canvas waited on the build's own memory management. The post-build pass's jobs took
 * half as long again beside two rendering threads, and hardly longer beside two processes.
 *
 * Workers run plain JavaScript, so og-worker.ts is bundled once per build with esbuild (a project
 * dependency) into the image cache folder; packages stay external and load from node_modules.
 * Each worker is handed its share of the images up front, so the calling thread can go on with
 * other work (the post-build pass runs its checks meanwhile) without leaving a worker idle.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { OgDrawing, OgSite, OgSpec } from './og';
import { OG_CACHE_DIR, ogImageSource, renderOgDrawing } from './og-render';

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

/**
 * resvg allocates through its own mimalloc, which hands each 3 MB canvas back to the system when
 * the image is done, so the next image faults its pages in again (900 page faults an image). With
 * memory reserved up front and kept, a worker renders an image in 12.7 ms instead of 15.4 (and a
 * renderer without mimalloc ignores the variables).
 */
const WORKER_ALLOCATOR = { MIMALLOC_RESERVE_OS_MEMORY: '256MiB', MIMALLOC_PURGE_DELAY: '-1' };

/** A worker process of the pool. */
const startWorker = (warm = false): ChildProcess =>
  fork(workerFile(), warm ? ['--warm'] : [], {
    env: { ...process.env, ...WORKER_ALLOCATOR },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

/** Whether `worker` keeps this process alive: only while a batch waits for it. */
function hold(worker: ChildProcess, held: boolean): void {
  if (held) worker.ref();
  else worker.unref();
  const channel = worker.channel as { ref(): void; unref(): void } | undefined;
  if (held) channel?.ref();
  else channel?.unref();
}

/** Workers started ahead of a batch, ready for it. */
const warm: ChildProcess[] = [];

/**
 * Starts the workers before there is anything to render: the build calls this while Astro renders
 * its pages, on one core, so the workers load their libraries and draw their backdrops on the
 * other. They do not keep the process alive; `stopOgWorkers` ends those no batch took.
 */
export function warmUpOgWorkers(threads = availableParallelism()): void {
  while (warm.length < threads) {
    const worker = startWorker(true);
    hold(worker, false);
    warm.push(worker);
  }
}

/** Ends the workers `warmUpOgWorkers` started that no batch took. */
export function stopOgWorkers(): void {
  for (const worker of warm.splice(0)) worker.disconnect();
}

/** Below this many images, rendering on the calling thread is quicker than starting workers. */
const INLINE_LIMIT = 12;

/** The worker's script, bundled once per process. */
let bundled: string | undefined;
function workerFile(cacheDir = OG_CACHE_DIR): string {
  bundled ??= bundleWorker(cacheDir);
  return bundled;
}

/**
 * Bundles the worker into the project's image cache folder (named by its code, so concurrent
 * builds share one file safely): always there, whatever folder a batch caches its images in,
 * because the bundle loads its packages from the node_modules it sits in.
 */
function bundleWorker(cacheDir: string): string {
  const entry = fileURLToPath(new URL('./og-worker.ts', import.meta.url));
  const result = buildSync({
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

/** The images of a batch: where each one is (or will be), and when they are all there. */
export interface OgBatch {
  /** Each request's image, in order; an image not `cached` is in its file once `done` resolves. */
  images: PooledImage[];
  /** Resolves when every image is rendered; rejects, naming the image, when one fails. */
  done: Promise<void>;
}

type Source = OgDrawing & { file: string };

/**
 * Starts rendering every request's image that is not in the cache and returns at once, with the
 * cache file of each: the calling thread goes on with other work while the workers render.
 * `threads` caps the workers (default: one per core). Requests that draw the same image share one
 * render.
 */
export function renderOgImages(
  requests: readonly OgRequest[],
  cacheDir = OG_CACHE_DIR,
  threads = availableParallelism(),
): OgBatch {
  const images: PooledImage[] = [];
  const queued = new Set<string>();
  // Laying an image out is quick and tells its cache file, so cached images never reach a worker.
  // Lazily: the workers get their first images before the last one is laid out.
  function* toRender(): Generator<Source> {
    for (const { spec, site } of requests) {
      const source = ogImageSource(spec, site, cacheDir);
      const known = queued.has(source.file);
      const cached = !known && existsSync(source.file);
      images.push({ file: source.file, cached });
      if (known || cached) continue;
      queued.add(source.file);
      yield source;
    }
  }
  const sources = toRender();
  const first: Source[] = [];
  // Not `for…of` with `break`: that would close the generator.
  for (let next = sources.next(); !next.done; next = sources.next()) if (first.push(next.value) > INLINE_LIMIT) break;

  if (first.length <= INLINE_LIMIT || threads <= 1) {
    // A few images are rendered on this thread: starting workers would cost more than it saves.
    const all = [...first, ...sources];
    const render = async () => {
      for (const { file, ...drawing } of all) await renderOgDrawing(drawing, file);
    };
    return { images, done: render() };
  }

  // Each worker is handed its share, in turn, as the images are laid out: this thread may be busy
  // with other jobs when a worker finishes one, and a worker waiting for it would idle.
  const workers = warm.splice(0, threads);
  while (workers.length < threads) workers.push(startWorker());
  for (const worker of workers) hold(worker, true);
  const counts = workers.map(() => 0);
  let sent = 0;
  const post = (source: Source) => {
    const w = sent++ % workers.length;
    (workers[w] as ChildProcess).send(source);
    counts[w] = (counts[w] as number) + 1;
  };
  first.forEach(post);
  for (const source of sources) post(source);
  const finished = (worker: ChildProcess, count: number) =>
    new Promise<void>((resolve, reject) => {
      let left = count;
      if (!left) resolve();
      worker.on('message', (message: { file: string; error?: string }) => {
        if (message.error) reject(new Error(`social image ${message.file}: ${message.error}`));
        else if (--left === 0) resolve();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => left && reject(new Error(`social images: a worker stopped (exit code ${code})`)));
    });
  const done = Promise.all(workers.map((worker, w) => finished(worker, counts[w] as number))).finally(() =>
    workers.forEach((worker) => worker.disconnect()),
  );
  return { images, done: done.then(() => undefined) };
}
