/**
 * Post-build job: gives every built page its own stylesheet with only the rules it can use
 * (css-prune.ts), so a page ships well under its CSS budget. Classes and elements that scripts add
 * at run time count as present: those in the scripts a page loads (with their static imports), in the scripts
 * it may load on demand (dist/scripts/: search results, the stepper, the table), and the `js` class
 * of the inline theme script. Pages with the same rules share one file; a stylesheet that no page
 * links any more is removed.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { visit } from 'unist-util-visit';
import { outputFileOf, resolvePath, withBase } from '../links/urls.ts';
import { requestedUrls, staticImports } from './budget.ts';
import { classTokens, dropUnusedVariables, pruneCss } from './css-prune.ts';
import type { PostBuildJob } from './post-build.ts';
import { SHARE_CSS } from './share-pages.ts';
import { THEME_INIT_SCRIPT } from './theme-init.ts';

/** The classes and the element names of a page's markup. */
export function markupNames(tree: Root): { classes: Set<string>; elements: Set<string> } {
  const classes = new Set<string>();
  const elements = new Set<string>();
  visit(tree, 'element', (element) => {
    elements.add(element.tagName.toLowerCase());
    for (const name of (element.properties.className as string[] | undefined) ?? []) classes.add(name);
  });
  return { classes, elements };
}

/** Whether the page's stylesheets (in its head) are `href` alone: found without selectors, for thousands of pages. */
function linksOnly(tree: Root, href: string): boolean {
  const child = (parent: Root | Element | undefined, tagName: string): Element | undefined => {
    for (const node of parent?.children ?? []) if (node.type === 'element' && node.tagName === tagName) return node;
    return undefined;
  };
  const sheets = (child(child(tree, 'html'), 'head')?.children ?? []).filter(
    (node): node is Element =>
      node.type === 'element' &&
      node.tagName === 'link' &&
      ((node.properties.rel as string[] | undefined) ?? []).includes('stylesheet'),
  );
  return sheets.length > 0 && sheets.every((link) => link.properties.href === href);
}

const sorted = (names: Set<string>): string => [...names].sort().join(' ');

/** The file name of a pruned stylesheet: the original's name with the hash of the kept rules. */
export function prunedName(href: string, css: string): string {
  const stem = path.posix.basename(href, '.css').replace(/\.[\w-]+$/, '');
  return `${path.posix.dirname(href)}/${stem}.${createHash('sha256').update(css).digest('base64url').slice(0, 8)}.css`;
}

/** The job: a pruned stylesheet for every page, shared by pages with the same rules. */
export const pageCss: PostBuildJob = {
  name: 'page-css',
  async run(context) {
    const fileOf = (url: string) => outputFileOf(context.base, url);
    // Read once each: two thousand pages load the same few scripts and stylesheets.
    const texts = new Map<string, Promise<string>>();
    const text = (url: string): Promise<string> => {
      let read = texts.get(url);
      if (!read) {
        const file = fileOf(url);
        read = file ? context.readText(file).then((content) => content ?? '') : Promise.resolve('');
        texts.set(url, read);
      }
      return read;
    };
    // Scripts loaded on demand (dist/scripts/) add classes after the first load: a page keeps their
    // classes when it names the script, in a data-src attribute or in a script it loads.
    const lazy = new Map<string, string>();
    for (const file of await context.list())
      if (file.startsWith('scripts/') && file.endsWith('.js')) lazy.set(file, (await context.readText(file)) ?? '');
    const always = classTokens(THEME_INIT_SCRIPT);
    const shareCss = withBase(context.base, `/${SHARE_CSS}`);

    const written = new Map<string, number>();
    const replaced = new Set<string>();
    // Pages with the same stylesheet, markup names and scripts get the same rules: the 1,979 share
    // pages are one case, pruned once instead of once each.
    const prunedFor = new Map<string, string>();
    for (const page of context.pages) {
      // A pinned edition's pages keep the stylesheets its own build pruned (src/lib/output/editions.ts):
      // the scripts they load on demand live in the edition's folder, out of this job's sight.
      if (select('html', page.tree)?.properties.dataEdition !== undefined) continue;
      // Share pages link only the stylesheet written for them (share-pages.ts), a few rules they
      // all use: pruning it for each of two thousand pages took a third of a second and kept them all.
      if (linksOnly(page.tree, shareCss)) continue;
      // Scripts the page loads, with their static imports: the class names in their strings count.
      let scripts = '';
      const queue = requestedUrls(page.tree)
        .map((url) => resolvePath(url, page.path))
        .filter((url) => url.endsWith('.js'));
      for (const seen = new Set<string>(); queue.length;) {
        const url = queue.shift() as string;
        if (seen.has(url)) continue;
        seen.add(url);
        const js = await text(url);
        scripts += js;
        queue.push(...staticImports(js).map((specifier) => resolvePath(specifier, url)));
      }
      const named = selectAll('[data-src]', page.tree).map((element) => String(element.properties.dataSrc));
      for (const [file, js] of lazy)
        if (named.some((src) => src.endsWith(`/${file}`)) || scripts.includes(file)) scripts += js;
      const markup = markupNames(page.tree);
      // Words of the scripts stand for classes they add and for elements they create alike.
      const scripted = classTokens(scripts);
      const has = (name: string) => markup.classes.has(name) || scripted.has(name) || always.has(name);
      const hasElement = (name: string) => markup.elements.has(name) || scripted.has(name);

      for (const link of selectAll('link[rel~="stylesheet"][href]', page.tree)) {
        const href = resolvePath(String(link.properties.href), page.path);
        const source = await text(href);
        if (!source) {
          context.fail(`${page.path}: stylesheet ${href} is not in the output`);
          continue;
        }
        const key = [href, sorted(markup.classes), sorted(markup.elements), sorted(scripted)].join('\n');
        let css = prunedFor.get(key);
        if (css === undefined) {
          css = dropUnusedVariables(pruneCss(source, has, hasElement));
          prunedFor.set(key, css);
        }
        const url = prunedName(href, css);
        if (!written.has(url)) {
          context.write(fileOf(url) as string, css);
          written.set(url, Buffer.byteLength(css));
        }
        link.properties.href = url;
        page.changed = true;
        replaced.add(href);
      }
    }
    for (const href of replaced) if (!written.has(href)) context.remove(fileOf(href) as string);
    const sizes = [...written.values()];
    if (sizes.length)
      context.info(
        `${context.pages.length} pages use ${written.size} stylesheets ` +
          `(${Math.min(...sizes)}–${Math.max(...sizes)} bytes)`,
      );
  },
};
