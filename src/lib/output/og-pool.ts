/**
 * Renders many social images at once: the share pages need one per section (hundreds), and one
 * image takes over ten milliseconds of CPU, so they are spread over worker processes, one per
 * core. An image's cache file is named by its drawing (og-render.ts), so a rebuild whose drawings
 * did not change renders nothing; the workers render only the drawings that are new. A handful of
 * them is rendered on the calling thread instead, where starting workers would cost more than it
 * saves.
 *
 * The images start before the post-build pass. Astro renders the pages on one core; the build
 * hands each page's HTML to a worker as soon as it is rendered (`prefetchOgPage`), and the worker
 * reads the page's previews (share-previews.ts), lays its images out and renders them on the
 * other core. When the pass asks for its images (`renderOgImages`), each one a worker already laid
 * out from the same request is taken as it is, and only a request no worker saw is laid out on the
 * calling thread. A request is its spec and site, so an image is shared only when the pass would
 * have drawn the very same one: prefetching can make the build faster, never different. The page
 * images' route (og-render.ts) hands its images to the workers too, ahead of their queues.
 *
 * Pages go to the worker with the fewest images ahead of it, and a worker left with nothing takes
 * half of another's queue. The workers run below the build's priority: the build's own thread is
 * the one everything waits for, and the workers fill the time around it.
 *
 * Processes, not worker threads: threads share the build's address space, and every page fault
 * of a 3 MB canvas waited on the build's own memory management. The post-build pass's jobs took
 * half as long again beside two rendering threads, and hardly longer beside two processes.
 *
 * Workers run plain JavaScript, so og-worker.ts is bundled once per build with esbuild (a project
 * dependency) into the image cache folder; packages stay external and load from node_modules.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, setPriority, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { ogRequestKey, type OgDrawing, type OgRequest, type OgSite } from './og';
import { OG_RENDERER } from './og-cache';
import { OG_CACHE_DIR, ogImageSource, renderOgDrawing, type OgRenderer, type OgSource } from './og-render';

/** An image in the cache: the build links `file` into the site rather than copy its bytes. */
export interface PooledImage {
  /** The PNG in the cache folder. */
  file: string;
  /** It was there already (nothing was rendered). */
  cached: boolean;
  /** A worker laid it out from its page while Astro rendered the pages (`prefetchOgPage`). */
  prefetched: boolean;
}

/** A task for a worker: one drawing to render, or a rendered page whose images to lay out and render. */
export type WorkerTask =
  /** `first`: ahead of the worker's queue (something waits for it now). */
  | ({ kind: 'draw'; file: string; first?: boolean } & OgDrawing)
  | { kind: 'page'; id: number; file: string; htmlFile: string; kubernetesVersion: string; cacheDir: string }
  /** Hand back the last `count` drawings of the queue, not rendered. */
  | { kind: 'give'; count: number };

/** A worker's answer: an image is in its cache file (or failed), or a page's images are laid out. */
export type WorkerReply =
  | { kind: 'rendered'; file: string; error?: string }
  | {
      kind: 'planned';
      id: number;
      /** Each image of the page: its request's key, its cache file, and whether it was there already. */
      images: { key: string; file: string; cached: boolean }[];
      error?: string;
    }
  /** The drawings handed back (`give`). */
  | { kind: 'given'; drawings: OgSource[] };

/**
 * resvg allocates through its own mimalloc, which hands each 3 MB canvas back to the system when
 * the image is done, so the next image faults its pages in again (900 page faults an image). With
 * memory reserved up front and kept, a worker renders an image in 12.7 ms instead of 15.4 (and a
 * renderer without mimalloc ignores the variables).
 */
const WORKER_ALLOCATOR = { MIMALLOC_RESERVE_OS_MEMORY: '256MiB', MIMALLOC_PURGE_DELAY: '-1' };

/** The workers' scheduling priority (`nice`): lower than the build's. */
const WORKER_PRIORITY = 10;

/** A worker process and what it was asked for and has not answered. */
interface Worker {
  process: ChildProcess;
  /** Cache files it is to render. */
  files: Set<string>;
  /** Pages it is to lay out, by id, with the number of images each is likely to have. */
  pages: Map<number, number>;
  /** Who waits for the drawings it was asked to hand back. */
  given?: (drawings: OgSource[]) => void;
}

/** An image some worker is rendering: settles when it is in its cache file. */
interface Render {
  promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

/** The images being rendered, by cache file. */
const renders = new Map<string, Render>();
/** The images workers laid out from pages, by cache folder and request key. */
const prefetched = new Map<string, { file: string; cached: boolean }>();
/** The pages sent to workers whose images are not laid out yet, by id: their cache folder, and who waits. */
const planning = new Map<number, { cacheDir: string; settled: (() => void)[] }>();
let pageIds = 0;

/** A page is laid out, or will not be: whoever waits for it goes on. */
function settle(id: number): void {
  for (const done of planning.get(id)?.settled ?? []) done();
  planning.delete(id);
}

function render(file: string): Render {
  let entry = renders.get(file);
  if (!entry) {
    let resolve = () => {};
    let reject: (error: Error) => void = () => {};
    const promise = new Promise<void>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    // Handled here: an image only a prefetch wanted may fail with no batch waiting for it (a batch
    // that takes it still sees the rejection).
    promise.catch(() => {});
    entry = { promise, resolve, reject };
    renders.set(file, entry);
  }
  return entry;
}

const prefetchKey = (cacheDir: string, key: string) => `${resolve(cacheDir)}\0${key}`;

/** Starts a worker and routes its answers. */
function startWorker(site?: OgSite): Worker {
  const worker: Worker = {
    process: fork(workerFile(), site ? ['--warm', JSON.stringify(site)] : [], {
      env: { ...process.env, ...WORKER_ALLOCATOR },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
    files: new Set(),
    pages: new Map(),
  };
  // Below the build itself: the build's thread is the one the build waits for, the workers fill in
  // around it (a clean build took 5% less time, paired, on two cores).
  if (worker.process.pid) setPriority(worker.process.pid, WORKER_PRIORITY);
  worker.process.on('message', (reply: WorkerReply) => {
    if (reply.kind === 'given') {
      moved += reply.drawings.length;
      for (const { file } of reply.drawings) worker.files.delete(file);
      hold(worker);
      worker.given?.(reply.drawings);
      worker.given = undefined;
      return;
    }

    if (reply.kind === 'rendered') {
      worker.files.delete(reply.file);
      const entry = render(reply.file);
      if (reply.error) entry.reject(new Error(`social image ${reply.file}: ${reply.error}`));
      else {
        entry.resolve();
        // Done: the file is there. A failed render stays known, so whoever takes it later fails too.
        renders.delete(reply.file);
      }
      hold(worker);
      rebalance();
      return;
    }
    worker.pages.delete(reply.id);
    const cacheDir = planning.get(reply.id)?.cacheDir ?? '';
    // A page that could not be laid out is only not prefetched: the pass lays its images out itself,
    // and fails there, with the page's name, if the fault is real.
    for (const image of reply.error ? [] : reply.images) {
      // A worker lays a page out between images: one it had queued for an earlier page may have
      // been rendered (and said so) meanwhile. Its file is there, and no answer is to come.
      const known = worker.files.has(image.file) || renders.has(image.file);
      const done = image.cached || (!known && existsSync(image.file));
      prefetched.set(prefetchKey(cacheDir, image.key), { file: image.file, cached: done });
      if (!done && !worker.files.has(image.file)) {
        worker.files.add(image.file);
        render(image.file);
      }
    }
    settle(reply.id);
    hold(worker);
    rebalance();
  });
  const stopped = (why: string) => {
    worker.given?.([]);
    worker.given = undefined;
    for (const file of worker.files) render(file).reject(new Error(`social image ${file}: ${why}`));
    worker.files.clear();
    for (const id of worker.pages.keys()) settle(id);
    worker.pages.clear();
  };
  worker.process.on('error', (error) => stopped(error.message));
  worker.process.on('exit', (code) => stopped(`a worker stopped (exit code ${code})`));
  return worker;
}

/**
 * A worker keeps this process alive exactly while it has work it has not answered for: a build
 * awaiting it must not end for want of anything else to do (Node would exit with the pass half
 * run), and an idle worker must not keep a finished build from ending.
 */
function hold({ process: worker, files, pages }: Worker): void {
  const held = files.size > 0 || pages.size > 0;
  if (held) worker.ref();
  else worker.unref();
  const channel = worker.channel as { ref(): void; unref(): void } | undefined;
  if (held) channel?.ref();
  else channel?.unref();
}

/** The workers started ahead of the pass, for the whole build. */
const warm: Worker[] = [];

/**
 * Starts the workers before there is anything to render: the build calls this as soon as its
 * config is set up, so the workers load their libraries and draw the backdrops of `site`'s images
 * while Astro reads the content, then take each page as it is rendered. A worker keeps the process
 * alive only while it owes an answer (`hold`); `stopOgWorkers` ends them.
 */
export function warmUpOgWorkers(site: OgSite, threads = availableParallelism()): void {
  while (warm.length < threads) {
    const worker = startWorker(site);
    hold(worker);
    warm.push(worker);
  }
  pool = warm;
  // Images asked for while Astro renders the pages (og-render.ts) go to the workers too, ahead of
  // the share images: Astro waits for each before it renders the next page.
  const renderer: OgRenderer = (source) => {
    post(leastBusy(warm), source, true);
    return render(source.file).promise;
  };
  (globalThis as { [OG_RENDERER]?: OgRenderer })[OG_RENDERER] = renderer;
}

/** Ends the workers `warmUpOgWorkers` started, and forgets what they laid out and rendered. */
export function stopOgWorkers(): void {
  for (const worker of warm.splice(0)) worker.process.disconnect();
  Reflect.deleteProperty(globalThis, OG_RENDERER);
  prefetched.clear();
  renders.clear();
  moved = 0;
  if (inbox) rmSync(inbox, { recursive: true, force: true });
  inbox = undefined;
}

/** The images a worker has yet to render, counting those of the pages it has not laid out yet. */
const load = (worker: Worker): number => worker.files.size + [...worker.pages.values()].reduce((a, b) => a + b, 0);

/** The workers of the pool now: those warmed up, or a batch's own. */
let pool: readonly Worker[] = [];

/** Below this many queued images, a worker keeps them all: handing them over costs two round trips. */
const SHARE_THRESHOLD = 6;

/** Images handed from a busy worker to an idle one since the workers started. */
let moved = 0;

/** How many images moved from a busy worker to an idle one (`rebalance`) since the workers started. */
export const ogImagesMoved = (): number => moved;

/**
 * When a worker has nothing left to do and another still has a queue, half of that queue moves to
 * the idle one: a worker that had the larger pages went on alone for a second after the other finished.
 */
function rebalance(): void {
  const idle = pool.find((worker) => !worker.files.size && !worker.pages.size && worker.process.connected);
  if (!idle) return;
  const busiest = leastBusy(pool, -1);
  if (busiest === idle || busiest.given || busiest.files.size < SHARE_THRESHOLD || !busiest.process.connected) return;
  busiest.given = (drawings) => {
    for (const source of drawings) post(idle, source);
  };
  const task: WorkerTask = { kind: 'give', count: Math.floor(busiest.files.size / 2) };
  busiest.process.send(task);
}

/** Sends `worker` a drawing to render (`first`: before the rest of its queue); the batch waits for its file. */
function post(worker: Worker, { file, ...drawing }: OgSource, first = false): void {
  worker.files.add(file);
  render(file);
  hold(worker);
  const task: WorkerTask = { kind: 'draw', file, first, ...drawing };
  worker.process.send(task);
}

/** The worker with the least to do (with `sign` -1, the most). */
const leastBusy = (workers: readonly Worker[], sign = 1): Worker =>
  workers.reduce((best, worker) => (sign * load(worker) < sign * load(best) ? worker : best));

/**
 * About how many images a page's share pages show, counted without parsing it: one per place with
 * a permalink of its own (a table's cells share their row's). Pages differ threefold, and a worker
 * handed the big ones went on alone for a second after the other had finished.
 */
export const likelyImages = (html: string): number => Math.max(1, html.split('aria-label="Permalink:').length - 1);

/**
 * Where the pages wait for their worker, one file each. A page sent through the IPC channel (up to
 * half a megabyte) is written only as fast as the build's event loop lets it, and Astro keeps
 * that loop busy: pages took up to a second to arrive. A file is written at once.
 */
let inbox: string | undefined;

/**
 * Hands a rendered page (its output file and HTML) to a warm worker, which lays out the images of
 * its share pages and renders those not in the cache. Does nothing before `warmUpOgWorkers`.
 */
export function prefetchOgPage(
  page: { file: string; html: string },
  kubernetesVersion: string,
  cacheDir = OG_CACHE_DIR,
): void {
  if (!warm.length) return;
  const worker = leastBusy(warm);
  const id = ++pageIds;
  inbox ??= mkdtempSync(join(tmpdir(), 'og-pages-'));
  const htmlFile = join(inbox, `${id}.html`);
  writeFileSync(htmlFile, page.html);
  worker.pages.set(id, likelyImages(page.html));
  hold(worker);
  planning.set(id, { cacheDir: resolve(cacheDir), settled: [] });
  const task: WorkerTask = {
    kind: 'page',
    id,
    file: page.file,
    htmlFile,
    kubernetesVersion,
    // The cache folder as given: its images' files are named as the pass names them.
    cacheDir,
  };
  worker.process.send(task);
}

/** Resolves when every page handed to the workers is laid out (or could not be). */
export async function ogPrefetchSettled(): Promise<void> {
  await Promise.all([...planning.values()].map((page) => new Promise<void>((done) => page.settled.push(done))));
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

/**
 * Starts rendering every request's image that is not in the cache and returns at once, with the
 * cache file of each: the calling thread goes on with other work while the workers render.
 * `threads` caps the workers the batch starts when none was warmed up (default: one per core).
 * Requests that draw the same image share one render, and so do a request and the page a worker
 * laid it out from (call `ogPrefetchSettled` first, so that every prefetched page counts).
 */
export function renderOgImages(
  requests: readonly OgRequest[],
  cacheDir = OG_CACHE_DIR,
  threads = availableParallelism(),
): OgBatch {
  const images: PooledImage[] = [];
  // The renders this batch waits for, by cache file: its own and those started before it.
  const waits = new Map<string, Promise<void>>();
  // Laying an image out is quick and tells its cache file, so cached images never reach a worker.
  // Lazily: the workers get their first images before the last one is laid out.
  function* toRender(): Generator<OgSource> {
    for (const request of requests) {
      const early = prefetched.get(prefetchKey(cacheDir, ogRequestKey(request)));
      if (early) {
        images.push({ ...early, prefetched: true });
        const started = renders.get(early.file);
        if (!early.cached && started) waits.set(early.file, started.promise);
        continue;
      }
      const source = ogImageSource(request.spec, request.site, cacheDir);
      const started = waits.get(source.file) ?? renders.get(source.file)?.promise;
      const cached = !started && existsSync(source.file);
      images.push({ file: source.file, cached, prefetched: false });
      if (started) waits.set(source.file, started);
      if (started || cached) continue;
      yield source;
    }
  }
  const sources = toRender();
  const first: OgSource[] = [];
  // Not `for…of` with `break`: that would close the generator.
  for (let next = sources.next(); !next.done; next = sources.next()) if (first.push(next.value) > INLINE_LIMIT) break;

  if (!warm.length && (first.length <= INLINE_LIMIT || threads <= 1)) {
    // A few images are rendered on this thread: starting workers would cost more than it saves.
    const all = [...first, ...sources];
    const inline = async () => {
      for (const { file, ...drawing } of all) await renderOgDrawing(drawing, file);
    };
    return { images, done: Promise.all([...waits.values(), inline()]).then(() => undefined) };
  }

  // Each image goes to the worker with the least to do, as the images are laid out: this thread may
  // be busy with other jobs when a worker finishes one, and a worker waiting for it would idle.
  const own = warm.length ? [] : Array.from({ length: threads }, () => startWorker());
  const workers = warm.length ? warm : own;
  pool = workers;
  const send = (source: OgSource) => {
    post(leastBusy(workers), source);
    waits.set(source.file, render(source.file).promise);
  };
  first.forEach(send);
  for (const source of sources) send(source);
  const done = Promise.all(waits.values()).finally(() => {
    for (const worker of own) worker.process.disconnect();
  });
  return { images, done: done.then(() => undefined) };
}
