/**
 * The /versions/ matrix's sorting as its own file, compiled from src/browser/version-matrix.ts at
 * build time and loaded on demand by src/browser/version-matrix-boot.ts, as the stepper is
 * (src/pages/scripts/stepper.js.ts says why esbuild and not Vite).
 */
import type { APIRoute } from 'astro';
import { build } from 'esbuild';

export const GET: APIRoute = async () => {
  const result = await build({
    entryPoints: ['src/browser/version-matrix.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error('src/browser/version-matrix.ts: esbuild produced no output');
  return new Response(code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
