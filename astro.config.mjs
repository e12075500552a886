// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import staticHeaders from './src/integrations/static-headers.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  integrations: [mdx(), staticHeaders()],
  markdown: {
    // Shiki colours code fences with inline `style` attributes, which the Content-Security-Policy
    // (style-src 'self') blocks; plain fences take the theme's code colours from the stylesheet.
    syntaxHighlight: false,
  },
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
