/**
 * A worker process of the social-image pool (og-pool.ts): renders the drawings it is sent into the
 * image cache (og-render.ts), one after another, and says when each is there.
 */
import { ogBackgroundSvg, ogTints, type OgDrawing } from './og.ts';
import { backdrop, renderOgDrawing } from './og-render.ts';

// Started ahead of its images (warmUpOgWorkers), a worker draws every backdrop while it waits.
if (process.argv.includes('--warm')) for (const tint of ogTints()) backdrop(ogBackgroundSvg(tint));

// The pool lets go of its workers when the batch is done or has failed: the rest is not wanted.
process.on('disconnect', () => process.exit(0));
// A reply the pool no longer listens for (it stopped at another image's failure) is dropped.
const reply = (message: { file: string; error?: string }) => void process.send?.(message, () => {});

// The pool sends a worker all its images at once; rendering them one at a time keeps one image's
// pixels in memory, not hundreds.
let queue = Promise.resolve();
process.on('message', ({ file, ...drawing }: OgDrawing & { file: string }) => {
  queue = queue.then(() =>
    // The image is in the cache file once this resolves: that file is what the build links.
    renderOgDrawing(drawing, file).then(
      () => reply({ file }),
      (error: unknown) => reply({ file, error: String((error as Error).stack ?? error) }),
    ),
  );
});
