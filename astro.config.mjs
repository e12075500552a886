// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { postBuild } from './src/integrations/post-build.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  // One pass over the built pages for every post-build job: checks, twins, stylesheets, headers.
  integrations: [mdx(), postBuild()],
  // Highlighters write inline style attributes, which the Content-Security-Policy forbids;
  // manifests and MDX fences get Shiki with classes instead (src/lib/output/highlight.ts).
  markdown: { syntaxHighlight: false },
  vite: {
    plugins: [tailwindcss()],
    build: {
      // Every script and stylesheet is a file: the Content-Security-Policy allows no inline code
      // except the hashed theme script, and a file is cached across pages.
      assetsInlineLimit: 0,
      rolldownOptions: {
        onwarn(w, next) {
          if (w.code === 'MODULE_LEVEL_DIRECTIVE' && String(w.message).includes('astro:head-inject')) return;
          next(w);
        },
      },
    },
  },
});
