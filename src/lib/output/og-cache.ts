/**
 * Where rendered social images are kept between builds (npm ci starts it afresh): og-render.ts
 * reads and fills it; `npm run bench` (scripts/bench.ts) empties it to time a clean build. A module
 * of its own so that Node scripts can import it without loading the renderer.
 */
export const OG_CACHE_DIR = 'node_modules/.cache/og-images';
