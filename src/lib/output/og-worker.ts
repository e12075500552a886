/**
 * A worker thread of the social-image pool (og-pool.ts): renders the SVGs it is sent, one at a
 * time, into the image cache (og-render.ts), and sends the PNG back.
 */
import { parentPort } from 'node:worker_threads';
import { renderOgSvg } from './og-render.ts';

parentPort?.on('message', ({ index, svg, file }: { index: number; svg: string; file: string }) => {
  try {
    // A copy of its own, so its memory can move to the main thread instead of being copied again.
    const png = new Uint8Array(renderOgSvg(svg, file));
    parentPort?.postMessage({ index, png }, [png.buffer]);
  } catch (error) {
    parentPort?.postMessage({ index, error: String((error as Error).stack ?? error) });
  }
});
