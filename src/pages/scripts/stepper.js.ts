/**
 * The guided stepper's code as its own file, compiled from src/browser/stepper.ts at build time.
 * The decision page loads it when the reader first answers (or at once when the address already
 * holds answers; see src/browser/stepper-boot.ts), so the page's first load stays within budget.
 * It is built here rather than by Vite because Vite would wrap a dynamic import of its own
 * chunk in a preload helper that costs more than the lazy loading saves.
 */
import type { APIRoute } from 'astro';
import { build } from 'esbuild';

export const GET: APIRoute = async () => {
  const result = await build({
    entryPoints: ['src/browser/stepper.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error('src/browser/stepper.ts: esbuild produced no output');
  return new Response(code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
