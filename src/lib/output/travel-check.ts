/**
 * Checks over a built site (scripts/check-dist.ts) that links travel as promised: every share
 * page leads to a place that exists, every id a pinned edition published resolves in it, and
 * nothing but the public pages is in the search index or the sitemap.
 */
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { readPageIds } from '../links/page-ids.ts';
import type { Registry } from '../links/registry.ts';
import { editionPath } from '../links/share.ts';
import type { BuiltPage } from './built-pages.ts';

const SHARE_PAGE = /^(v\d+\.\d+\/)?s\/.+\/index\.html$/;

/** Share pages (under /s/ or an edition's /v1.36/s/) whose redirect names no page, or an id the page lacks. */
export function sharePageProblems(pages: readonly BuiltPage[], base: string): string[] {
  const ids = new Map(pages.map((page) => [page.path, new Set(readPageIds(page.tree).ids)]));
  const problems: string[] = [];
  let count = 0;
  for (const page of pages) {
    if (!SHARE_PAGE.test(page.file)) continue;
    count++;
    const to = String(select('script[data-to]', page.tree)?.properties.dataTo ?? '');
    const [path = '', id = ''] = (to.startsWith(base) ? `/${to.slice(base.length)}` : to).split('#');
    if (!ids.get(path)?.has(id)) problems.push(`${page.path}: leads to ${path}#${id}, which does not exist`);
  }
  if (!count) problems.push('the build has no share pages');
  return problems;
}

/** Ids of an edition's registry that its copy in the build lacks. */
export function editionRegistryProblems(pages: readonly BuiltPage[], version: string, registry: Registry): string[] {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  return Object.entries(registry).flatMap(([path, published]) => {
    const page = byPath.get(editionPath(path, version));
    if (!page) return [`${editionPath(path, version)}: the edition's page is missing`];
    const present = new Set(readPageIds(page.tree).ids);
    const missing = published.filter((id) => !present.has(id));
    return missing.length ? [`${page.path}: published ids missing: ${missing.join(', ')}`] : [];
  });
}

/** Pages that are not public (editions, pinned copies, share pages) but are marked for search or in the sitemap. */
export function indexProblems(pages: readonly BuiltPage[], sitemap: string, siteRoot: string): string[] {
  // (page-list-check.ts reads sitemaps the same way, but its module loads the image code.)
  const listed = new Set(
    selectAll('loc', unified().use(rehypeParse, { fragment: true }).parse(sitemap)).map((loc) => toString(loc).trim()),
  );
  return pages.flatMap((page) => {
    if (!page.noindex) return [];
    const problems: string[] = [];
    if (select('[data-pagefind-body]', page.tree)) problems.push(`${page.path}: noindex, but in the search index`);
    if (listed.has(`${siteRoot}${page.path.slice(1)}`)) problems.push(`${page.path}: noindex, but in the sitemap`);
    return problems;
  });
}
