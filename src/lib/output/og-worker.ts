/**
 * A worker thread of the social-image pool (og-pool.ts): renders the SVGs it is sent, one at a
 * time, into the image cache (og-render.ts), and sends the PNG back.
 */
import { parentPort } from 'node:worker_threads';
import { renderOgSvg } from './og-render.ts';

parentPort?.on('message', ({ index, svg, file }: { index: number; svg: string; file: string }) => {
  try {
    // The image is in the cache file once this returns: that file is what the build links.
    renderOgSvg(svg, file);
    parentPort?.postMessage({ index });
  } catch (error) {
    parentPort?.postMessage({ index, error: String((error as Error).stack ?? error) });
  }
});
