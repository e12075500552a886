// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import markdownTwins from './src/integrations/markdown-twins.ts';
import { pageCss } from './src/integrations/page-css.ts';
import { siteChecks } from './src/integrations/site-checks.ts';
import staticHeaders from './src/integrations/static-headers.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  // Site checks run first: when they fail, the output is removed and nothing else is written.
  // Twins read the pages before the per-page stylesheets rewrite them, and come before the
  // headers file so their paths get its caching rules.
  integrations: [mdx(), siteChecks(), markdownTwins(), pageCss(), staticHeaders()],
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
