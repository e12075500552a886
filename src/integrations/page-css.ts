/**
 * Astro integration: gives every built page its own stylesheet with only the rules it can use
 * (src/lib/output/css-prune.ts), so each page's first load stays within its budget. Classes that
 * scripts add at run time count as present: those in the scripts a page loads, in the scripts
 * loaded on demand (public/scripts, the stepper), and the `js` class of the inline theme script. Pages with the same rules
 * share one file; the original stylesheet is removed once nothing links it.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { classTokens, htmlClasses, pruneCss } from '../lib/output/css-prune.ts';
import { requestedUrls, staticImports } from '../lib/output/budget.ts';
import { THEME_INIT_SCRIPT } from '../lib/output/theme-init.ts';

export function pageCss(): AstroIntegration {
  let base = '/';
  return {
    name: 'k8s-workloads:page-css',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const fileOf = (url: string) =>
          path.join(root, decodeURIComponent(url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '')));
        const read = (url: string) => readFile(fileOf(url), 'utf8').catch(() => '');
        // Scripts loaded on demand (search results, the decision stepper) add classes after the
        // first load, so their classes are kept on every page.
        const lazy = await Promise.all(
          (await readdir(path.join(root, 'scripts'))).map((name) => read(`${base}scripts/${name}`)),
        );
        const always = classTokens(`${THEME_INIT_SCRIPT} ${lazy.join(' ')}`);

        const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
        const written = new Map<string, number>();
        const replaced = new Set<string>();
        for (const file of pages) {
          const htmlPath = path.join(root, file);
          let html = await readFile(htmlPath, 'utf8');
          // Scripts the page loads, with their static imports: their class strings count.
          let scripts = '';
          const queue = requestedUrls(html).filter((url) => url.endsWith('.js'));
          for (const seen = new Set<string>(); queue.length;) {
            const url = queue.shift() as string;
            if (seen.has(url)) continue;
            seen.add(url);
            const js = await read(url);
            scripts += js;
            queue.push(...staticImports(js).map((spec) => new URL(spec, `http://site${url}`).pathname));
          }
          const markup = htmlClasses(html);
          const scripted = classTokens(scripts);
          const has = (name: string) => markup.has(name) || scripted.has(name) || always.has(name);
          for (const link of html.match(/<link rel="stylesheet" href="[^"]+"[^>]*>/g) ?? []) {
            const href = /href="([^"]+)"/.exec(link)?.[1] as string;
            const css = pruneCss(await read(href), has);
            const name = `${path.posix.basename(href, '.css').replace(/\.[\w-]+$/, '')}.${createHash('sha256').update(css).digest('base64url').slice(0, 8)}.css`;
            const url = `${path.posix.dirname(href)}/${name}`;
            if (!written.has(url)) {
              await writeFile(fileOf(url), css);
              written.set(url, Buffer.byteLength(css));
            }
            html = html.replace(link, link.replace(href, url));
            replaced.add(href);
          }
          await writeFile(htmlPath, html);
        }
        for (const href of replaced) if (!written.has(href)) await rm(fileOf(href), { force: true });
        const sizes = [...written.values()];
        logger.info(
          `${pages.length} pages use ${written.size} per-page stylesheets (${Math.min(...sizes)}–${Math.max(...sizes)} bytes)`,
        );
      },
    },
  };
}
