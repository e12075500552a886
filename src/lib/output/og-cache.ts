/**
 * Where rendered social images are kept between builds (npm ci starts it afresh): og-render.ts
 * reads and fills it; `npm run bench` (scripts/bench.ts) empties it to time a clean build. A module
 * of its own so that Node scripts can import it without loading the renderer.
 */
export const OG_CACHE_DIR = 'node_modules/.cache/og-images';

/**
 * Where a build's image workers (og-pool.ts) offer to render an image for code that runs inside
 * Astro's page rendering, such as the page images' route: that code is bundled apart from the
 * integration, so the one thing both share is the process's global object.
 */
export const OG_RENDERER = Symbol.for('k8s-workloads.og-renderer');
