/**
 * Post-build job: the sitemap and the social images come from a page list (src/data/pages.ts),
 * while the pass sees the pages actually built. It warns when the two disagree, so a new page
 * is not left out of either.
 */
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { absoluteUrl } from '../links/urls.ts';
import { ogImagePath } from './og.ts';
import type { PostBuildJob } from './post-build.ts';

/** The `<loc>` URLs of a sitemap. */
export function sitemapUrls(xml: string): string[] {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(xml);
  return selectAll('loc', tree).map((loc) => toString(loc).trim());
}

/** The job: warns when the sitemap or the social images miss a built page, or list one not built. */
export const pageListCheck: PostBuildJob = {
  name: 'page-list',
  async run(context) {
    const pages = context.pages.filter((page) => !page.noindex);
    const listed = new Set(sitemapUrls((await context.readText('sitemap.xml')) ?? ''));
    const built = new Set(pages.map((page) => absoluteUrl(context.site, context.base, page.path)));
    const problems = [
      ...pages
        .filter((page) => !listed.has(absoluteUrl(context.site, context.base, page.path)))
        .map((page) => `${page.path} is not in sitemap.xml: add the page to src/data/pages.ts`),
      ...[...listed]
        .filter((url) => !built.has(url))
        .map((url) => `sitemap.xml lists ${url}, which is not a public page of the build: check src/data/pages.ts`),
    ];
    const files = new Set(await context.list());
    for (const page of pages) {
      const image = ogImagePath(page.path);
      if (!files.has(image.slice(1)))
        problems.push(`${page.path} has no social image ${image}: add the page to src/data/pages.ts`);
    }
    for (const problem of problems) context.warn(problem);
  },
};
