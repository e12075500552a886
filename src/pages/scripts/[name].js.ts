/**
 * Browser code that a page loads on demand, each module as its own file at a stable address,
 * compiled at build time: the guided stepper (loaded by src/browser/stepper-boot.ts on the first
 * answer), the comparison table (loaded by src/browser/compare-boot.ts on the first press), the
 * /versions/ matrix's sorting (loaded by src/browser/version-matrix-boot.ts on the first press), so
 * that a page's first load stays well within its JavaScript budget; and the script of the pinned
 * editions' pages (src/browser/edition.ts), which the post-build pass adds to pages Vite never saw.
 * They are built here rather than by Vite because Vite would wrap a dynamic import of its own chunk
 * in a preload helper that costs more than the lazy loading saves.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { build } from 'esbuild';

/** Each file under /scripts/ and the module it is compiled from. */
const LAZY_MODULES: Record<string, string> = {
  stepper: 'src/browser/stepper.ts',
  'compare-table': 'src/browser/compare-table.ts',
  'version-matrix': 'src/browser/version-matrix.ts',
  edition: 'src/browser/edition.ts',
};

export const getStaticPaths = (() =>
  Object.entries(LAZY_MODULES).map(([name, entry]) => ({
    params: { name },
    props: { entry },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: string }> = async ({ props }) => {
  const result = await build({
    entryPoints: [props.entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error(`${props.entry}: esbuild produced no output`);
  return new Response(code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
