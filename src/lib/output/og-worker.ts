/**
 * A worker thread of the social-image pool (og-pool.ts): renders the drawings it is sent into the
 * image cache (og-render.ts), one after another, and says when each is there.
 */
import { parentPort } from 'node:worker_threads';
import type { OgDrawing } from './og.ts';
import { renderOgDrawing } from './og-render.ts';

// The pool sends a worker all its images at once; rendering them one at a time keeps one image's
// pixels in memory, not hundreds.
let queue = Promise.resolve();
parentPort?.on('message', ({ file, ...drawing }: OgDrawing & { file: string }) => {
  queue = queue.then(() =>
    // The image is in the cache file once this resolves: that file is what the build links.
    renderOgDrawing(drawing, file).then(
      () => parentPort?.postMessage({ file }),
      (error: unknown) => parentPort?.postMessage({ file, error: String((error as Error).stack ?? error) }),
    ),
  );
});
