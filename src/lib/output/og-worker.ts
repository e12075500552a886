/**
 * A worker process of the social-image pool (og-pool.ts). It is sent drawings to render into the
 * image cache (og-render.ts), and pages as Astro renders them, whose share pages' images it lays
 * out (share-previews.ts, the code the post-build pass uses) and renders. It renders one image
 * after another and says when each is in its cache file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parsePage } from './built-pages.ts';
import { ogBackgrounds, ogRequestKey, type OgSite } from './og.ts';
import type { WorkerReply, WorkerTask } from './og-pool.ts';
import { backdrop, ogImageSource, renderOgDrawing, type OgSource } from './og-render.ts';
import { pageImageRequests } from './share-previews.ts';

// Started ahead of its images (warmUpOgWorkers), a worker draws the site's backdrops while it waits.
const warm = process.argv.indexOf('--warm');
if (warm >= 0) for (const svg of ogBackgrounds(JSON.parse(process.argv[warm + 1] ?? '') as OgSite)) backdrop(svg);

// The pool lets go of its workers when the build or the batch is done: the rest is not wanted.
process.on('disconnect', () => process.exit(0));
// A reply the pool no longer listens for (it stopped at another image's failure) is dropped.
const reply = (message: WorkerReply) => void process.send?.(message, () => {});

// One image at a time keeps one image's pixels in memory, not hundreds. Pages are laid out as they
// come, between two images, so the pool soon knows every image and where it will be.
const pending: OgSource[] = [];
let drawing = false;
/** The cache files this worker is to render or has rendered: a drawing two pages share is rendered once. */
const queued = new Set<string>();

function draw(source: OgSource, first = false): void {
  queued.add(source.file);
  if (first) pending.unshift(source);
  else pending.push(source);
  if (!drawing) void drawAll();
}

async function drawAll(): Promise<void> {
  drawing = true;
  for (let next = pending.shift(); next; next = pending.shift()) {
    const { file, ...image } = next;
    try {
      await renderOgDrawing(image, file);
      reply({ kind: 'rendered', file });
    } catch (error) {
      reply({ kind: 'rendered', file, error: String((error as Error).stack ?? error) });
    }
  }
  drawing = false;
}

process.on('message', (task: WorkerTask) => {
  if (task.kind === 'draw') {
    draw({ background: task.background, foreground: task.foreground, box: task.box, file: task.file }, task.first);
    return;
  }
  if (task.kind === 'give') {
    // The last of the queue goes back, for a worker that has nothing left to do.
    const given = pending.splice(Math.max(0, pending.length - task.count));
    for (const { file } of given) queued.delete(file);
    reply({ kind: 'given', drawings: given });
    return;
  }
  void plan(task);
});

/** Laid out between two yields: an image the build waits for (`first`) comes in meanwhile. */
const LAYOUTS_PER_TURN = 8;

/** Lays out a page's images, says where each goes, then queues those not in the cache. */
async function plan(task: Extract<WorkerTask, { kind: 'page' }>): Promise<void> {
  try {
    const images: Extract<WorkerReply, { kind: 'planned' }>['images'] = [];
    const fresh: OgSource[] = [];
    const page = parsePage(task.file, readFileSync(task.htmlFile, 'utf8'));
    for (const [index, request] of pageImageRequests(page, task.kubernetesVersion).entries()) {
      if (index && index % LAYOUTS_PER_TURN === 0) await new Promise(setImmediate);
      const source = ogImageSource(request.spec, request.site, task.cacheDir);
      // A file that is there is done: its answer went out as soon as it was renamed into place.
      const cached = existsSync(source.file);
      images.push({ key: ogRequestKey(request), file: source.file, cached });
      if (cached || queued.has(source.file)) continue;
      queued.add(source.file);
      fresh.push(source);
    }
    // Said before any of them is drawn: the pool counts on each image's answer coming after this.
    reply({ kind: 'planned', id: task.id, images });
    for (const source of fresh) draw(source);
  } catch (error) {
    reply({ kind: 'planned', id: task.id, images: [], error: String((error as Error).stack ?? error) });
  }
}
